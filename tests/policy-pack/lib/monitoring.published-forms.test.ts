import assert from "node:assert/strict";
import { controlById } from "../../../lib/controls";
import { PatternJudge } from "../../../policy-pack/lib/monitoring";

// Each form as CIS AWS Foundations Benchmark (v1.2.0 to v5.0.0) or the Security Hub user guide
// ("Security Hub controls for Amazon CloudWatch", CloudWatch.1-14) publishes it, or an equivalent
// rewrite the issue names (reordered, requoted, re-bracketed, redundant eventSource dropped or added).
// `noisier` lists what the form matches that the catalog's pattern does not (an advisory note).
interface PublishedForm {
  readonly control: string;
  readonly source: string;
  readonly pattern: string;
  readonly noisier?: RegExp;
}

const IAM_POLICY_NAMES = [
  ...["DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy"],
  ...["PutUserPolicy", "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion"],
  ...["AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy"],
  ...["AttachGroupPolicy", "DetachGroupPolicy"],
];
const ROUTE_NAMES = [
  ...["CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation"],
  ...["DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable"],
];
const VPC_NAMES = [
  ...["CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection"],
  ...["CreateVpcPeeringConnection", "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection"],
  ...["AttachClassicLinkVpc", "DetachClassicLinkVpc", "DisableVpcClassicLink", "EnableVpcClassicLink"],
];

/** `($.eventName = A) || ($.eventName = B) ...`, spaced the way the CIS texts space it. */
function anyOf(names: readonly string[]): string {
  return names.map((name) => `($.eventName = ${name})`).join(" || ");
}

const FORMS: readonly PublishedForm[] = [
  {
    control: "unauthorized-api-calls",
    source: "CIS v1.2.0 3.1 (and Security Hub's CIS 1.2 remediation)",
    pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }',
  },
  {
    control: "unauthorized-api-calls",
    source: "CIS 4.1 as later versions write it, exclusions joined with &&",
    pattern:
      '{ ($.errorCode ="*UnauthorizedOperation") || ($.errorCode ="AccessDenied*") && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.eventName!="HeadBucket") }',
  },
  {
    control: "console-signin-without-mfa",
    source: "CIS v1.2.0 3.2 and CIS v1.4.0 to v5.0.0 4.2, primary form",
    pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
    noisier:
      /^ConsoleLogin on signin\.amazonaws\.com by IAMUser failing with "Failed authentication", ConsoleLogin on signin\.amazonaws\.com by AssumedRole, ConsoleLogin on signin\.amazonaws\.com by Root$/,
  },
  {
    control: "console-signin-without-mfa",
    source: "CIS v1.4.0 to v5.0.0 4.2, form for organizations using SSO; Security Hub CloudWatch.3",
    pattern:
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  },
  {
    control: "root-account-usage",
    source: "CIS v1.2.0 3.3 and CIS v1.4.0 to v5.0.0 4.3",
    pattern:
      '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  },
  {
    control: "iam-policy-changes",
    source: "CIS v1.2.0 3.4 and Security Hub CloudWatch.4",
    pattern: `{${IAM_POLICY_NAMES.map((name) => `($.eventName=${name})`).join("||")}}`,
  },
  {
    control: "iam-policy-changes",
    source: "CIS 4.4 list with a redundant eventSource (equivalent rewrite)",
    pattern: `{ ($.eventSource = iam.amazonaws.com) && (${anyOf(IAM_POLICY_NAMES)}) }`,
  },
  {
    control: "cloudtrail-config-changes",
    source: "CIS v1.2.0 3.5 and CIS v1.4.0 to v5.0.0 4.5",
    pattern: `{ ${anyOf(["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"])} }`,
  },
  {
    control: "console-auth-failures",
    source: "CIS v1.2.0 3.6 and CIS v1.4.0 to v5.0.0 4.6",
    pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
  },
  {
    control: "kms-key-disable-or-deletion",
    source: "CIS v1.2.0 3.7 and CIS v1.4.0 to v5.0.0 4.7",
    pattern:
      "{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }",
  },
  {
    control: "kms-key-disable-or-deletion",
    source: "CIS 4.7 with the eventSource dropped (equivalent rewrite)",
    pattern: '{ $.eventName = "ScheduleKeyDeletion" || $.eventName = "DisableKey" }',
  },
  {
    control: "s3-bucket-policy-changes",
    source: "CIS v1.2.0 3.8 and CIS v1.4.0 to v5.0.0 4.8",
    pattern: `{ ($.eventSource = s3.amazonaws.com) && (${anyOf([
      ...["PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication"],
      ...["DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication"],
    ])}) }`,
  },
  {
    control: "aws-config-changes",
    source: "CIS v1.2.0 3.9 and CIS v1.4.0 to v5.0.0 4.9",
    pattern:
      "{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel) ||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }",
  },
  {
    control: "security-group-changes",
    source: "CIS v1.2.0 3.10 and CIS v1.4.0 to v5.0.0 4.10",
    pattern: `{ ${anyOf([
      ...["AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress"],
      ...["RevokeSecurityGroupEgress", "CreateSecurityGroup", "DeleteSecurityGroup"],
    ])} }`,
  },
  {
    control: "nacl-changes",
    source: "CIS v1.2.0 3.11 and CIS v1.4.0 to v5.0.0 4.11",
    pattern: `{ ${anyOf([
      ...["CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry"],
      ...["ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation"],
    ])} }`,
  },
  {
    control: "network-gateway-changes",
    source: "CIS v1.2.0 3.12 and CIS v1.4.0 to v5.0.0 4.12",
    pattern: `{ ${anyOf([
      ...["CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway"],
      ...["CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway"],
    ])} }`,
  },
  {
    control: "route-table-changes",
    source: "CIS v1.2.0 3.13",
    pattern: `{ ${anyOf(ROUTE_NAMES)} }`,
  },
  {
    control: "route-table-changes",
    source: "CIS v1.4.0 to v5.0.0 4.13 (scoped to ec2.amazonaws.com)",
    pattern: `{($.eventSource = ec2.amazonaws.com) && (${anyOf(ROUTE_NAMES)}) }`,
  },
  {
    control: "vpc-changes",
    source: "CIS v1.2.0 3.14 and CIS v1.4.0 to v5.0.0 4.14",
    pattern: `{ ${anyOf(VPC_NAMES)} }`,
  },
  {
    control: "organizations-changes",
    source: "CIS v1.4.0 to v5.0.0 4.15, reordered and unquoted (equivalent rewrite)",
    pattern: `{ (${anyOf([
      ...["UpdateOrganizationalUnit", "UpdatePolicy", "RemoveAccountFromOrganization", "MoveAccount"],
      ...["LeaveOrganization", "InviteAccountToOrganization", "EnablePolicyType", "DisablePolicyType"],
      ...[
        "DetachPolicy",
        "DeletePolicy",
        "DeleteOrganizationalUnit",
        "DeleteOrganization",
        "DeclineHandshake",
      ],
      ...["CreatePolicy", "CreateOrganizationalUnit", "CreateAccount", "AttachPolicy", "AcceptHandshake"],
    ])}) && $.eventSource = "organizations.amazonaws.com" }`,
  },
];

describe("PatternJudge accepts every form CIS and Security Hub publish", () => {
  const judge = new PatternJudge();
  for (const form of FORMS) {
    it(`${form.control}: ${form.source}`, () => {
      const control = controlById(form.control);
      assert.ok(control, form.control);
      const verdict = judge.judge(form.pattern, control);
      assert.equal(verdict.kind, "covers", verdict.kind === "fails" ? verdict.why : "");
      if (verdict.kind !== "covers") return;
      if (form.noisier === undefined) assert.deepEqual(verdict.noisier, []);
      else assert.match(verdict.noisier.join(", "), form.noisier);
    });
  }

  it("accepts the catalog's own pattern (Security Hub's exact string where it has a control) as not noisier", () => {
    for (const form of new Set(FORMS.map((f) => f.control))) {
      const control = controlById(form);
      assert.ok(control);
      assert.deepEqual(judge.judge(control.filterPattern, control), { kind: "covers", noisier: [] });
    }
  });

  it("refuses the CIS v1.4.0 4.1 text that joins its exclusions with ||, saying it fires on ordinary calls", () => {
    const control = controlById("unauthorized-api-calls");
    assert.ok(control);
    const verdict = judge.judge(
      '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") || ($.sourceIPAddress!="delivery.logs.amazonaws.com") || ($.eventName!="HeadBucket") }',
      control,
    );
    assert.equal(verdict.kind, "fails");
    assert.match(
      verdict.kind === "fails" ? verdict.why : "",
      /^its pattern fires on ordinary successful calls \(DescribeInstances on ec2\.amazonaws\.com by IAMUser, .*\), so its alarm would count everyday activity: `\$\.sourceIPAddress != "delivery\.logs\.amazonaws\.com"` and `\$\.eventName != "HeadBucket"` are alternatives of `\|\|`, so on their own they match nearly every event; join such exclusions with `&&`$/,
    );
  });
});

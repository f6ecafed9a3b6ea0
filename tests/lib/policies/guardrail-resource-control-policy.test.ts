import assert from "node:assert/strict";
import { MAX_POLICY_DOCUMENT_CHARACTERS, compactPolicyJson } from "../../../lib/guardrails/limits";
import { ARCHIVE_KEY_ARN, buildGuardrailResourceControlPolicy } from "../../support/guardrail-fixtures";
import {
  ACCESS_LOG_BUCKET_ARN,
  ARCHIVE_BUCKET_ARN,
  ORGANIZATION_ID,
  listOf,
  statement,
} from "../../support/policy-fixtures";

describe("guardrailResourceControlPolicy", () => {
  const policy = buildGuardrailResourceControlPolicy();
  const resources = [
    ARCHIVE_BUCKET_ARN,
    `${ARCHIVE_BUCKET_ARN}/*`,
    ACCESS_LOG_BUCKET_ARN,
    `${ACCESS_LOG_BUCKET_ARN}/*`,
    ARCHIVE_KEY_ARN,
  ];

  it("denies only, to Principal \"*\", on the archive's buckets, objects and key ('RCP syntax')", () => {
    assert.deepEqual(
      policy.Statement.map((s) => s.Sid),
      ["ArchiveOrganizationPrincipalsOnly", "ArchiveServicesForOrganizationOnly", "ArchiveTlsOnly"],
    );
    for (const s of policy.Statement) {
      assert.equal(s.Effect, "Deny");
      assert.equal(s.Principal, "*");
      assert.deepEqual(listOf(s.Action), ["s3:*", "kms:*"]);
      assert.deepEqual(listOf(s.Resource), resources);
    }
  });

  it("keeps out principals of other organizations, leaving service principals to the next statement", () => {
    assert.deepEqual(statement(policy, "ArchiveOrganizationPrincipalsOnly").Condition, {
      StringNotEqualsIfExists: { "aws:PrincipalOrgID": ORGANIZATION_ID },
      BoolIfExists: { "aws:PrincipalIsAWSService": "false" },
    });
  });

  it("lets services in only when they act for an account of this organization (aws:SourceOrgID)", () => {
    assert.deepEqual(statement(policy, "ArchiveServicesForOrganizationOnly").Condition, {
      StringNotEqualsIfExists: { "aws:SourceOrgID": ORGANIZATION_ID },
      Null: { "aws:SourceAccount": "false" },
      Bool: { "aws:PrincipalIsAWSService": "true" },
    });
  });

  it("denies every request without TLS", () => {
    assert.deepEqual(statement(policy, "ArchiveTlsOnly").Condition, {
      BoolIfExists: { "aws:SecureTransport": "false" },
    });
  });

  it("stays within the 5,120 characters of an RCP as compact JSON", () => {
    // "Quotas and service limits for AWS Organizations": maximum size of a resource control policy.
    const size = compactPolicyJson(policy).length;
    assert.ok(size <= MAX_POLICY_DOCUMENT_CHARACTERS, `${size} characters`);
  });
});

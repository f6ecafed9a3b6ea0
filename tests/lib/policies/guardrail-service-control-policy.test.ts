import assert from "node:assert/strict";
import {
  GUARDED_ACTIONS,
  GUARDED_BUCKET_ACTIONS,
  GUARDED_KEY_ACTIONS,
  GUARDED_OBJECT_ACTIONS,
  GUARDED_TRAIL_ACTIONS,
} from "../../../lib/policies/guardrail-service-control-policy";
import { MAX_POLICY_DOCUMENT_CHARACTERS, compactPolicyJson } from "../../../lib/guardrails/limits";
import {
  ARCHIVE_KEY_ARN,
  DEPLOYMENT_ROLE_ARN,
  buildGuardrailServiceControlPolicy,
} from "../../support/guardrail-fixtures";
import {
  ACCESS_LOG_BUCKET_ARN,
  ARCHIVE_BUCKET_ARN,
  TRAIL_ARN,
  listOf,
  statement,
} from "../../support/policy-fixtures";

describe("guardrailServiceControlPolicy", () => {
  const policy = buildGuardrailServiceControlPolicy();
  const exemption = { ArnNotLike: { "aws:PrincipalArn": [DEPLOYMENT_ROLE_ARN] } };

  it("has one statement per concern, every one a Deny without a Principal (SCPs name none)", () => {
    assert.deepEqual(
      policy.Statement.map((s) => s.Sid),
      [
        "ProtectArchiveBuckets",
        "ProtectArchivedLogs",
        "ProtectArchiveKey",
        "ProtectOrganizationTrail",
        "DenyLeavingOrganization",
      ],
    );
    for (const s of policy.Statement) {
      assert.equal(s.Effect, "Deny", s.Sid);
      assert.equal(s.Principal, undefined, s.Sid);
    }
  });

  it("denies the bucket settings on both buckets, and only on them, unless the principal is exempt", () => {
    const s = statement(policy, "ProtectArchiveBuckets");
    assert.deepEqual(listOf(s.Action), [...GUARDED_BUCKET_ACTIONS]);
    assert.deepEqual(listOf(s.Resource), [ARCHIVE_BUCKET_ARN, ACCESS_LOG_BUCKET_ARN]);
    assert.deepEqual(s.Condition, exemption);
  });

  it("denies deleting log versions and bypassing governance retention on both buckets' objects", () => {
    const s = statement(policy, "ProtectArchivedLogs");
    assert.deepEqual(listOf(s.Action), [...GUARDED_OBJECT_ACTIONS]);
    assert.deepEqual(listOf(s.Resource), [`${ARCHIVE_BUCKET_ARN}/*`, `${ACCESS_LOG_BUCKET_ARN}/*`]);
    assert.deepEqual(s.Condition, exemption);
  });

  it("denies deleting, disabling, re-permissioning and granting the archive key", () => {
    const s = statement(policy, "ProtectArchiveKey");
    assert.deepEqual(listOf(s.Action), [...GUARDED_KEY_ACTIONS]);
    assert.deepEqual(listOf(s.Resource), [ARCHIVE_KEY_ARN]);
    assert.deepEqual(s.Condition, exemption);
  });

  it("denies stopping, deleting and changing the organization trail, by its ARN", () => {
    const s = statement(policy, "ProtectOrganizationTrail");
    assert.deepEqual(listOf(s.Action), [...GUARDED_TRAIL_ACTIONS]);
    assert.deepEqual(listOf(s.Resource), [TRAIL_ARN]);
    assert.deepEqual(s.Condition, exemption);
  });

  it("denies leaving the organization to everyone, exempt principals included", () => {
    const s = statement(policy, "DenyLeavingOrganization");
    assert.deepEqual(listOf(s.Action), ["organizations:LeaveOrganization"]);
    assert.equal(s.Resource, "*");
    assert.equal(s.Condition, undefined);
  });

  it("lists every guarded action exactly once", () => {
    const listed = policy.Statement.flatMap((s) => listOf(s.Action));
    assert.deepEqual([...listed].sort(), [...GUARDED_ACTIONS].sort());
    assert.equal(new Set(listed).size, listed.length);
  });

  it("stays within the 5,120 characters of an SCP as compact JSON, with ten exempt principals", () => {
    // "Quotas and service limits for AWS Organizations": maximum size of a service control policy.
    const many = Array.from({ length: 10 }, (_, i) => `${DEPLOYMENT_ROLE_ARN}-${i}`);
    const size = compactPolicyJson(buildGuardrailServiceControlPolicy(many)).length;
    assert.ok(size <= MAX_POLICY_DOCUMENT_CHARACTERS, `${size} characters`);
  });
});

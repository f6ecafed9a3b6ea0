import assert from "node:assert/strict";
import {
  ARCHIVE_BUCKET_ARN,
  buildArchiveBucketPolicy,
  listOf,
  MANAGEMENT_ACCOUNT_ID,
  ORGANIZATION_ID,
  statement,
  TRAIL_ARN,
} from "../../support/policy-fixtures";

describe("archiveBucketPolicy", () => {
  const policy = buildArchiveBucketPolicy();

  it("has the CloudTrail statements and the two denials, nothing else", () => {
    assert.equal(policy.Version, "2012-10-17");
    assert.deepEqual(
      policy.Statement.map((s) => s.Sid),
      ["CloudTrailAclCheck", "CloudTrailWrite", "DenyInsecureTransport", "DenyBucketDeletion"],
    );
  });

  it("lets CloudTrail check the bucket ACL only on behalf of this trail", () => {
    assert.deepEqual(statement(policy, "CloudTrailAclCheck"), {
      Sid: "CloudTrailAclCheck",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:GetBucketAcl",
      Resource: ARCHIVE_BUCKET_ARN,
      Condition: { StringEquals: { "aws:SourceArn": TRAIL_ARN } },
    });
  });

  // "Amazon S3 bucket policy for CloudTrail" (CloudTrail user guide): an organization trail writes
  // AWSLogs/<organizationId>/<accountId>/ for every account, the management account included; the
  // AWSLogs/<managementAccountId>/ grant serves only a trail converted back to a single-account trail.
  it("lets this trail write under the organization's prefix, and the legacy single-account prefix", () => {
    const write = statement(policy, "CloudTrailWrite");
    assert.equal(write.Effect, "Allow");
    assert.deepEqual(write.Principal, { Service: "cloudtrail.amazonaws.com" });
    assert.deepEqual(listOf(write.Action), ["s3:PutObject"]);
    assert.deepEqual(listOf(write.Resource), [
      `${ARCHIVE_BUCKET_ARN}/AWSLogs/${ORGANIZATION_ID}/*`,
      `${ARCHIVE_BUCKET_ARN}/AWSLogs/${MANAGEMENT_ACCOUNT_ID}/*`,
    ]);
    assert.deepEqual(write.Condition, {
      StringEquals: { "aws:SourceArn": TRAIL_ARN, "s3:x-amz-acl": "bucket-owner-full-control" },
    });
  });

  it("denies every request without TLS, on the bucket and its objects", () => {
    assert.deepEqual(statement(policy, "DenyInsecureTransport"), {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:*",
      Resource: [ARCHIVE_BUCKET_ARN, `${ARCHIVE_BUCKET_ARN}/*`],
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    });
  });

  it("denies deleting the bucket to everyone, unconditionally", () => {
    assert.deepEqual(statement(policy, "DenyBucketDeletion"), {
      Sid: "DenyBucketDeletion",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:DeleteBucket",
      Resource: ARCHIVE_BUCKET_ARN,
    });
  });

  it("allows nothing but CloudTrail's ACL check and writes, on this bucket only", () => {
    const allowed = policy.Statement.filter((s) => s.Effect === "Allow");
    assert.deepEqual(allowed.flatMap((s) => listOf(s.Action)).sort(), ["s3:GetBucketAcl", "s3:PutObject"]);
    for (const s of allowed) {
      for (const resource of listOf(s.Resource)) {
        assert.ok(resource === ARCHIVE_BUCKET_ARN || resource.startsWith(`${ARCHIVE_BUCKET_ARN}/`), resource);
      }
    }
  });
});

import assert from "node:assert/strict";
import { ACCESS_LOG_PREFIX } from "../../../lib/naming";
import {
  ACCESS_LOG_BUCKET_ARN,
  ARCHIVE_ACCOUNT_ID,
  ARCHIVE_BUCKET_ARN,
  buildAccessLogBucketPolicy,
  statement,
} from "../../support/policy-fixtures";

describe("accessLogBucketPolicy", () => {
  const policy = buildAccessLogBucketPolicy();

  it("has the delivery statement and the TLS denial, nothing else", () => {
    assert.deepEqual(
      policy.Statement.map((s) => s.Sid),
      ["S3ServerAccessLogsDelivery", "DenyInsecureTransport"],
    );
  });

  // "Enabling Amazon S3 server access logging" (S3 user guide): grant logging.s3.amazonaws.com PutObject on
  // the target prefix, pinned with aws:SourceArn (the source bucket) and aws:SourceAccount.
  it("lets S3 logging deliver under the prefix, only for the archive bucket of the archive account", () => {
    assert.deepEqual(statement(policy, "S3ServerAccessLogsDelivery"), {
      Sid: "S3ServerAccessLogsDelivery",
      Effect: "Allow",
      Principal: { Service: "logging.s3.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${ACCESS_LOG_BUCKET_ARN}/${ACCESS_LOG_PREFIX}*`,
      Condition: {
        ArnEquals: { "aws:SourceArn": ARCHIVE_BUCKET_ARN },
        StringEquals: { "aws:SourceAccount": ARCHIVE_ACCOUNT_ID },
      },
    });
  });

  it("denies requests without TLS on the access-log bucket and its objects", () => {
    const deny = statement(policy, "DenyInsecureTransport");
    assert.equal(deny.Effect, "Deny");
    assert.deepEqual(deny.Resource, [ACCESS_LOG_BUCKET_ARN, `${ACCESS_LOG_BUCKET_ARN}/*`]);
    assert.deepEqual(deny.Condition, { Bool: { "aws:SecureTransport": "false" } });
  });
});

import assert from "node:assert/strict";
import {
  isSnsTopicArn,
  kmsAliasNameOf,
  kmsKeyIdOf,
  logGroupNameFromArn,
  s3ResourceCoverage,
} from "../../../policy-pack/lib/arn";

describe("ARN helpers", () => {
  it("reads the log group name with or without the log-stream wildcard", () => {
    assert.equal(
      logGroupNameFromArn("arn:aws:logs:eu-west-1:111122223333:log-group:/org/trail:*"),
      "/org/trail",
    );
    assert.equal(logGroupNameFromArn("arn:aws:logs:eu-west-1:111122223333:log-group:org-trail"), "org-trail");
    assert.equal(logGroupNameFromArn("org-trail"), undefined);
  });

  it("reads key ids and alias names from ARNs and leaves other references alone", () => {
    assert.equal(kmsKeyIdOf("arn:aws:kms:eu-west-1:111122223333:key/abcd-1"), "abcd-1");
    assert.equal(kmsKeyIdOf("abcd-1"), "abcd-1");
    assert.equal(kmsAliasNameOf("arn:aws:kms:eu-west-1:111122223333:alias/org-trail"), "alias/org-trail");
  });

  it("recognises SNS topic ARNs only", () => {
    assert.ok(isSnsTopicArn("arn:aws:sns:eu-west-1:111122223333:alerts"));
    assert.ok(!isSnsTopicArn("arn:aws:automate:eu-west-1:ec2:stop"));
  });

  it("tells whether a resource pattern covers the bucket and all of its objects", () => {
    assert.deepEqual(s3ResourceCoverage("arn:aws:s3:::logs", "logs"), { bucket: true, objects: false });
    assert.deepEqual(s3ResourceCoverage("arn:aws:s3:::logs/*", "logs"), { bucket: false, objects: true });
    assert.deepEqual(s3ResourceCoverage("arn:aws:s3:::logs/AWSLogs/*", "logs"), {
      bucket: false,
      objects: false,
    });
    assert.deepEqual(s3ResourceCoverage("arn:aws:s3:::log?", "logs"), { bucket: true, objects: false });
    assert.deepEqual(s3ResourceCoverage("arn:aws:s3:::logs.v2/*", "logs-v2"), {
      bucket: false,
      objects: false,
    });
  });
});

import assert from "node:assert/strict";
import { checkBucketAccessLogging } from "../../../policy-pack/policies/trail-bucket-access-logging";
import {
  ACCESS_LOG_BUCKET,
  ARCHIVE_BUCKET,
  UNKNOWN,
  compliantStack,
  reasonOf,
  resource,
  single,
  urnNamed,
  withDependencies,
  withProps,
  without,
} from "../fixtures";

describe("trail-bucket-access-logging", () => {
  it("passes access logging into a separate bucket without Object Lock", () => {
    assert.equal(single(checkBucketAccessLogging(compliantStack())).status, "compliant");
  });

  it("fails a bucket without access logging", () => {
    const result = single(checkBucketAccessLogging(without(compliantStack(), "archive-logging")));
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /has no server access logging/);
  });

  it("fails logging into the archive bucket itself", () => {
    const result = single(
      checkBucketAccessLogging(
        withProps(compliantStack(), "archive-logging", { targetBucket: ARCHIVE_BUCKET }),
      ),
    );
    assert.match(reasonOf(result), /writes its access logs into itself/);
  });

  it("fails a target bucket with Object Lock, where S3 cannot deliver access logs", () => {
    const stack = [
      ...compliantStack(),
      resource("aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration", "access-logs-lock", {
        bucket: ACCESS_LOG_BUCKET,
        rule: { defaultRetention: { mode: "GOVERNANCE", days: 1 } },
      }),
    ];
    const result = single(checkBucketAccessLogging(stack));
    assert.equal(result.status, "non-compliant");
    assert.match(
      reasonOf(result),
      /bucket "org-trail-access-logs-111122223333", which has Object Lock, so S3 cannot deliver them/,
    );
  });

  it("passes a target bucket another stack manages", () => {
    const stack = withProps(compliantStack(), "archive-logging", { targetBucket: "central-access-logs" });
    assert.equal(single(checkBucketAccessLogging(stack)).status, "compliant");
  });

  it("does not apply to a stack without a trail", () => {
    assert.equal(
      single(checkBucketAccessLogging(without(compliantStack(), "org-trail"))).status,
      "not-applicable",
    );
  });

  it("cannot judge an unknown target, and follows preview dependencies when it can", () => {
    const unknownTarget = withProps(compliantStack(), "archive-logging", { targetBucket: UNKNOWN });
    assert.equal(single(checkBucketAccessLogging(unknownTarget)).status, "unknown");
    const viaDependency = withDependencies(unknownTarget, "archive-logging", {
      targetBucket: [urnNamed(unknownTarget, "access-logs")],
    });
    assert.equal(single(checkBucketAccessLogging(viaDependency)).status, "compliant");
  });
});

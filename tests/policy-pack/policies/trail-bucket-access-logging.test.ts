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
  withUnknownBucketCopy,
} from "../fixtures";

describe("trail-bucket-access-logging", () => {
  it("passes access logging into a separate bucket without Object Lock", () => {
    assert.equal(single(checkBucketAccessLogging(compliantStack())).status, "compliant");
  });

  it("fails a bucket without access logging", () => {
    const result = single(checkBucketAccessLogging(without(compliantStack(), "archive-logging")));
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /has no server access logging/);
    // An inline `logging: null` is no logging either, not a logging block without a target.
    const nullBlock = withProps(without(compliantStack(), "archive-logging"), "archive", { logging: null });
    assert.match(reasonOf(single(checkBucketAccessLogging(nullBlock))), /has no server access logging/);
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

  it("accepts the deprecated inline logging block of the bucket, judging its target the same way", () => {
    const inline = (logging: unknown) =>
      withProps(without(compliantStack(), "archive-logging"), "archive", { logging });
    assert.equal(
      single(checkBucketAccessLogging(inline({ targetBucket: ACCESS_LOG_BUCKET }))).status,
      "compliant",
    );
    assert.match(
      reasonOf(single(checkBucketAccessLogging(inline({ targetBucket: ARCHIVE_BUCKET })))),
      /writes its access logs into itself/,
    );
  });

  it("fails a logging resource without a target bucket, naming the property to set", () => {
    const stack = withProps(compliantStack(), "archive-logging", { targetBucket: undefined });
    const result = single(checkBucketAccessLogging(stack));
    assert.equal(result.status, "non-compliant");
    assert.match(
      reasonOf(result),
      /^bucket "org-trail-archive-111122223333" logs to no target bucket; set `targetBucket`/,
    );
  });

  it("does not apply to a stack without a trail", () => {
    assert.equal(
      single(checkBucketAccessLogging(without(compliantStack(), "org-trail"))).status,
      "not-applicable",
    );
  });

  it("cannot judge an unknown target, and follows preview dependencies when it can", () => {
    const unknownTarget = withProps(compliantStack(), "archive-logging", { targetBucket: UNKNOWN });
    const result = single(checkBucketAccessLogging(unknownTarget));
    assert.equal(result.status, "unknown");
    assert.match(
      reasonOf(result),
      /^the access-log target bucket of bucket "org-trail-archive-111122223333" is not known during preview/,
    );
    const viaDependency = withDependencies(unknownTarget, "archive-logging", {
      targetBucket: [urnNamed(unknownTarget, "access-logs")],
    });
    assert.equal(single(checkBucketAccessLogging(viaDependency)).status, "compliant");
  });

  it("cannot judge a logging resource whose bucket is unknown, nor an unknown inline logging block", () => {
    const loggingOf = withProps(compliantStack(), "archive-logging", { bucket: UNKNOWN });
    assert.match(
      reasonOf(single(checkBucketAccessLogging(loggingOf))),
      /^which bucket BucketLogging "archive-logging" logs is not known during preview/,
    );
    const inline = withProps(without(compliantStack(), "archive-logging"), "archive", { logging: UNKNOWN });
    const result = single(checkBucketAccessLogging(inline));
    assert.equal(result.status, "unknown");
    assert.match(
      reasonOf(result),
      /^the access logging of bucket "org-trail-archive-111122223333" is not known/,
    );
  });

  it("cannot judge a target bucket whose Object Lock is unknown in preview", () => {
    const stack = withProps(compliantStack(), "access-logs", { objectLockEnabled: UNKNOWN });
    const result = single(checkBucketAccessLogging(stack));
    assert.equal(result.status, "unknown");
    assert.match(
      reasonOf(result),
      /^whether access-log bucket "org-trail-access-logs-111122223333" has Object Lock is not known/,
    );
  });

  it("judges the bucket's own logging configuration while another one's bucket is not known yet", () => {
    // A settings resource whose bucket is unknown belongs to some bucket; the one linked to this bucket decides.
    const stack = withUnknownBucketCopy(compliantStack(), "archive-logging");
    assert.equal(single(checkBucketAccessLogging(stack)).status, "compliant");
  });
});

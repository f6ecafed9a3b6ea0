import assert from "node:assert/strict";
import { checkBucketLifecycle } from "../../../policy-pack/policies/trail-bucket-lifecycle";
import {
  UNKNOWN,
  compliantStack,
  reasonOf,
  single,
  withProps,
  without,
  withUnknownBucketCopy,
} from "../fixtures";

const DEFAULTS = { minimumRetentionDays: 365 };

function withRules(...rules: Record<string, unknown>[]) {
  return withProps(compliantStack(), "archive-lifecycle", { rules });
}

describe("trail-bucket-lifecycle", () => {
  it("passes transitions and expirations after the retention", () => {
    assert.equal(single(checkBucketLifecycle(compliantStack(), DEFAULTS)).status, "compliant");
  });

  it("passes a bucket without lifecycle rules", () => {
    assert.equal(
      single(checkBucketLifecycle(without(compliantStack(), "archive-lifecycle"), DEFAULTS)).status,
      "compliant",
    );
  });

  it("fails current-object expiration before the retention, naming the rule", () => {
    const result = single(
      checkBucketLifecycle(
        withRules({ id: "cleanup", status: "Enabled", expiration: { days: 90 } }),
        DEFAULTS,
      ),
    );
    assert.equal(result.status, "non-compliant");
    assert.match(
      reasonOf(result),
      /must keep logs 365 days, but rule "cleanup" expires objects after 90 days/,
    );
  });

  it("fails noncurrent-version expiration before the retention when no Object Lock retention holds the versions", () => {
    const stack = without(
      withRules({
        id: "old-versions",
        status: "Enabled",
        noncurrentVersionExpiration: { noncurrentDays: 30 },
      }),
      "archive-object-lock",
    );
    assert.match(
      reasonOf(single(checkBucketLifecycle(stack, DEFAULTS))),
      /expires noncurrent versions after 30 days/,
    );
  });

  // "Object Lock considerations" (S3 user guide), "Managing S3 Lifecycle policies with Object Lock":
  // lifecycle does not delete a locked version, so a short noncurrent expiration cannot cut the retention.
  it("passes a short noncurrent-version expiration when a default Object Lock retention covers the minimum", () => {
    const stack = withProps(
      withRules({
        id: "delete-expired",
        status: "Enabled",
        expiration: { days: 2555 },
        noncurrentVersionExpiration: { noncurrentDays: 1 },
      }),
      "archive-object-lock",
      { rule: { defaultRetention: { mode: "COMPLIANCE", days: 2555 } } },
    );
    assert.equal(single(checkBucketLifecycle(stack, DEFAULTS)).status, "compliant");
    const shortLock = withProps(stack, "archive-object-lock", {
      rule: { defaultRetention: { mode: "COMPLIANCE", days: 30 } },
    });
    assert.match(
      reasonOf(single(checkBucketLifecycle(shortLock, DEFAULTS))),
      /expires noncurrent versions after 1 days/,
    );
  });

  it("fails a date-based expiration, which deletes objects of any age", () => {
    const stack = withRules({
      id: "sunset",
      status: "Enabled",
      expiration: { date: "2030-01-01T00:00:00Z" },
    });
    assert.match(
      reasonOf(single(checkBucketLifecycle(stack, DEFAULTS))),
      /expires objects of any age on 2030-01-01/,
    );
  });

  it("ignores disabled rules", () => {
    const stack = withRules({ id: "cleanup", status: "Disabled", expiration: { days: 1 } });
    assert.equal(single(checkBucketLifecycle(stack, DEFAULTS)).status, "compliant");
  });

  it("raises the bar to a longer Object Lock retention", () => {
    const stack = withProps(
      withRules({ id: "after-a-year", status: "Enabled", expiration: { days: 400 } }),
      "archive-object-lock",
      { rule: { defaultRetention: { mode: "COMPLIANCE", years: 2 } } },
    );
    assert.match(reasonOf(single(checkBucketLifecycle(stack, DEFAULTS))), /must keep logs 730 days/);
  });

  it("reads the deprecated inline rules of the bucket", () => {
    const stack = withProps(compliantStack(), "archive", {
      lifecycleRules: [{ id: "inline", enabled: true, expiration: { days: 7 } }],
    });
    assert.match(
      reasonOf(single(checkBucketLifecycle(stack, DEFAULTS))),
      /rule "inline" expires objects after 7 days/,
    );
  });

  it("does not apply to a stack without a trail", () => {
    assert.equal(
      single(checkBucketLifecycle(without(compliantStack(), "org-trail"), DEFAULTS)).status,
      "not-applicable",
    );
  });

  it("cannot judge rules that hold unknown values", () => {
    const stack = withRules({ id: "cleanup", status: "Enabled", expiration: { days: UNKNOWN } });
    const result = single(checkBucketLifecycle(stack, DEFAULTS));
    assert.equal(result.status, "unknown");
    assert.match(
      reasonOf(result),
      /^the lifecycle rules of bucket "org-trail-archive-111122223333" is not known during preview/,
    );
  });

  it("names every rule that expires too early, one after another", () => {
    const stack = withRules(
      { id: "purge-current", status: "Enabled", expiration: { days: 30 } },
      { id: "purge-old", status: "Enabled", noncurrentVersionExpiration: { noncurrentDays: 7 } },
    );
    const lockless = withProps(without(stack, "archive-object-lock"), "archive", {
      objectLockEnabled: false,
    });
    assert.match(
      reasonOf(single(checkBucketLifecycle(lockless, DEFAULTS))),
      /rule "purge-current" [^;]+; rule "purge-old" /,
    );
  });

  it("cannot judge while the Object Lock retention, or the bucket a configuration applies to, is unknown", () => {
    const retention = withProps(compliantStack(), "archive-object-lock", {
      rule: { defaultRetention: UNKNOWN },
    });
    assert.match(
      reasonOf(single(checkBucketLifecycle(retention, DEFAULTS))),
      /^the default retention of bucket "org-trail-archive-111122223333" is not known/,
    );
    const target = withProps(compliantStack(), "archive-lifecycle", { bucket: UNKNOWN });
    assert.match(
      reasonOf(single(checkBucketLifecycle(target, DEFAULTS))),
      /^which bucket BucketLifecycleConfiguration "archive-lifecycle" applies to is not known/,
    );
  });

  it("judges the bucket's own lifecycle configuration while another one's bucket is not known yet", () => {
    // A settings resource whose bucket is unknown belongs to some bucket; the one linked to this bucket decides.
    const stack = withUnknownBucketCopy(compliantStack(), "archive-lifecycle");
    assert.equal(single(checkBucketLifecycle(stack, DEFAULTS)).status, "compliant");
  });
});

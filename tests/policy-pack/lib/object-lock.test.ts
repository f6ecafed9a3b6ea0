import assert from "node:assert/strict";
import { objectLockOf } from "../../../policy-pack/lib/object-lock";
import type { StackResource } from "../../../policy-pack/lib/stack";
import { ARCHIVE_BUCKET, UNKNOWN, resource } from "../fixtures";

// "Locking objects with Object Lock" and "Configuring S3 Object Lock" (Amazon S3 User Guide): Object Lock is
// on when the bucket was created with it or a PutObjectLockConfiguration says Enabled; a default retention
// has a mode and either Days or Years.

const BUCKET = "aws:s3/bucket:Bucket";
const LOCK = "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration";

function bucket(props: Record<string, unknown> = {}): StackResource {
  return resource(BUCKET, "archive", { bucket: ARCHIVE_BUCKET, ...props });
}

function lock(props: Record<string, unknown>, bucketName: unknown = ARCHIVE_BUCKET): StackResource {
  return resource(LOCK, "archive-lock", { bucket: bucketName, ...props });
}

const COMPLIANCE_365 = { rule: { defaultRetention: { mode: "COMPLIANCE", days: 365 } } };

describe("objectLockOf: a bucket's Object Lock state", () => {
  it("reads the configuration resource, which defaults to Enabled", () => {
    const b = bucket();
    assert.deepEqual(objectLockOf([b, lock(COMPLIANCE_365)], b), {
      kind: "enabled",
      retention: { mode: "COMPLIANCE", days: 365 },
    });
    assert.deepEqual(objectLockOf([b, lock({ objectLockEnabled: "Enabled" })], b), {
      kind: "enabled",
      retention: undefined,
    });
    assert.deepEqual(objectLockOf([b, lock({ objectLockEnabled: "Disabled", ...COMPLIANCE_365 })], b), {
      kind: "disabled",
    });
    assert.deepEqual(objectLockOf([b, lock({ objectLockEnabled: UNKNOWN })], b), {
      kind: "unknown",
      what: "`objectLockEnabled`",
    });
  });

  it("counts years as 365 days, prefers days, and keeps a retention without a number", () => {
    const b = bucket();
    const retention = (defaultRetention: unknown) =>
      objectLockOf([b, lock({ rule: { defaultRetention } })], b);
    assert.deepEqual(retention({ mode: "GOVERNANCE", years: 2 }), {
      kind: "enabled",
      retention: { mode: "GOVERNANCE", days: 730 },
    });
    assert.deepEqual(retention({ mode: "COMPLIANCE", days: 10, years: 2 }), {
      kind: "enabled",
      retention: { mode: "COMPLIANCE", days: 10 },
    });
    // The engine sends null for a block left out; it is no retention, not a retention without mode or days.
    assert.deepEqual(retention(null), { kind: "enabled", retention: undefined });
    assert.deepEqual(retention({ mode: 1, days: "10" }), {
      kind: "enabled",
      retention: { mode: undefined, days: undefined },
    });
    for (const pending of [
      UNKNOWN,
      { mode: UNKNOWN, days: 1 },
      { mode: "COMPLIANCE", days: UNKNOWN },
      { mode: "COMPLIANCE", years: UNKNOWN },
    ]) {
      assert.deepEqual(
        retention(pending),
        { kind: "unknown", what: "the default retention" },
        JSON.stringify(pending),
      );
    }
  });

  it("does not take another bucket's configuration, and waits for one whose bucket is not known", () => {
    const b = bucket();
    assert.deepEqual(objectLockOf([b, lock(COMPLIANCE_365, "other-bucket")], b), { kind: "disabled" });
    assert.deepEqual(objectLockOf([b, lock(COMPLIANCE_365, UNKNOWN)], b), {
      kind: "unknown",
      what: "which bucket the Object Lock configuration belongs to",
    });
  });

  it("falls back to the bucket's inline settings", () => {
    assert.deepEqual(objectLockOf([bucket()], bucket()), { kind: "disabled" });
    assert.deepEqual(objectLockOf([bucket({ objectLockEnabled: false })], bucket()), { kind: "disabled" });
    const flagged = bucket({ objectLockEnabled: true });
    assert.deepEqual(objectLockOf([flagged], flagged), { kind: "enabled", retention: undefined });
    const inline = bucket({ objectLockConfiguration: { objectLockEnabled: "Enabled", ...COMPLIANCE_365 } });
    assert.deepEqual(objectLockOf([inline], inline), {
      kind: "enabled",
      retention: { mode: "COMPLIANCE", days: 365 },
    });
    const inlineOff = bucket({
      objectLockConfiguration: { objectLockEnabled: "Disabled", ...COMPLIANCE_365 },
    });
    assert.deepEqual(objectLockOf([inlineOff], inlineOff), { kind: "disabled" });
    for (const pending of [
      bucket({ objectLockEnabled: UNKNOWN }),
      bucket({ objectLockConfiguration: { objectLockEnabled: UNKNOWN } }),
    ]) {
      assert.deepEqual(objectLockOf([pending], pending), { kind: "unknown", what: "`objectLockEnabled`" });
    }
  });
});

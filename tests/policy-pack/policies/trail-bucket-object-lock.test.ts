import assert from "node:assert/strict";
import { checkBucketObjectLock } from "../../../policy-pack/policies/trail-bucket-object-lock";
import {
  UNKNOWN,
  compliantStack,
  previewStack,
  reasonOf,
  single,
  urnNamed,
  withProps,
  without,
} from "../fixtures";

const DEFAULTS = { mode: "COMPLIANCE" as const, minimumRetentionDays: 365 };

function lockedFor(retention: Record<string, unknown>) {
  return withProps(compliantStack(), "archive-object-lock", { rule: { defaultRetention: retention } });
}

describe("trail-bucket-object-lock", () => {
  it("passes a COMPLIANCE-mode lock of 365 days, and reports on the bucket", () => {
    const finding = single(checkBucketObjectLock(compliantStack(), DEFAULTS));
    assert.equal(finding.status, "compliant");
    assert.equal(finding.urn, urnNamed(compliantStack(), "archive"));
  });

  it("counts years as 365 days", () => {
    assert.equal(
      single(checkBucketObjectLock(lockedFor({ mode: "COMPLIANCE", years: 1 }), DEFAULTS)).status,
      "compliant",
    );
    const short = single(
      checkBucketObjectLock(lockedFor({ mode: "COMPLIANCE", years: 1 }), {
        ...DEFAULTS,
        minimumRetentionDays: 366,
      }),
    );
    assert.match(reasonOf(short), /retains logs for 365 days, fewer than the required 366/);
  });

  it("fails GOVERNANCE mode unless the config accepts it", () => {
    const governance = lockedFor({ mode: "GOVERNANCE", days: 400 });
    const result = single(checkBucketObjectLock(governance, DEFAULTS));
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /locks in GOVERNANCE mode: .*BypassGovernanceRetention/);
    assert.equal(
      single(checkBucketObjectLock(governance, { ...DEFAULTS, mode: "GOVERNANCE" })).status,
      "compliant",
    );
  });

  it("fails a retention shorter than the configured minimum", () => {
    const result = single(checkBucketObjectLock(lockedFor({ mode: "COMPLIANCE", days: 30 }), DEFAULTS));
    assert.match(reasonOf(result), /bucket "org-trail-archive-111122223333" retains logs for 30 days/);
  });

  it("fails a bucket without Object Lock", () => {
    const stack = withProps(without(compliantStack(), "archive-object-lock"), "archive", {
      objectLockEnabled: false,
    });
    const result = single(checkBucketObjectLock(stack, DEFAULTS));
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /has no Object Lock/);
  });

  it("fails Object Lock without a default retention", () => {
    const stack = withProps(compliantStack(), "archive-object-lock", { rule: undefined });
    assert.match(reasonOf(single(checkBucketObjectLock(stack, DEFAULTS))), /no default retention/);
  });

  it("accepts the deprecated inline lock settings of the bucket", () => {
    const stack = withProps(without(compliantStack(), "archive-object-lock"), "archive", {
      objectLockConfiguration: {
        objectLockEnabled: "Enabled",
        rule: { defaultRetention: { mode: "COMPLIANCE", days: 730 } },
      },
    });
    assert.equal(single(checkBucketObjectLock(stack, DEFAULTS)).status, "compliant");
  });

  it("does not apply to a stack without a trail", () => {
    assert.equal(
      single(checkBucketObjectLock(without(compliantStack(), "org-trail"), DEFAULTS)).status,
      "not-applicable",
    );
  });

  it("cannot judge a retention that is unknown during preview", () => {
    const result = single(checkBucketObjectLock(lockedFor({ mode: "COMPLIANCE", days: UNKNOWN }), DEFAULTS));
    assert.equal(result.status, "unknown");
    assert.match(reasonOf(result), /default retention .* is not known during preview/);
  });

  it("follows the trail to its bucket through preview dependencies", () => {
    const stack = withProps(previewStack(), "org-trail", { s3BucketName: UNKNOWN });
    assert.equal(single(checkBucketObjectLock(stack, DEFAULTS)).status, "compliant");
  });

  it("cannot verify, as advisory, a bucket managed by another stack", () => {
    const result = single(
      checkBucketObjectLock(
        withProps(compliantStack(), "org-trail", { s3BucketName: "central-archive" }),
        DEFAULTS,
      ),
    );
    assert.equal(result.status, "unknown");
    assert.match(reasonOf(result), /^cannot verify: .*"central-archive", which this stack does not manage/);
  });

  it("names a missing retention mode or period rather than passing it", () => {
    const lockWith = (defaultRetention: Record<string, unknown>) =>
      single(
        checkBucketObjectLock(
          withProps(compliantStack(), "archive-object-lock", { rule: { defaultRetention } }),
          { mode: "COMPLIANCE", minimumRetentionDays: 365 },
        ),
      );
    assert.match(
      reasonOf(lockWith({ days: 365 })),
      /locks in no mode: principals with s3:BypassGovernanceRetention/,
    );
    assert.match(
      reasonOf(lockWith({ mode: "COMPLIANCE" })),
      /retains logs for no days, fewer than the required 365/,
    );
  });
});

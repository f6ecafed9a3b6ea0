import assert from "node:assert/strict";
import fc from "fast-check";
import {
  ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS,
  ACCESS_LOG_RETENTION_DAYS,
  accessLogLifecycleRules,
  archiveLifecycleRules,
  NONCURRENT_DELETION_DAYS,
} from "../../../lib/archive/lifecycle-rules";
import { lifecycleProblems, LogArchiveConfig } from "../../../lib/config/validate";

type Lifecycle = LogArchiveConfig["lifecycle"];

/** Lifecycles that pass validation, with the retention they were validated against. */
const validLifecycle: fc.Arbitrary<{ lifecycle: Lifecycle; retentionDays: number }> = fc
  .record({
    retentionDays: fc.integer({ min: 1, max: 3650 }),
    ia: fc.option(fc.integer({ min: 30, max: 400 }), { nil: undefined }),
    glacierGap: fc.option(fc.integer({ min: 30, max: 400 }), { nil: undefined }),
    deepGap: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
    expireGap: fc.option(fc.integer({ min: 1, max: 4000 }), { nil: undefined }),
  })
  .map(({ retentionDays, ia, glacierGap, deepGap, expireGap }) => {
    const glacier = glacierGap === undefined ? undefined : (ia ?? 0) + glacierGap;
    // Standard-IA keeps objects 30 days whichever class comes next.
    const deepFloor = glacier ?? (ia !== undefined ? ia + 29 : 0);
    const deep = deepGap === undefined ? undefined : deepFloor + deepGap;
    const last = deep ?? glacier ?? ia ?? 0;
    const expire = expireGap === undefined ? undefined : Math.max(retentionDays, last + 1) + expireGap - 1;
    const lifecycle: Lifecycle = {
      ...(ia !== undefined ? { infrequentAccessAfterDays: ia } : {}),
      ...(glacier !== undefined ? { glacierAfterDays: glacier } : {}),
      ...(deep !== undefined ? { deepArchiveAfterDays: deep } : {}),
      ...(expire !== undefined ? { expireAfterDays: expire } : {}),
    };
    return { lifecycle, retentionDays };
  });

describe("archiveLifecycleRules", () => {
  it("turns the default lifecycle into Standard-IA and Glacier transitions without expiry", () => {
    assert.deepEqual(archiveLifecycleRules({ infrequentAccessAfterDays: 90, glacierAfterDays: 365 }), [
      {
        id: "archive-trail-logs",
        status: "Enabled",
        filter: {},
        transitions: [
          { days: 90, storageClass: "STANDARD_IA" },
          { days: 365, storageClass: "GLACIER" },
        ],
        abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
      },
    ]);
  });

  it("adds Deep Archive and the expiry when configured", () => {
    const [rule] = archiveLifecycleRules({
      infrequentAccessAfterDays: 30,
      glacierAfterDays: 60,
      deepArchiveAfterDays: 180,
      expireAfterDays: 2555,
    });
    assert.deepEqual(rule.transitions, [
      { days: 30, storageClass: "STANDARD_IA" },
      { days: 60, storageClass: "GLACIER" },
      { days: 180, storageClass: "DEEP_ARCHIVE" },
    ]);
    assert.deepEqual(rule.expiration, { days: 2555 });
  });

  it("leaves transitions out when none is configured", () => {
    const [rule] = archiveLifecycleRules({ expireAfterDays: 400 });
    assert.equal("transitions" in rule, false);
    assert.deepEqual(rule.expiration, { days: 400 });
  });

  // "Expiring objects" (S3 user guide): in a versioned bucket, expiration adds a delete marker and the
  // log version becomes noncurrent at that moment; NoncurrentVersionExpiration counts from then. The old
  // max(retention, expiry) kept a 7-year log about 14 years.
  it("deletes an expired log one day after it expires, not a second retention later", () => {
    assert.equal(NONCURRENT_DELETION_DAYS, 1);
    const [rule] = archiveLifecycleRules({ expireAfterDays: 2555 });
    assert.deepEqual(rule.expiration, { days: 2555 });
    assert.deepEqual(rule.noncurrentVersionExpiration, { noncurrentDays: 1 });
  });

  it("never deletes anything, noncurrent versions included, when no expiry is configured", () => {
    const [rule] = archiveLifecycleRules({ glacierAfterDays: 365 });
    assert.equal("expiration" in rule, false);
    assert.equal("noncurrentVersionExpiration" in rule, false);
  });

  it("always aborts incomplete multipart uploads", () => {
    assert.equal(ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS, 7);
    assert.deepEqual(archiveLifecycleRules({})[0].abortIncompleteMultipartUpload, {
      daysAfterInitiation: 7,
    });
  });

  it("for any valid lifecycle: nothing expires before the lock retention, transitions only move forward", () => {
    fc.assert(
      fc.property(validLifecycle, ({ lifecycle, retentionDays }) => {
        assert.deepEqual(
          lifecycleProblems(lifecycle, retentionDays),
          [],
          "the generator made an invalid lifecycle",
        );
        const rules = archiveLifecycleRules(lifecycle);
        assert.equal(rules.length, 1);
        const [rule] = rules;
        // Permanent deletion lands within 30 days after expireAfterDays, never before the lock ends.
        if (rule.expiration) {
          const expire = rule.expiration.days!;
          assert.ok(expire >= retentionDays);
          const deletedAfter = expire + rule.noncurrentVersionExpiration!.noncurrentDays!;
          assert.ok(deletedAfter > retentionDays && deletedAfter <= expire + 30);
        } else {
          assert.equal(rule.noncurrentVersionExpiration, undefined);
        }
        const days = (rule.transitions ?? []).map((t) => t.days!);
        assert.deepEqual(
          days,
          [...days].sort((a, b) => a - b),
        );
        assert.equal(new Set(days).size, days.length);
        if (rule.expiration && days.length > 0) assert.ok(rule.expiration.days! > days[days.length - 1]);
        const standardIa = rule.transitions?.find((t) => t.storageClass === "STANDARD_IA");
        if (standardIa) assert.ok(standardIa.days! >= 30);
        assert.equal(
          rule.abortIncompleteMultipartUpload?.daysAfterInitiation,
          ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS,
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe("accessLogLifecycleRules", () => {
  it("expires access logs after a year and cleans up noncurrent versions and uploads", () => {
    assert.equal(ACCESS_LOG_RETENTION_DAYS, 365);
    assert.deepEqual(accessLogLifecycleRules(), [
      {
        id: "expire-access-logs",
        status: "Enabled",
        filter: {},
        expiration: { days: 365 },
        noncurrentVersionExpiration: { noncurrentDays: 30 },
        abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
      },
    ]);
  });
});

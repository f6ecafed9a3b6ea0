import assert from "node:assert/strict";
import {
  type ExpiryRule,
  earlyExpiries,
  rulesOfBucket,
  rulesOfConfiguration,
} from "../../../policy-pack/lib/lifecycle";
import { UNKNOWN } from "../fixtures";

// "Lifecycle configuration elements" (Amazon S3 User Guide): a rule acts only when its Status is Enabled;
// Expiration by Days deletes current objects that age, Expiration by Date deletes every object on that
// date, NoncurrentVersionExpiration deletes versions some days after they become noncurrent.

const KEEP = 365;

function rule(overrides: Partial<ExpiryRule> = {}): ExpiryRule {
  return {
    id: "r",
    enabled: true,
    expirationDays: undefined,
    expirationDate: undefined,
    noncurrentDays: undefined,
    ...overrides,
  };
}

describe("earlyExpiries: what an enabled lifecycle rule deletes before the retention period", () => {
  it("names current objects expiring early, at the boundary included, and nothing from day `days` on", () => {
    assert.deepEqual(earlyExpiries(rule({ expirationDays: 90 }), KEEP), ["expires objects after 90 days"]);
    assert.deepEqual(earlyExpiries(rule({ expirationDays: KEEP - 1 }), KEEP), [
      "expires objects after 364 days",
    ]);
    assert.deepEqual(earlyExpiries(rule({ expirationDays: KEEP }), KEEP), []);
    assert.deepEqual(earlyExpiries(rule({ expirationDays: 0 }), KEEP), []);
  });

  it("names a fixed expiration date whatever the objects' age", () => {
    assert.deepEqual(earlyExpiries(rule({ expirationDate: "2027-01-01T00:00:00Z" }), KEEP), [
      "expires objects of any age on 2027-01-01T00:00:00Z",
    ]);
    assert.deepEqual(earlyExpiries(rule({ expirationDate: "" }), KEEP), []);
  });

  it("names noncurrent versions expiring early unless Object Lock holds them", () => {
    const early = rule({ noncurrentDays: 30 });
    assert.deepEqual(earlyExpiries(early, KEEP), ["expires noncurrent versions after 30 days"]);
    assert.deepEqual(earlyExpiries(early, KEEP, true), []);
    assert.deepEqual(earlyExpiries(rule({ noncurrentDays: KEEP }), KEEP), []);
    assert.deepEqual(earlyExpiries(rule({ noncurrentDays: 0 }), KEEP), []);
    assert.deepEqual(earlyExpiries(rule({ expirationDays: 30, noncurrentDays: 30 }), KEEP, true), [
      "expires objects after 30 days",
    ]);
  });

  it("ignores a disabled rule, however early it would expire", () => {
    const disabled = rule({
      enabled: false,
      expirationDays: 1,
      expirationDate: "2027-01-01",
      noncurrentDays: 1,
    });
    assert.deepEqual(earlyExpiries(disabled, KEEP), []);
  });
});

describe("reading lifecycle rules", () => {
  it("reads aws.s3.BucketLifecycleConfiguration rules, numbering those without an id", () => {
    const rules = rulesOfConfiguration({
      rules: [
        {
          id: "expire",
          status: "Enabled",
          expiration: { days: 30, date: "2027-01-01" },
          noncurrentVersionExpiration: { noncurrentDays: 7 },
        },
        { id: "", status: "Disabled", expiration: { days: "30" } },
      ],
    });
    assert.deepEqual(rules, [
      { id: "expire", enabled: true, expirationDays: 30, expirationDate: "2027-01-01", noncurrentDays: 7 },
      {
        id: "#2",
        enabled: false,
        expirationDays: undefined,
        expirationDate: undefined,
        noncurrentDays: undefined,
      },
    ]);
    assert.equal(rulesOfConfiguration({ rules: [{ status: UNKNOWN }] }), "unknown");
    assert.deepEqual(rulesOfConfiguration({}), []);
  });

  it("reads the bucket's deprecated inline lifecycleRules, whose switch is a boolean", () => {
    const rules = rulesOfBucket({
      lifecycleRules: [
        { id: 7, enabled: true, expiration: { days: 30 }, noncurrentVersionExpiration: { days: 7 } },
        { enabled: "true", expiration: { date: 20270101 } },
      ],
    });
    assert.deepEqual(rules, [
      { id: "#1", enabled: true, expirationDays: 30, expirationDate: undefined, noncurrentDays: 7 },
      {
        id: "#2",
        enabled: false,
        expirationDays: undefined,
        expirationDate: undefined,
        noncurrentDays: undefined,
      },
    ]);
    const dated = rulesOfBucket({
      lifecycleRules: [{ id: "purge", enabled: true, expiration: { date: "2027-01-01" } }],
    });
    assert.equal(dated === "unknown" ? undefined : dated[0].expirationDate, "2027-01-01");
    assert.equal(rulesOfBucket({ lifecycleRules: UNKNOWN }), "unknown");
  });
});

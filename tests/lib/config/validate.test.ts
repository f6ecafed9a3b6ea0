import assert from "node:assert/strict";
import fc from "fast-check";
import { LOG_RETENTION_DAYS } from "../../../lib/config/schema";
import { ConfigError, lifecycleProblems, validateStackConfig } from "../../../lib/config/validate";
import { rawConfig, VALID_LOG_ARCHIVE } from "../../support/raw-config";

const NS = "org-governance";

/** The problems a config is rejected with; also checks that the error is the one-line, user-facing kind. */
function problemsOf(raw: Record<string, string>): string[] {
  let thrown: unknown;
  try {
    validateStackConfig(raw);
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof ConfigError, `expected a ConfigError, got ${String(thrown)}`);
  assert.equal(thrown.name, "ConfigError");
  assert.ok(thrown.problems.length > 0);
  assert.equal(thrown.message, thrown.problems.join("\n"));
  for (const line of thrown.problems) {
    assert.ok(!/[\r\n]/.test(line), `a problem spans lines: ${JSON.stringify(line)}`);
    assert.ok(!/\n\s+at /.test(thrown.message) && !line.includes("Error:"), `stack trace in ${line}`);
  }
  return thrown.problems;
}

/** Rejected with exactly this one line. */
function assertRejected(values: Record<string, unknown>, expectedLine: string): void {
  assert.deepEqual(problemsOf(rawConfig(values)), [expectedLine]);
}

function lifecycleConfig(lifecycle: Record<string, unknown>, objectLock?: Record<string, unknown>) {
  return { logArchive: { ...VALID_LOG_ARCHIVE, lifecycle, ...(objectLock ? { objectLock } : {}) } };
}

function truncated(text: string): string {
  return `${JSON.stringify(text).slice(0, 57)}...`;
}

describe("validateStackConfig", () => {
  describe("defaults", () => {
    const config = validateStackConfig(rawConfig());

    it("fills in the log archive defaults", () => {
      assert.deepEqual(config.logArchive, {
        account: "Log Archive",
        roleName: "OrganizationAccountAccessRole",
        objectLock: { mode: "COMPLIANCE", retentionDays: 365 },
        lifecycle: { infrequentAccessAfterDays: 90, glacierAfterDays: 365 },
        protect: true,
      });
    });

    it("fills in the trail, monitoring, organization and tags defaults", () => {
      assert.deepEqual(config.trail, {
        create: true,
        name: "org-governance",
        dataEvents: { s3: "WriteOnly", lambda: false, dynamodb: false },
        insights: [],
        cloudWatchLogs: { retentionDays: 365 },
      });
      assert.deepEqual(config.monitoring, { namespace: "OrgGovernance", emails: [], controls: "cis" });
      assert.deepEqual(config.organization, {});
      assert.deepEqual(config.tags, {});
    });

    it("keeps the region and derives the partition", () => {
      assert.equal(config.region, "eu-west-1");
      assert.equal(config.partition, "aws");
    });

    it("derives the partition of China and GovCloud regions", () => {
      const partitions = Object.fromEntries(
        ["cn-north-1", "cn-northwest-1", "us-gov-west-1", "us-gov-east-1", "us-east-1", "ap-southeast-2"].map(
          (region) => [region, validateStackConfig(rawConfig({}, region)).partition],
        ),
      );
      assert.deepEqual(partitions, {
        "cn-north-1": "aws-cn",
        "cn-northwest-1": "aws-cn",
        "us-gov-west-1": "aws-us-gov",
        "us-gov-east-1": "aws-us-gov",
        "us-east-1": "aws",
        "ap-southeast-2": "aws",
      });
    });

    it("keeps a GOVERNANCE mode and defaults the retention to 365 days", () => {
      const lock = validateStackConfig(
        rawConfig({ logArchive: { ...VALID_LOG_ARCHIVE, objectLock: { mode: "GOVERNANCE" } } }),
      ).logArchive!.objectLock;
      assert.deepEqual(lock, { mode: "GOVERNANCE", retentionDays: 365 });
    });

    it("computes the retention from days, or from years at 365 days each", () => {
      const retention = (objectLock: object) =>
        validateStackConfig(rawConfig({ logArchive: { ...VALID_LOG_ARCHIVE, objectLock } })).logArchive!
          .objectLock;
      assert.deepEqual(retention({ days: 30 }), { mode: "COMPLIANCE", days: 30, retentionDays: 30 });
      assert.deepEqual(retention({ years: 7 }), { mode: "COMPLIANCE", years: 7, retentionDays: 2555 });
    });

    it("fills the lifecycle defaults only when the lifecycle is absent or empty", () => {
      const lifecycleOf = (lifecycle: Record<string, unknown>) =>
        validateStackConfig(rawConfig(lifecycleConfig(lifecycle))).logArchive!.lifecycle;
      assert.deepEqual(lifecycleOf({}), { infrequentAccessAfterDays: 90, glacierAfterDays: 365 });
      assert.deepEqual(lifecycleOf({ expireAfterDays: 3650 }), { expireAfterDays: 3650 });
      assert.deepEqual(lifecycleOf({ glacierAfterDays: 30 }), { glacierAfterDays: 30 });
      assert.deepEqual(lifecycleOf({ infrequentAccessAfterDays: 30, deepArchiveAfterDays: 180 }), {
        infrequentAccessAfterDays: 30,
        deepArchiveAfterDays: 180,
      });
    });

    it("accepts a complete configuration as given", () => {
      const config = validateStackConfig(
        rawConfig(
          {
            organization: { snapshotFile: "org.json" },
            logArchive: {
              account: "222233334444",
              roleName: "AWSControlTowerExecution",
              objectLock: { mode: "GOVERNANCE", years: 1 },
              lifecycle: {
                infrequentAccessAfterDays: 30,
                glacierAfterDays: 60,
                deepArchiveAfterDays: 180,
                expireAfterDays: 2555,
              },
              protect: false,
            },
            trail: {
              create: false,
              name: "my.trail_name-1",
              dataEvents: { s3: "All", lambda: true, dynamodb: true },
              insights: ["ApiCallRateInsight", "ApiErrorRateInsight"],
              cloudWatchLogs: { retentionDays: 3653 },
            },
            monitoring: {
              namespace: "Security/Trail",
              emails: ["secops@example.com"],
              controls: ["root-account-usage"],
              logGroupName: "aws-controltower/CloudTrailLogs",
            },
            tags: { owner: "security", "cost-center": "x".repeat(256) },
          },
          "us-gov-west-1",
        ),
      );
      assert.equal(config.logArchive!.objectLock.retentionDays, 365);
      assert.equal(config.logArchive!.protect, false);
      assert.equal(config.trail.create, false);
      assert.deepEqual(config.trail.dataEvents, { s3: "All", lambda: true, dynamodb: true });
      assert.equal(config.monitoring.logGroupName, "aws-controltower/CloudTrailLogs");
      assert.equal(config.partition, "aws-us-gov");
      assert.equal(config.tags.owner, "security");
    });

    it("ignores keys of other namespaces", () => {
      const raw = { ...rawConfig(), "aws:profile": "prod", "other-project:logArchve": "{}" };
      assert.equal(validateStackConfig(raw).logArchive!.account, "Log Archive");
    });
  });

  describe("unknown keys", () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ["a top-level typo", { logArchve: { account: "x" } }, `${NS}:logArchve`],
      ["a typo in logArchive", { logArchive: { account: "x", objectLok: {} } }, `${NS}:logArchive.objectLok`],
      [
        "a typo in logArchive.objectLock",
        { logArchive: { account: "x", objectLock: { dayz: 3 } } },
        `${NS}:logArchive.objectLock.dayz`,
      ],
      [
        "a typo in logArchive.lifecycle",
        { logArchive: { account: "x", lifecycle: { glacierDays: 400 } } },
        `${NS}:logArchive.lifecycle.glacierDays`,
      ],
      ["a typo in organization", { organization: { snapshot: "org.json" } }, `${NS}:organization.snapshot`],
      ["a typo in trail", { trail: { insight: [] } }, `${NS}:trail.insight`],
      ["a typo in trail.dataEvents", { trail: { dataEvents: { s4: "All" } } }, `${NS}:trail.dataEvents.s4`],
      [
        "a typo in trail.cloudWatchLogs",
        { trail: { cloudWatchLogs: { retention: 30 } } },
        `${NS}:trail.cloudWatchLogs.retention`,
      ],
      ["a typo in monitoring", { monitoring: { email: ["a@example.com"] } }, `${NS}:monitoring.email`],
    ];
    for (const [title, values, key] of cases) {
      it(`reports ${title} by its full key`, () => {
        assertRejected(values, `${key}: unknown key; remove it or fix its spelling`);
      });
    }

    it("reports each unknown key of one object on its own line", () => {
      assert.deepEqual(problemsOf(rawConfig({ trail: { nmae: "t", creat: true } })), [
        `${NS}:trail.nmae: unknown key; remove it or fix its spelling`,
        `${NS}:trail.creat: unknown key; remove it or fix its spelling`,
      ]);
    });

    it("treats a key named __proto__ as an unknown key, not as a source of the other keys", () => {
      const raw = rawConfig({ logArchive: undefined });
      raw[`${NS}:__proto__`] = JSON.stringify({ logArchive: VALID_LOG_ARCHIVE });
      assert.deepEqual(problemsOf(raw), [
        `${NS}:logArchive: required to create the trail; set ${NS}:logArchive.account to the log-archive account's id, name or e-mail (got nothing)`,
        `${NS}:__proto__: unknown key; remove it or fix its spelling`,
      ]);
    });
  });

  describe("logArchive", () => {
    it("requires the section", () => {
      assertRejected(
        { logArchive: undefined },
        `${NS}:logArchive: required to create the trail; set ${NS}:logArchive.account to the log-archive account's id, name or e-mail (got nothing)`,
      );
    });

    it("reports plain text where an object belongs as a string", () => {
      const raw = rawConfig({ logArchive: undefined });
      raw[`${NS}:logArchive`] = "Log Archive";
      assert.deepEqual(problemsOf(raw), [
        `${NS}:logArchive: expected object, received string (got "Log Archive")`,
      ]);
    });

    it("requires the account", () => {
      assertRejected(
        { logArchive: { roleName: "Admin" } },
        `${NS}:logArchive.account: expected string, received undefined (got nothing)`,
      );
    });

    it("rejects a blank account", () => {
      assertRejected(
        { logArchive: { account: "   " } },
        `${NS}:logArchive.account: expected an account id, name or e-mail address of a member account (got "   ")`,
      );
    });

    it("rejects an account id given as a number with a dropped leading zero", () => {
      assertRejected(
        { logArchive: { account: 22233334444 } },
        `${NS}:logArchive.account: YAML dropped a leading zero; quote the account id: account: "022233334444" (got 22233334444)`,
      );
    });

    it("rejects a role name IAM would not accept", () => {
      const expected = "expected an IAM role name (1-64 of letters, digits and +=,.@_-)";
      assertRejected(
        { logArchive: { account: "x", roleName: "Org Admin!" } },
        `${NS}:logArchive.roleName: ${expected} (got "Org Admin!")`,
      );
      const long = "r".repeat(65);
      assertRejected(
        { logArchive: { account: "x", roleName: long } },
        `${NS}:logArchive.roleName: ${expected} (got ${truncated(long)})`,
      );
      assertRejected(
        { logArchive: { account: "x", roleName: "" } },
        `${NS}:logArchive.roleName: ${expected} (got "")`,
      );
    });

    it("accepts a role name of 64 characters", () => {
      const roleName = "r".repeat(64);
      const config = validateStackConfig(rawConfig({ logArchive: { account: "x", roleName } }));
      assert.equal(config.logArchive!.roleName, roleName);
    });

    it("rejects a non-boolean protect", () => {
      assertRejected(
        { logArchive: { account: "x", protect: "yes" } },
        `${NS}:logArchive.protect: expected boolean, received string (got "yes")`,
      );
    });
  });

  describe("logArchive.objectLock", () => {
    const lock = (objectLock: unknown) => ({ logArchive: { account: "x", objectLock } });
    const key = `${NS}:logArchive.objectLock`;

    it("rejects an unknown mode, including a lower-case one", () => {
      for (const mode of ["STRICT", "compliance"]) {
        assertRejected(
          lock({ mode }),
          `${key}.mode: expected one of "COMPLIANCE"|"GOVERNANCE" (got ${JSON.stringify(mode)})`,
        );
      }
    });

    it("rejects days that are not a positive whole number", () => {
      assertRejected(lock({ days: 0 }), `${key}.days: expected a positive number of days (got 0)`);
      assertRejected(lock({ days: -30 }), `${key}.days: expected a positive number of days (got -30)`);
      assertRejected(lock({ days: 1.5 }), `${key}.days: expected a whole number of days (got 1.5)`);
      assertRejected(lock({ days: "365" }), `${key}.days: expected number, received string (got "365")`);
    });

    it("rejects years that are not a positive whole number", () => {
      assertRejected(lock({ years: 0 }), `${key}.years: expected a positive number of years (got 0)`);
      assertRejected(lock({ years: 2.5 }), `${key}.years: expected a whole number of years (got 2.5)`);
    });

    // "Locking objects with Object Lock" (S3 user guide): the longest retention is 100 years.
    it("rejects a retention beyond S3's longest, at its own key", () => {
      assertRejected(
        lock({ days: 36501 }),
        `${key}.days: expected at most 36500 days, the longest Object Lock retention S3 accepts (got 36501)`,
      );
      assertRejected(
        lock({ years: 101 }),
        `${key}.years: expected at most 100 years, the longest Object Lock retention S3 accepts (got 101)`,
      );
    });

    it("rejects days and years together", () => {
      assertRejected(
        lock({ days: 30, years: 1 }),
        `${key}: set either days or years, not both (got {"days":30,"years":1})`,
      );
    });

    it("rejects an object lock that is not an object", () => {
      assertRejected(lock(365), `${key}: expected object, received number (got 365)`);
    });
  });

  describe("logArchive.lifecycle", () => {
    const key = `${NS}:logArchive.lifecycle`;

    it("rejects a Standard-IA transition before 30 days", () => {
      assertRejected(
        lifecycleConfig({ infrequentAccessAfterDays: 29 }),
        `${key}.infrequentAccessAfterDays: expected at least 30, S3's minimum for Standard-IA (got 29)`,
      );
    });

    it("accepts a Standard-IA transition at 30 days", () => {
      const config = validateStackConfig(rawConfig(lifecycleConfig({ infrequentAccessAfterDays: 30 })));
      assert.deepEqual(config.logArchive!.lifecycle, { infrequentAccessAfterDays: 30 });
    });

    it("rejects a Glacier transition less than 30 days after Standard-IA", () => {
      assertRejected(
        lifecycleConfig({ infrequentAccessAfterDays: 90, glacierAfterDays: 119 }),
        `${key}.glacierAfterDays: expected at least infrequentAccessAfterDays + 30 = 120, as S3 keeps objects 30 days in Standard-IA (got 119)`,
      );
      assert.doesNotThrow(() =>
        validateStackConfig(
          rawConfig(lifecycleConfig({ infrequentAccessAfterDays: 90, glacierAfterDays: 120 })),
        ),
      );
    });

    it("rejects a Deep Archive transition not after the Glacier transition", () => {
      assertRejected(
        lifecycleConfig({ glacierAfterDays: 365, deepArchiveAfterDays: 365 }),
        `${key}.deepArchiveAfterDays: expected at least 366, after the previous transition (got 365)`,
      );
      assertRejected(
        lifecycleConfig({ glacierAfterDays: 365, deepArchiveAfterDays: 200 }),
        `${key}.deepArchiveAfterDays: expected at least 366, after the previous transition (got 200)`,
      );
    });

    it("compares Deep Archive with Standard-IA when there is no Glacier transition", () => {
      assertRejected(
        lifecycleConfig({ infrequentAccessAfterDays: 90, deepArchiveAfterDays: 90 }),
        `${key}.deepArchiveAfterDays: expected at least 120, after the previous transition (got 90)`,
      );
    });

    it("rejects an expiry before the Object Lock retention (default 365 days)", () => {
      assertRejected(
        lifecycleConfig({ expireAfterDays: 364 }),
        `${key}.expireAfterDays: expected at least 365, the Object Lock retention, or logs would be scheduled for deletion while locked (got 364)`,
      );
    });

    it("rejects an expiry before a retention given in days", () => {
      assertRejected(
        lifecycleConfig({ expireAfterDays: 99 }, { days: 100 }),
        `${key}.expireAfterDays: expected at least 100, the Object Lock retention, or logs would be scheduled for deletion while locked (got 99)`,
      );
    });

    it("rejects an expiry before a retention given in years", () => {
      assertRejected(
        lifecycleConfig({ expireAfterDays: 2554 }, { years: 7 }),
        `${key}.expireAfterDays: expected at least 2555, the Object Lock retention, or logs would be scheduled for deletion while locked (got 2554)`,
      );
      const config = validateStackConfig(rawConfig(lifecycleConfig({ expireAfterDays: 2555 }, { years: 7 })));
      assert.equal(config.logArchive!.lifecycle.expireAfterDays, 2555);
    });

    it("rejects an expiry not after the last transition", () => {
      assertRejected(
        lifecycleConfig({ glacierAfterDays: 400, expireAfterDays: 400 }, { days: 30 }),
        `${key}.expireAfterDays: expected more than 400, the last transition (got 400)`,
      );
      assertRejected(
        lifecycleConfig(
          { glacierAfterDays: 100, deepArchiveAfterDays: 500, expireAfterDays: 450 },
          { days: 30 },
        ),
        `${key}.expireAfterDays: expected more than 500, the last transition (got 450)`,
      );
    });

    it("reports an expiry before the retention and before the last transition together", () => {
      assert.deepEqual(
        problemsOf(
          rawConfig(
            lifecycleConfig({ infrequentAccessAfterDays: 90, glacierAfterDays: 400, expireAfterDays: 300 }),
          ),
        ),
        [
          `${key}.expireAfterDays: expected at least 365, the Object Lock retention, or logs would be scheduled for deletion while locked (got 300)`,
          `${key}.expireAfterDays: expected more than 400, the last transition (got 300)`,
        ],
      );
    });

    it("reports a day count beyond S3's Integer at its own key, not against the next transition", () => {
      assert.deepEqual(
        problemsOf(
          rawConfig(lifecycleConfig({ infrequentAccessAfterDays: 10_000_000_000, glacierAfterDays: 400 })),
        ),
        [
          `${key}.infrequentAccessAfterDays: expected at most 2147483647 days, the largest day count S3 lifecycle rules accept (got 10000000000)`,
        ],
      );
    });

    it("rejects transitions that are not positive whole days", () => {
      assertRejected(
        lifecycleConfig({ glacierAfterDays: 0 }),
        `${key}.glacierAfterDays: expected a positive number of days (got 0)`,
      );
      assertRejected(
        lifecycleConfig({ expireAfterDays: 400.5 }),
        `${key}.expireAfterDays: expected a whole number of days (got 400.5)`,
      );
    });
  });

  describe("lifecycleProblems", () => {
    it("finds nothing wrong with the defaults and a long expiry", () => {
      assert.deepEqual(
        lifecycleProblems(
          { infrequentAccessAfterDays: 90, glacierAfterDays: 365, expireAfterDays: 3650 },
          365,
        ),
        [],
      );
      assert.deepEqual(lifecycleProblems({}, 365), []);
    });

    it("reports every broken rule of one lifecycle", () => {
      const problems = lifecycleProblems(
        {
          infrequentAccessAfterDays: 10,
          glacierAfterDays: 20,
          deepArchiveAfterDays: 20,
          expireAfterDays: 15,
        },
        365,
      );
      assert.deepEqual(
        problems.map((line) => line.slice(0, line.indexOf(":", `${NS}:`.length))),
        [
          `${NS}:logArchive.lifecycle.infrequentAccessAfterDays`,
          `${NS}:logArchive.lifecycle.glacierAfterDays`,
          `${NS}:logArchive.lifecycle.deepArchiveAfterDays`,
          `${NS}:logArchive.lifecycle.expireAfterDays`,
          `${NS}:logArchive.lifecycle.expireAfterDays`,
        ],
      );
    });
  });

  describe("trail", () => {
    const key = `${NS}:trail`;
    const nameRule =
      "expected a trail name of 3-128 letters, digits, '.', '_' or '-', starting and ending with a letter or digit";

    it("rejects trail names CloudTrail would not accept", () => {
      for (const name of ["-starts-with-dash", "ends-with-dot.", "ab", "has space", "trail/name"]) {
        assertRejected({ trail: { name } }, `${key}.name: ${nameRule} (got ${JSON.stringify(name)})`);
      }
      const long = "t".repeat(129);
      assertRejected({ trail: { name: long } }, `${key}.name: ${nameRule} (got ${truncated(long)})`);
    });

    it("accepts trail names of 3 and 128 characters", () => {
      for (const name of ["abc", "t".repeat(128), "Org_Trail.2-x"]) {
        assert.equal(validateStackConfig(rawConfig({ trail: { name } })).trail.name, name);
      }
    });

    it("rejects unknown S3 data event modes", () => {
      for (const s3 of ["Write", "writeonly", "NONE", true]) {
        assertRejected(
          { trail: { dataEvents: { s3 } } },
          `${key}.dataEvents.s3: expected one of "none"|"WriteOnly"|"ReadOnly"|"All" (got ${JSON.stringify(s3)})`,
        );
      }
    });

    it("rejects non-boolean Lambda and DynamoDB switches", () => {
      assertRejected(
        { trail: { dataEvents: { lambda: "true" } } },
        `${key}.dataEvents.lambda: expected boolean, received string (got "true")`,
      );
      assertRejected(
        { trail: { dataEvents: { dynamodb: 1 } } },
        `${key}.dataEvents.dynamodb: expected boolean, received number (got 1)`,
      );
    });

    it("fills the other data event defaults when one is set", () => {
      const config = validateStackConfig(rawConfig({ trail: { dataEvents: { lambda: true } } }));
      assert.deepEqual(config.trail.dataEvents, { s3: "WriteOnly", lambda: true, dynamodb: false });
    });

    it("rejects unknown insight types by their position", () => {
      assertRejected(
        { trail: { insights: ["ApiCallRateInsight", "ApiCallRate"] } },
        `${key}.insights[1]: expected one of "ApiCallRateInsight"|"ApiErrorRateInsight" (got "ApiCallRate")`,
      );
    });

    it("rejects an insight type listed twice", () => {
      assertRejected(
        { trail: { insights: ["ApiErrorRateInsight", "ApiErrorRateInsight"] } },
        `${key}.insights: each insight type at most once (got ["ApiErrorRateInsight","ApiErrorRateInsight"])`,
      );
    });

    it("rejects insights that are not a list", () => {
      assertRejected(
        { trail: { insights: "ApiCallRateInsight" } },
        `${key}.insights: expected array, received string (got "ApiCallRateInsight")`,
      );
    });

    it("rejects a log retention CloudWatch Logs does not offer", () => {
      const expected = `expected one of ${LOG_RETENTION_DAYS.join(", ")}`;
      for (const retentionDays of [0, 2, 366, 3650, 7.5]) {
        assertRejected(
          { trail: { cloudWatchLogs: { retentionDays } } },
          `${key}.cloudWatchLogs.retentionDays: ${expected} (got ${retentionDays})`,
        );
      }
      assertRejected(
        { trail: { cloudWatchLogs: { retentionDays: "365d" } } },
        `${key}.cloudWatchLogs.retentionDays: expected number, received string (got "365d")`,
      );
    });

    it("accepts every retention CloudWatch Logs offers", () => {
      for (const retentionDays of LOG_RETENTION_DAYS) {
        const config = validateStackConfig(rawConfig({ trail: { cloudWatchLogs: { retentionDays } } }));
        assert.equal(config.trail.cloudWatchLogs.retentionDays, retentionDays);
      }
    });

    it("requires monitoring.logGroupName when the trail is not created here", () => {
      assertRejected(
        { trail: { create: false } },
        `${key}.create: false needs ${NS}:monitoring.logGroupName, the existing trail's log group (got nothing)`,
      );
      const config = validateStackConfig(
        rawConfig({
          trail: { create: false },
          monitoring: { logGroupName: "aws-controltower/CloudTrailLogs" },
        }),
      );
      assert.equal(config.trail.create, false);
    });

    it("needs no log archive when the trail is not created here (Control Tower)", () => {
      const config = validateStackConfig(
        rawConfig({
          logArchive: undefined,
          trail: { create: false },
          monitoring: { logGroupName: "aws-controltower/CloudTrailLogs" },
        }),
      );
      assert.equal(config.logArchive, undefined);
    });

    it("rejects a non-boolean create", () => {
      assertRejected(
        { trail: { create: "no" } },
        `${key}.create: expected boolean, received string (got "no")`,
      );
    });
  });

  describe("monitoring", () => {
    const key = `${NS}:monitoring`;

    it("rejects e-mail addresses that are not addresses, by position", () => {
      assertRejected(
        { monitoring: { emails: ["secops@example.com", "secops"] } },
        `${key}.emails[1]: expected an e-mail address like secops@example.com (got "secops")`,
      );
    });

    it("rejects unknown control ids, listing the valid ones", () => {
      const problems = problemsOf(
        rawConfig({ monitoring: { controls: ["root-account-usage", "root-usage"] } }),
      );
      assert.equal(problems.length, 1);
      assert.match(
        problems[0],
        new RegExp(`^${key}\\.controls: unknown control id "root-usage"; valid ids: `),
      );
      assert.match(problems[0], /root-account-usage/);
    });

    it("rejects a single e-mail address given as a string", () => {
      assertRejected(
        { monitoring: { emails: "secops@example.com" } },
        `${key}.emails: expected array, received string (got "secops@example.com")`,
      );
    });

    // "MetricTransformation" (CloudWatch Logs API reference): metricNamespace is 1-255 characters of
    // [^:*$]*; PutMetricFilter rejects a namespace with * or $.
    it("rejects a namespace CloudWatch would not accept", () => {
      const rule =
        "expected a CloudWatch namespace (1-255 characters, none of : * $, not starting with a space)";
      for (const namespace of ["", "Org:Governance", " OrgGovernance", "Org*Governance", "Org$Governance"]) {
        assertRejected(
          { monitoring: { namespace } },
          `${key}.namespace: ${rule} (got ${JSON.stringify(namespace)})`,
        );
      }
      const long = "n".repeat(256);
      assertRejected(
        { monitoring: { namespace: long } },
        `${key}.namespace: ${rule} (got ${truncated(long)})`,
      );
    });

    it("rejects the AWS/ namespace prefix", () => {
      assertRejected(
        { monitoring: { namespace: "AWS/CloudTrail" } },
        `${key}.namespace: expected a namespace that does not start with AWS/ (reserved for AWS) (got "AWS/CloudTrail")`,
      );
    });

    it("rejects a log group name CloudWatch Logs would not accept", () => {
      assertRejected(
        { monitoring: { logGroupName: "trail logs" } },
        `${key}.logGroupName: expected a log group name (1-512 of letters, digits and . - _ / #) (got "trail logs")`,
      );
    });

    it("rejects an unknown control selection at its own key", () => {
      assertRejected(
        { monitoring: { controls: "some" } },
        `${key}.controls: expected one of "cis"|"all" (got "some")`,
      );
      const [line, ...rest] = problemsOf(rawConfig({ monitoring: { controls: [] } }));
      assert.match(line, /^org-governance:monitoring\.controls: expected .+ \(got \[\]\)$/);
      assert.deepEqual(rest, []);
    });
  });

  describe("tags", () => {
    const key = `${NS}:tags`;

    it("rejects tag keys in the reserved aws: prefix, in any case", () => {
      assert.deepEqual(problemsOf(rawConfig({ tags: { "aws:owner": "me", "AWS:Team": "sec", ok: "yes" } })), [
        `${key}: expected a tag key that does not start with aws: (got "aws:owner")`,
        `${key}: expected a tag key that does not start with aws: (got "AWS:Team")`,
      ]);
    });

    it("rejects empty and over-long tag keys", () => {
      assertRejected({ tags: { "": "v" } }, `${key}: expected a tag key of 1-128 characters (got "")`);
      const long = "k".repeat(129);
      assertRejected(
        { tags: { [long]: "v" } },
        `${key}: expected a tag key of 1-128 characters (got ${truncated(long)})`,
      );
    });

    it("rejects a tag value over 256 characters", () => {
      const long = "v".repeat(257);
      assertRejected(
        { tags: { owner: long } },
        `${key}.owner: expected a tag value of at most 256 characters (got ${truncated(long)})`,
      );
    });

    it("rejects a tag value that is not a string", () => {
      assertRejected({ tags: { owner: 5 } }, `${key}.owner: expected string, received number (got 5)`);
    });

    it("rejects tags that are not a map", () => {
      assertRejected({ tags: ["owner=me"] }, `${key}: expected record, received array (got ["owner=me"])`);
    });
  });

  describe("organization", () => {
    it("rejects an empty snapshot file name", () => {
      assertRejected(
        { organization: { snapshotFile: "" } },
        `${NS}:organization.snapshotFile: expected a path to an organization snapshot file (got "")`,
      );
    });
  });

  describe("aws:region", () => {
    it("is required", () => {
      const expected =
        "aws:region: required; set the home region with `pulumi config set aws:region eu-west-1`";
      assert.deepEqual(problemsOf(rawConfig({}, null)), [expected]);
      assert.deepEqual(problemsOf(rawConfig({}, "")), [expected]);
    });

    it("must look like a region", () => {
      for (const region of ["Europe", "EU-WEST-1", "eu-west", "eu-west-1a", "eu_west_1"]) {
        assert.deepEqual(problemsOf(rawConfig({}, region)), [
          `aws:region: expected a region like eu-west-1 (got ${JSON.stringify(region)})`,
        ]);
      }
    });
  });

  describe("several problems", () => {
    it("are reported together, the region first", () => {
      const raw = rawConfig(
        {
          logArchive: {
            account: "x",
            objectLock: { mode: "STRICT" },
            lifecycle: { infrequentAccessAfterDays: 10 },
          },
          trail: { name: "!", dataEvents: { s3: "Write" } },
          tags: { "aws:x": "y" },
          monitorng: {},
        },
        "Europe",
      );
      const problems = problemsOf(raw);
      assert.equal(problems[0], `aws:region: expected a region like eu-west-1 (got "Europe")`);
      assert.deepEqual(
        problems
          .slice(1)
          .map((line) => line.slice(0, line.indexOf(": ")))
          .sort(),
        [
          `${NS}:logArchive.objectLock.mode`,
          `${NS}:monitorng`,
          `${NS}:tags`,
          `${NS}:trail.dataEvents.s3`,
          `${NS}:trail.name`,
        ],
      );
    });

    it("include the cross-key rules once the shape is right", () => {
      const problems = problemsOf(
        rawConfig({
          logArchive: { account: "x", lifecycle: { infrequentAccessAfterDays: 10, expireAfterDays: 20 } },
          trail: { create: false },
        }),
      );
      assert.deepEqual(
        problems.map((line) => line.slice(0, line.indexOf(": "))),
        [
          `${NS}:logArchive.lifecycle.infrequentAccessAfterDays`,
          `${NS}:logArchive.lifecycle.expireAfterDays`,
          `${NS}:trail.create`,
        ],
      );
    });
  });

  describe("any input", () => {
    const KNOWN_KEYS = ["organization", "logArchive", "trail", "monitoring", "tags"];
    // Pulumi config keys are single-line; a key with a line break cannot reach the program.
    const anyKey = fc.oneof(
      fc.constantFrom(...KNOWN_KEYS, "__proto__", "constructor", "toString", ""),
      fc.string().filter((key) => !/[\r\n\u2028\u2029]/.test(key)),
    );
    const anyRegion = fc.option(fc.oneof(fc.constantFrom("eu-west-1", "cn-north-1", ""), fc.string()), {
      nil: null,
    });

    function assertValidatesOrReportsOneLinersByKey(raw: Record<string, string>): void {
      try {
        validateStackConfig(raw);
      } catch (error) {
        assert.ok(error instanceof ConfigError, `not a ConfigError: ${String(error)}`);
        assert.ok(error.problems.length > 0);
        for (const line of error.problems) {
          assert.ok(/^(org-governance:|aws:region)/.test(line), `line names no key: ${JSON.stringify(line)}`);
          assert.ok(!/[\r\n]/.test(line), `line spans lines: ${JSON.stringify(line)}`);
        }
      }
    }

    it("any JSON under any key either validates or is a ConfigError of one-line, keyed problems", () => {
      fc.assert(
        fc.property(fc.dictionary(anyKey, fc.jsonValue()), anyRegion, (values, region) => {
          const raw: Record<string, string> = {};
          for (const [key, value] of Object.entries(values)) raw[`${NS}:${key}`] = JSON.stringify(value);
          if (region !== null) raw["aws:region"] = region;
          assertValidatesOrReportsOneLinersByKey(raw);
        }),
        { numRuns: 300 },
      );
    });

    // Random JSON rarely gets past the top level; replacing one value of a valid config reaches every rule.
    const COMPLETE_CONFIG = {
      organization: { snapshotFile: "org.json" },
      logArchive: {
        account: "Log Archive",
        roleName: "Admin",
        objectLock: { mode: "COMPLIANCE", days: 365 },
        lifecycle: {
          infrequentAccessAfterDays: 90,
          glacierAfterDays: 365,
          deepArchiveAfterDays: 730,
          expireAfterDays: 3650,
        },
        protect: true,
      },
      trail: {
        create: true,
        name: "org-governance",
        dataEvents: { s3: "WriteOnly", lambda: false, dynamodb: false },
        insights: ["ApiCallRateInsight"],
        cloudWatchLogs: { retentionDays: 365 },
      },
      monitoring: {
        namespace: "OrgGovernance",
        emails: ["a@example.com"],
        controls: "cis",
        logGroupName: "g",
      },
      tags: { owner: "security" },
    };

    function pathsOf(value: unknown, prefix: string[] = []): string[][] {
      if (value === null || typeof value !== "object" || Array.isArray(value)) return [prefix];
      return [
        prefix,
        ...Object.entries(value).flatMap(([key, inner]) => pathsOf(inner, [...prefix, key])),
      ].filter((path) => path.length > 0);
    }

    function replaced(document: unknown, path: string[], value: unknown): Record<string, unknown> {
      const copy = structuredClone(document) as Record<string, unknown>;
      let parent = copy;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
      parent[path[path.length - 1]] = value;
      return copy;
    }

    function problemsIfAny(raw: Record<string, string>): string[] {
      try {
        validateStackConfig(raw);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    }

    /** A problem caused by the value at `path` names that key, one inside it or one around it. */
    function isAbout(line: string, path: string[]): boolean {
      const ancestors = path.map((_, i) => path.slice(0, i + 1).join("."));
      return (
        line.startsWith(`${NS}:${path.join(".")}`) ||
        ancestors.some((key) => line.startsWith(`${NS}:${key}: `)) ||
        // Rules across keys: the lifecycle against the lock retention, the trail against monitoring.
        line.startsWith(`${NS}:logArchive.lifecycle.`) ||
        line.startsWith(`${NS}:trail.create: `)
      );
    }

    it("validates the complete config used below", () => {
      assert.doesNotThrow(() => validateStackConfig(rawConfig(COMPLETE_CONFIG)));
    });

    it("any JSON at any position of a valid config either validates or is reported by its key", () => {
      const anyValue = fc.oneof(
        fc.jsonValue(),
        fc.integer({ min: -1000, max: 5000 }),
        fc.constantFrom("COMPLIANCE", "GOVERNANCE", "All", "none", "ApiErrorRateInsight", "aws:x"),
      );
      fc.assert(
        fc.property(fc.constantFrom(...pathsOf(COMPLETE_CONFIG)), anyValue, (path, value) => {
          const raw = rawConfig(replaced(COMPLETE_CONFIG, path, value));
          assertValidatesOrReportsOneLinersByKey(raw);
          for (const line of problemsIfAny(raw)) {
            assert.ok(isAbout(line, path), `${JSON.stringify(line)} is not about ${path.join(".")}`);
          }
        }),
        { numRuns: 500 },
      );
    });
  });
});

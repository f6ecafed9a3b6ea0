import assert from "node:assert/strict";
import fc from "fast-check";
import { accessLogBucketName, archiveBucketName } from "../../lib/naming";
import { QUERY_SIDE_DEFAULTS } from "../../lib/investigation/names";
import { defaultTrailName, ORIGINAL_TRAIL_NAME, stackNames } from "../../lib/stack-names";

const ACCOUNT = "222233334444";
const REGION = "ap-southeast-2";
// "General purpose bucket naming rules": 3-63 characters, lowercase letters, digits, dots and hyphens,
// beginning and ending with a letter or digit.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
// IAM "IAM object quotas" / CreateRole: a role name is 1-64 of letters, digits and +=,.@_-.
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
// KMS CreateAlias: "alias/" then letters, digits, '/', '_' and '-'; "alias/aws/" is reserved for AWS.
const ALIAS_NAME = /^alias\/(?!aws\/)[A-Za-z0-9/_-]{1,250}$/;
// SNS CreateTopic: up to 256 letters, digits, hyphens and underscores.
const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;
// The trail name rule of the stack config (CloudTrail CreateTrail).
// Athena "Name databases, tables, and columns": lowercase letters, digits and underscores; Glue allows 255.
const DATABASE_NAME = /^[a-z0-9_]{1,255}$/;
// Athena CreateWorkGroup: 1-128 of letters, digits, '.', '_' and '-'.
const WORKGROUP_NAME = /^[A-Za-z0-9._-]{1,128}$/;
const trailName = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$/);

function accountGlobalNames(trail: string): string[] {
  const names = stackNames(trail);
  return [
    names.archiveBucket(ACCOUNT, REGION),
    names.accessLogBucket(ACCOUNT, REGION),
    names.archiveKeyAlias,
    names.logGroupKeyAlias,
    names.alarmsKeyAlias,
    names.alarmTopic,
    names.cloudWatchLogsRole,
    names.defaultMetricNamespace,
    names.serviceControlPolicy,
    names.resourceControlPolicy,
    names.queryDatabase,
    names.queryWorkgroup,
    names.queryReaderRole,
    names.queryResultsBucket(ACCOUNT, REGION),
  ];
}

describe("stackNames: account-global names derived from the trail name", () => {
  it("keeps the original names for the original trail name, so an existing prod stack is not replaced", () => {
    const names = stackNames(ORIGINAL_TRAIL_NAME);
    assert.equal(names.archiveBucket(ACCOUNT, REGION), archiveBucketName(ACCOUNT, REGION));
    assert.equal(names.accessLogBucket(ACCOUNT, REGION), accessLogBucketName(ACCOUNT, REGION));
    assert.deepEqual(
      [names.archiveKeyAlias, names.logGroupKeyAlias, names.alarmsKeyAlias, names.alarmTopic],
      [
        "alias/org-trail-archive",
        "alias/org-trail-log-group",
        "alias/org-governance-alarms",
        "org-governance-security-alarms",
      ],
    );
    assert.equal(names.notificationsKeyAlias, "alias/org-trail-notifications");
    assert.equal(names.alarmPrefix, "org-governance-");
    assert.equal(names.cloudWatchLogsRole, "org-governance-cloudwatch-logs");
    assert.equal(names.defaultMetricNamespace, "OrgGovernance");
    assert.deepEqual(
      [names.serviceControlPolicy, names.resourceControlPolicy],
      ["org-governance-protect-audit-trail", "org-governance-audit-archive-perimeter"],
    );
    // The query side's names are the ones `npm run investigate` uses by default.
    assert.equal(names.queryDatabase, QUERY_SIDE_DEFAULTS.database);
    assert.equal(names.queryWorkgroup, QUERY_SIDE_DEFAULTS.workgroup);
    assert.equal(names.queryReaderRole, "org-governance-investigator");
    assert.equal(
      names.queryResultsBucket(ACCOUNT, REGION),
      "org-governance-athena-results-222233334444-ap-southeast-2",
    );
  });

  it("names a dev stack's resources after it, readably", () => {
    const names = stackNames(defaultTrailName("dev"));
    assert.equal(names.archiveBucket(ACCOUNT, "eu-west-1"), "org-trail-archive-222233334444-eu-west-1-dev");
    assert.equal(names.archiveKeyAlias, "alias/org-trail-archive-org-governance-dev");
    assert.equal(names.cloudWatchLogsRole, "org-governance-dev-cloudwatch-logs");
    assert.equal(names.alarmTopic, "org-governance-dev-security-alarms");
    assert.equal(names.defaultMetricNamespace, "OrgGovernance/org-governance-dev");
    assert.equal(names.queryDatabase, "org_governance_audit_dev");
    assert.equal(names.queryWorkgroup, "org-governance-dev-investigations");
    assert.equal(names.queryReaderRole, "org-governance-dev-investigator");
    assert.equal(
      names.accessLogBucket(ACCOUNT, "eu-west-1"),
      "org-trail-access-logs-222233334444-eu-west-1-dev",
    );
    assert.equal(
      names.queryResultsBucket(ACCOUNT, "eu-west-1"),
      "org-trail-athena-results-222233334444-eu-west-1-dev",
    );
    assert.deepEqual(
      [names.logGroupKeyAlias, names.alarmsKeyAlias, names.notificationsKeyAlias],
      [
        "alias/org-trail-log-group-org-governance-dev",
        "alias/org-governance-alarms-org-governance-dev",
        "alias/org-trail-notifications-org-governance-dev",
      ],
    );
    assert.equal(names.alarmPrefix, "org-governance-dev-");
    assert.deepEqual(
      [names.serviceControlPolicy, names.resourceControlPolicy],
      ["org-governance-dev-protect-audit-trail", "org-governance-dev-audit-archive-perimeter"],
    );
  });

  it("gives prod the original trail name and every other stack its own", () => {
    assert.equal(defaultTrailName("prod"), "org-governance");
    assert.equal(defaultTrailName("dev"), "org-governance-dev");
  });

  it("property: every name is valid for its service, whatever the trail name", () => {
    fc.assert(
      fc.property(trailName, (trail) => {
        const names = stackNames(trail);
        for (const bucket of [
          names.archiveBucket(ACCOUNT, REGION),
          names.accessLogBucket(ACCOUNT, REGION),
          names.queryResultsBucket(ACCOUNT, REGION),
        ]) {
          assert.match(bucket, BUCKET_NAME);
        }
        assert.match(names.cloudWatchLogsRole, ROLE_NAME);
        assert.match(names.queryReaderRole, ROLE_NAME);
        assert.match(names.queryDatabase, DATABASE_NAME);
        assert.match(names.queryWorkgroup, WORKGROUP_NAME);
        for (const alias of [names.archiveKeyAlias, names.logGroupKeyAlias, names.alarmsKeyAlias]) {
          assert.match(alias, ALIAS_NAME);
        }
        assert.match(names.alarmTopic, TOPIC_NAME);
      }),
      { numRuns: 500 },
    );
  });

  it("property: two trail names never share an account-global name", () => {
    fc.assert(
      fc.property(trailName, trailName, (a, b) => {
        fc.pre(a !== b);
        const [namesA, namesB] = [accountGlobalNames(a), accountGlobalNames(b)];
        namesA.forEach((name, i) => assert.notEqual(name, namesB[i], `${a} and ${b} share ${name}`));
      }),
      { numRuns: 500 },
    );
  });

  it("keeps a trail name readable where a service forbids its characters: lowercased, '.' as '-', then a hash", () => {
    const names = stackNames("Team.A");
    assert.match(
      names.archiveBucket(ACCOUNT, REGION),
      /^org-trail-archive-222233334444-ap-southeast-2-team-a-[0-9a-f]{8}$/,
    );
    assert.match(names.alarmTopic, /^Team-A-[0-9a-f]{8}-security-alarms$/);
    assert.match(names.queryDatabase, /^org_governance_audit_team_a_[0-9a-f]{8}$/);
    // Allowed as they are: IAM role names take '.', Organizations policy names take '.'.
    assert.equal(names.cloudWatchLogsRole, "Team.A-cloudwatch-logs");
    assert.equal(names.serviceControlPolicy, "Team.A-protect-audit-trail");
  });

  it("shortens a trail name too long for a name's limit to exactly that limit, hash included", () => {
    const names = stackNames(`team-${"a".repeat(122)}`);
    const limits: [string, number][] = [
      [names.archiveBucket(ACCOUNT, REGION), 63], // "General purpose bucket naming rules"
      [names.cloudWatchLogsRole, 64], // "IAM object quotas": role name
      [names.queryReaderRole, 64],
      [names.queryWorkgroup, 128], // Athena CreateWorkGroup
      [names.serviceControlPolicy, 128], // Organizations CreatePolicy: Name
      [names.resourceControlPolicy, 128],
    ];
    for (const [name, limit] of limits) {
      assert.equal(name.length, limit, name);
      assert.match(name, /team-a+-[0-9a-f]{8}/, name);
    }
  });

  it("keeps a trail name that fits a role name exactly as it is, without a hash", () => {
    const trail = `team-${"a".repeat(64 - "-cloudwatch-logs".length - 5)}`;
    assert.equal(stackNames(trail).cloudWatchLogsRole, `${trail}-cloudwatch-logs`);
    assert.equal(stackNames(trail).cloudWatchLogsRole.length, 64);
  });

  it("tells apart trail names that differ only where a name must change them (case, '.', length)", () => {
    const pairs = [
      ["dev", "org-governance-dev"],
      ["Dev-Trail", "dev-trail"],
      ["team.a", "team-a"],
      [`x${"a".repeat(100)}1`, `x${"a".repeat(100)}2`],
    ];
    for (const [a, b] of pairs) {
      const [namesA, namesB] = [accountGlobalNames(a), accountGlobalNames(b)];
      namesA.forEach((name, i) => assert.notEqual(name, namesB[i], `${a} and ${b} share ${name}`));
    }
  });
});

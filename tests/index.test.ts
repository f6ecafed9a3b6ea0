import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CIS_CONTROLS } from "../lib/controls";
import { QUESTIONS } from "../lib/investigation";
import { PlanFailedError, type PlanResult, runPlan } from "../tools/plan/run-plan";
import { named, plan, PROJECT_DIR, prodPlan, stackConfig } from "./support/plan";

const SAMPLE_ORGANIZATION = path.join(PROJECT_DIR, "lib", "organization", "sample-organization.json");

describe("the program (index.ts)", () => {
  it("exports the organization, trail, archive, keys, log group and account counts", async () => {
    const { outputs } = await plan(stackConfig());
    assert.equal(outputs.organizationId, "o-7xk2p9q4ab");
    assert.equal(outputs.trailArn, "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org-governance");
    assert.equal(outputs.trailName, "org-governance");
    assert.equal(outputs.archiveBucketName, "org-trail-archive-222233334444-eu-west-1");
    assert.equal(outputs.archiveBucketArn, "arn:aws:s3:::org-trail-archive-222233334444-eu-west-1");
    const keys = outputs.kmsKeyArns as { archive: string; logGroup: string };
    assert.match(keys.archive, /^arn:aws:kms:eu-west-1:222233334444:key\/[0-9a-f-]{36}$/);
    assert.match(keys.logGroup, /^arn:aws:kms:eu-west-1:111122223333:key\/[0-9a-f-]{36}$/);
    assert.equal(outputs.logGroupName, "/org-governance/cloudtrail/org-governance");
    assert.deepEqual(outputs.accountCountsByState, {
      ACTIVE: 8,
      SUSPENDED: 1,
      PENDING_CLOSURE: 0,
      CLOSED: 0,
    });
  });

  it("resolves the log-archive account by id, name or e-mail alike", async () => {
    for (const account of ["222233334444", "log archive", "AWS-LOG-ARCHIVE@example.com"]) {
      const { outputs } = await plan(stackConfig({ logArchive: { account } }));
      assert.equal(outputs.logArchiveAccountId, "222233334444", account);
    }
  });

  it("applies the org-governance:tags map to both accounts' providers", async () => {
    const result = await plan(stackConfig({ tags: { owner: "security", costCenter: "42" } }));
    for (const provider of ["management-account", "log-archive-account"]) {
      const defaultTags = JSON.parse(named(result, provider).inputs.defaultTags as string);
      assert.deepEqual(defaultTags, { tags: { owner: "security", costCenter: "42" } }, provider);
    }
    assert.deepEqual(named(result, "log-archive-bucket").outputs.tagsAll, {
      owner: "security",
      costCenter: "42",
    });
  });

  it("uses the partition of the home region in every ARN", async () => {
    const { outputs } = await plan(stackConfig({}, "cn-north-1"));
    assert.equal(outputs.trailArn, "arn:aws-cn:cloudtrail:cn-north-1:111122223333:trail/org-governance");
    assert.equal(outputs.archiveBucketArn, "arn:aws-cn:s3:::org-trail-archive-222233334444-cn-north-1");
  });

  it("fails on bad config with every problem, before registering any AWS resource", async () => {
    const attempt = runPlan({
      projectDir: PROJECT_DIR,
      config: stackConfig({ logArchive: { account: "Log Archive", objectLock: { days: 0 } }, trial: {} }),
    });
    await assert.rejects(attempt, (error: PlanFailedError) => {
      assert.equal(error.isUserError, true);
      assert.deepEqual(
        error.registered.filter((r) => r.custom).map((r) => r.type),
        [],
        "no resource, not even a provider, is registered",
      );
      assert.deepEqual(error.message.split("\n"), [
        "org-governance:logArchive.objectLock.days: expected a positive number of days (got 0)",
        "org-governance:trial: unknown key; remove it or fix its spelling",
      ]);
      return true;
    });
  });

  // "Prepare for creating a trail for your organization" (CloudTrail user guide): an organization trail
  // needs CloudTrail's trusted access; without it the program stops before any resource.
  it("stops before any resource when the organization has not given CloudTrail trusted access", async () => {
    const sample = JSON.parse(readFileSync(SAMPLE_ORGANIZATION, "utf8")) as { trustedServices: string[] };
    const directory = mkdtempSync(path.join(os.tmpdir(), "org-governance-"));
    const snapshotFile = path.join(directory, "organization.json");
    writeFileSync(
      snapshotFile,
      JSON.stringify({
        ...sample,
        trustedServices: sample.trustedServices.filter((s) => !s.startsWith("cloudtrail")),
      }),
    );
    try {
      await assert.rejects(
        runPlan({ projectDir: PROJECT_DIR, config: stackConfig(), snapshotFile }),
        (error: PlanFailedError) => {
          assert.equal(error.isUserError, true);
          assert.deepEqual(
            error.registered.filter((r) => r.custom).map((r) => r.type),
            [],
          );
          assert.equal(
            error.message,
            "CloudTrail's trusted access is not enabled in o-7xk2p9q4ab, so the organization trail cannot be created; run `aws organizations enable-aws-service-access --service-principal cloudtrail.amazonaws.com` in the management account, or set org-governance:trail.create false",
          );
          return true;
        },
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("rejects the management account, a suspended account or an unknown account as the log archive", async () => {
    const cases: [string, RegExp][] = [
      [
        "Management",
        /is the management account 111122223333; the log archive must be a separate member account/,
      ],
      ["Legacy Marketing", /account 999900001111 "Legacy Marketing" is SUSPENDED, not ACTIVE/],
      [
        "Log Archiv",
        /no account of o-7xk2p9q4ab has the id, name or e-mail "Log Archiv"; active member accounts: 222233334444/,
      ],
    ];
    for (const [account, expected] of cases) {
      await assert.rejects(
        runPlan({ projectDir: PROJECT_DIR, config: stackConfig({ logArchive: { account } }) }),
        (error: Error) => {
          assert.match(error.message, /^org-governance:logArchive\.account: /);
          assert.match(error.message, expected);
          assert.doesNotMatch(error.message, /\n/);
          return true;
        },
      );
    }
  });

  it("plans the shipped prod stack", async () => {
    const result = await prodPlan();
    assert.equal(result.stack, "prod");
    assert.equal(named(result, "organization-trail-cloudtrail").inputs.name, "org-governance");
    assert.deepEqual(named(result, "organization-trail-cloudtrail").inputs.insightSelectors, [
      { insightType: "ApiCallRateInsight" },
      { insightType: "ApiErrorRateInsight" },
    ]);
  });
});

/**
 * `type name` for every AWS resource of a plan that has a name AWS knows it by. A name unique only within
 * its container is qualified by it: a Glue table by its database, an Athena named query by its workgroup
 * (named queries need no unique name at all).
 */
function physicalNames(result: PlanResult): string[] {
  return result.resources
    .filter((r) => r.custom && !r.type.startsWith("pulumi:"))
    .flatMap((r) => {
      const name = r.type === "aws:s3/bucket:Bucket" ? r.inputs.bucket : r.inputs.name;
      const container =
        r.type === "aws:glue/catalogTable:CatalogTable"
          ? `${String(r.inputs.databaseName)}.`
          : r.type === "aws:athena/namedQuery:NamedQuery"
            ? `${String(r.inputs.workgroup)}/`
            : "";
      return name === undefined ? [] : [`${r.type.split(":")[1]} ${container}${String(name)}`];
    })
    .sort();
}

describe("two stacks in one organization", () => {
  it("keeps every name of the prod stack as it was before names were derived per stack (no replacement)", async () => {
    const perControl = CIS_CONTROLS.flatMap((c) => [
      `cloudwatch/logMetricFilter org-governance-${c.id}`,
      `cloudwatch/metricAlarm org-governance-${c.id}`,
    ]);
    // Resources new in this release (the delivery alarm and notifications, the query side) are pinned
    // from their first release on: the prod stack's names never change.
    const investigations = QUESTIONS.map(
      (q) => `athena/namedQuery org-governance-investigations/investigate-${q.name}`,
    );
    const expected = [
      ...perControl,
      ...investigations,
      "athena/workgroup org-governance-investigations",
      "cloudwatch/metricAlarm org-governance-trail-delivery-stopped",
      "glue/catalogDatabase org_governance_audit",
      "glue/catalogTable org_governance_audit.cloudtrail",
      "glue/catalogTable org_governance_audit.cloudtrail_insights",
      "iam/role org-governance-investigator",
      "kms/alias alias/org-trail-notifications",
      "s3/bucket org-governance-athena-results-222233334444-eu-west-1",
      "sns/topic org-governance-log-deliveries",
      "cloudtrail/trail org-governance",
      "cloudwatch/logGroup /org-governance/cloudtrail/org-governance",
      "iam/role org-governance-cloudwatch-logs",
      "kms/alias alias/org-governance-alarms",
      "kms/alias alias/org-trail-archive",
      "kms/alias alias/org-trail-log-group",
      "organizations/policy org-governance-audit-archive-perimeter",
      "organizations/policy org-governance-protect-audit-trail",
      "s3/bucket org-trail-access-logs-222233334444-eu-west-1",
      "s3/bucket org-trail-archive-222233334444-eu-west-1",
      "sns/topic org-governance-security-alarms",
    ].sort();
    assert.deepEqual(physicalNames(await prodPlan()), expected);
  });

  it("gives a dev stack that sets no names a trail, role, aliases, topic and alarms of its own", async () => {
    const dev = await runPlan({ projectDir: PROJECT_DIR, stack: "dev", config: stackConfig() });
    const prodNames = new Set(physicalNames(await prodPlan()));
    const shared = physicalNames(dev).filter((name) => prodNames.has(name));
    assert.deepEqual(shared, []);
    assert.equal(dev.outputs.trailName, "org-governance-dev");
    const filter = dev.resources.find((r) => r.type === "aws:cloudwatch/logMetricFilter:LogMetricFilter")!;
    assert.equal(
      (filter.inputs.metricTransformation as { namespace: string }).namespace,
      "OrgGovernance/org-governance-dev",
    );
  });
});

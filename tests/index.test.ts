import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PlanFailedError, runPlan } from "../tools/plan/run-plan";
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

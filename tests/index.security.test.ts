import assert from "node:assert/strict";
import type { PlannedResource } from "../tools/plan/capture";
import { UNPINNED_SERVICE_GRANTS } from "../lib/policies/trail-logs-role";
import type { PlanResult } from "../tools/plan/run-plan";
import { TRAIL_LIFELINE } from "./support/trail-lifeline";
import { named, ofType, plan, prodPlan, stackConfig } from "./support/plan";

type Statement = {
  Sid?: string;
  Effect: string;
  Principal?: "*" | { AWS?: string | string[]; Service?: string | string[] };
  Condition?: Record<string, Record<string, unknown>>;
};

/** Every policy document the program generates: IAM, bucket, key and topic policies. */
function policyDocuments(result: PlanResult): { resource: string; statement: Statement }[] {
  const documents: { resource: string; statement: Statement }[] = [];
  for (const r of result.resources) {
    for (const key of ["policy", "assumeRolePolicy"]) {
      const text = r.inputs[key];
      if (typeof text !== "string") continue;
      for (const statement of (JSON.parse(text) as { Statement: Statement[] }).Statement) {
        documents.push({ resource: `${r.urn.slice(r.urn.lastIndexOf("::") + 2)}.${key}`, statement });
      }
    }
  }
  return documents;
}

const PINNING_KEYS = [
  "aws:SourceArn",
  "aws:SourceAccount",
  "aws:SourceOrgID",
  "aws:PrincipalOrgID",
  "kms:CallerAccount",
];

function conditionKeys(statement: Statement): string[] {
  return Object.values(statement.Condition ?? {}).flatMap((block) => Object.keys(block));
}

describe("the program's security invariants", () => {
  it("generates a policy document for every bucket, key, topic and role", async () => {
    const documents = policyDocuments(await prodPlan());
    const owners = new Set(documents.map((d) => d.resource));
    for (const expected of [
      "log-archive-key.policy",
      "log-archive-bucket-policy.policy",
      "log-archive-access-logs-policy.policy",
      "trail-logs-key.policy",
      "trail-logs-role.assumeRolePolicy",
      "trail-logs-role-policy.policy",
      "security-monitoring-key.policy",
      "security-monitoring-topic-policy.policy",
    ]) {
      assert.ok(owners.has(expected), `${expected} is checked`);
    }
  });

  it("never allows a * principal", async () => {
    for (const { resource, statement } of policyDocuments(await prodPlan())) {
      if (statement.Effect !== "Allow") continue;
      const principal = statement.Principal;
      const wildcard = principal === "*" || [principal?.AWS ?? []].flat().includes("*");
      assert.ok(
        !wildcard || conditionKeys(statement).some((k) => PINNING_KEYS.includes(k)),
        `${resource} ${statement.Sid}`,
      );
    }
  });

  // Every service grant is pinned, except the ones UNPINNED_SERVICE_GRANTS names with the AWS page that
  // says the service does not support a pin there ("Role policy document for CloudTrail to use CloudWatch
  // Logs for monitoring").
  it("pins every service-principal grant to a source ARN, a source account or an encryption context (confused deputy), except the documented exemptions", async () => {
    for (const { resource, statement } of policyDocuments(await prodPlan())) {
      if (statement.Effect !== "Allow" || statement.Principal === "*" || !statement.Principal?.Service)
        continue;
      if (statement.Sid !== undefined && statement.Sid in UNPINNED_SERVICE_GRANTS) {
        assert.equal(statement.Condition, undefined, `${resource} ${statement.Sid} is exempt: no condition`);
        continue;
      }
      const keys = conditionKeys(statement);
      const pinned =
        keys.includes("aws:SourceArn") ||
        keys.includes("aws:SourceAccount") ||
        keys.some((k) => k.startsWith("kms:EncryptionContext:"));
      assert.ok(pinned, `${resource} ${statement.Sid} (${keys.join(", ") || "no condition"})`);
    }
  });

  it("protects and retains everything that keeps the trail alive: trail, keys, buckets, every bucket setting, log group, delivery role and its policy", async () => {
    const result = await prodPlan();
    for (const name of TRAIL_LIFELINE) {
      const resource = named(result, name);
      assert.equal(resource.protect, true, `${name} protect`);
      assert.equal(resource.retainOnDelete, true, `${name} retainOnDelete`);
    }
    for (const bucket of ofType(result, "aws:s3/bucket:Bucket"))
      assert.equal(bucket.inputs.forceDestroy, false);
  });

  it("never lets a lifecycle rule delete before the lock expires", async () => {
    const result = await plan(
      stackConfig({
        logArchive: { account: "Log Archive", objectLock: { years: 2 }, lifecycle: { expireAfterDays: 730 } },
      }),
    );
    const lifecycle = ofType(result, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").find(
      (r) => r.inputs.bucket === "org-trail-archive-222233334444-eu-west-1",
    )!;
    // Noncurrent versions become noncurrent only at expiry (>= the lock), and Object Lock keeps lifecycle
    // from deleting a locked version ("Object Lock considerations", S3 user guide).
    for (const rule of lifecycle.inputs.rules as {
      expiration?: { days: number };
      noncurrentVersionExpiration?: { noncurrentDays: number };
    }[]) {
      assert.ok((rule.expiration?.days ?? Infinity) >= 730);
      if (rule.noncurrentVersionExpiration) {
        assert.ok(rule.expiration, "noncurrent versions are deleted only after an expiry");
        assert.ok(rule.expiration.days + rule.noncurrentVersionExpiration.noncurrentDays <= 730 + 30);
      }
    }
  });

  describe("URNs stay stable when an optional setting changes, so no setting replaces the archive or the trail", () => {
    const toggles: [string, Record<string, unknown>][] = [
      ["protect off", { logArchive: { account: "Log Archive", protect: false } }],
      [
        "governance mode, 3 years",
        { logArchive: { account: "Log Archive", objectLock: { mode: "GOVERNANCE", years: 3 } } },
      ],
      ["custom lifecycle", { logArchive: { account: "Log Archive", lifecycle: { glacierAfterDays: 30 } } }],
      ["another role", { logArchive: { account: "Log Archive", roleName: "Deployer" } }],
      ["all data events", { trail: { dataEvents: { s3: "All", lambda: true, dynamodb: true } } }],
      ["insights", { trail: { insights: ["ApiCallRateInsight"] } }],
      ["log retention", { trail: { cloudWatchLogs: { retentionDays: 3653 } } }],
      ["tags", { tags: { owner: "x" } }],
      ["monitoring namespace", { monitoring: { namespace: "Other" } }],
    ];
    const guarded = (r: PlannedResource) =>
      [
        "aws:s3/bucket:Bucket",
        "aws:kms/key:Key",
        "aws:cloudtrail/trail:Trail",
        "aws:cloudwatch/logGroup:LogGroup",
      ].includes(r.type);

    for (const [label, overrides] of toggles) {
      it(label, async () => {
        const before = (await plan(stackConfig())).resources.filter(guarded);
        const after = (await plan(stackConfig(overrides))).resources.filter(guarded);
        assert.deepEqual(after.map((r) => r.urn).sort(), before.map((r) => r.urn).sort());
        for (const r of before) {
          const twin = after.find((a) => a.urn === r.urn)!;
          for (const key of ["bucket", "name"])
            assert.equal(twin.inputs[key], r.inputs[key], `${r.urn} ${key}`);
        }
      });
    }
  });
});

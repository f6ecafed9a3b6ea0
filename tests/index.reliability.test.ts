import assert from "node:assert/strict";
import fc from "fast-check";
import { validateStackConfig, type StackConfig } from "../lib/config/validate";
import type { PlannedResource } from "../tools/plan/capture";
import { PlanFailedError, runPlan, type PlanResult } from "../tools/plan/run-plan";
import { PROJECT_DIR } from "./support/plan";
import {
  applyMutations,
  BASE_CONFIGS,
  encodeConfig,
  invalidatingMutation,
  mutatedConfig,
  type Mutation,
} from "./support/reliability/config-mutations";
import { sweepSize, SWEEP_TIMEOUT_MS, Tally } from "./support/reliability/sweep-size";

type Outcome = "planned" | "rejected";

/** The plan of a config, or the error it failed with. */
async function attempt(config: Record<string, string>): Promise<{ plan?: PlanResult; error?: unknown }> {
  try {
    return { plan: await runPlan({ projectDir: PROJECT_DIR, config }) };
  } catch (error) {
    return { error };
  }
}

/** What a user sees of a rejected config: one line per problem, each starting with the key at fault. */
function assertRejectedByKey(error: unknown): string[] {
  assert.ok(error instanceof PlanFailedError, `not a PlanFailedError: ${String(error)}`);
  assert.equal(error.isUserError, true, `not reported as the user's to fix: ${error.message}`);
  const lines = error.message.split("\n");
  for (const line of lines) {
    assert.match(line, /^(org-governance:[A-Za-z_$]|aws:\S+: )/, `names no key: ${JSON.stringify(line)}`);
    assert.ok(!line.includes("    at "), `stack trace: ${line}`);
  }
  const registered = error.registered.filter((resource) => resource.custom).map((r) => r.type);
  assert.deepEqual(registered, [], "no AWS resource, not even a provider, before validation");
  return lines;
}

function named(plan: PlanResult, name: string): PlannedResource | undefined {
  return plan.resources.find((resource) => resource.urn.endsWith(`::${name}`));
}

/** The data-safety invariants every accepted config must keep, whatever else it changes. */
function assertSafePlan(plan: PlanResult, config: StackConfig): void {
  assert.ok(
    plan.resources.some((r) => r.type === "aws:sns/topic:Topic"),
    "the alarm topic is planned",
  );
  const trails = plan.resources.filter((r) => r.type === "aws:cloudtrail/trail:Trail");
  assert.equal(trails.length, config.trail.create ? 1 : 0);
  if (!config.trail.create) return;
  const settings = config.logArchive;
  assert.ok(settings, "a trail comes with its log archive");
  const keep = settings.protect;
  for (const name of ["log-archive-bucket", "log-archive-access-logs", "log-archive-key", "trail-logs-key"]) {
    const resource = named(plan, name);
    assert.ok(resource, `${name} is planned`);
    assert.equal(resource.protect, keep, `${name} protect`);
    assert.equal(resource.retainOnDelete, keep, `${name} retainOnDelete`);
  }
  for (const bucket of plan.resources.filter((r) => r.type === "aws:s3/bucket:Bucket")) {
    assert.equal(bucket.inputs.forceDestroy, false, `${bucket.urn} forceDestroy`);
  }
  const archive = named(plan, "log-archive-bucket")!.inputs.bucket;
  const { retentionDays, mode } = settings.objectLock;
  const lock = plan.resources.find(
    (r) => r.type.startsWith("aws:s3/bucketObjectLockConfiguration") && r.inputs.bucket === archive,
  );
  const retention = (
    lock?.inputs.rule as { defaultRetention: { mode: string; days?: number; years?: number } }
  ).defaultRetention;
  assert.equal(retention.mode, mode);
  assert.equal(retention.days ?? (retention.years ?? 0) * 365, retentionDays);
  const lifecycle = plan.resources.find(
    (r) => r.type.startsWith("aws:s3/bucketLifecycleConfiguration") && r.inputs.bucket === archive,
  );
  for (const rule of lifecycle?.inputs.rules as {
    expiration?: { days: number };
    noncurrentVersionExpiration?: { noncurrentDays: number };
  }[]) {
    assert.ok((rule.expiration?.days ?? Infinity) >= retentionDays, "no expiry before the lock ends");
    // Versions become noncurrent only when they expire (docs/retention.md): the permanent deletion lands
    // within 30 days after the expiry, and never without one.
    const noncurrentDays = rule.noncurrentVersionExpiration?.noncurrentDays;
    if (noncurrentDays !== undefined) {
      assert.ok(rule.expiration, "noncurrent versions are deleted only after an expiry");
      assert.ok(
        noncurrentDays >= 1 && noncurrentDays <= 30,
        `deleted ${noncurrentDays} days after the expiry`,
      );
    }
  }
}

describe("the program under mutated stack configs (fast-check)", () => {
  const tally = new Tally<Outcome>();

  after(() => {
    if (tally.total() === 0) return;
    console.log(
      `      config sweep: ${tally.total()} configs, ` +
        `${tally.count("planned")} planned, ${tally.count("rejected")} rejected; by first mutation:`,
    );
    for (const line of tally.lines(["planned", "rejected"])) console.log(`        ${line}`);
  });

  it("plans each config, or rejects it with one line per problem naming the key, before any AWS resource", async function () {
    this.timeout(SWEEP_TIMEOUT_MS);
    await fc.assert(
      fc.asyncProperty(mutatedConfig, async ({ base, mutations }) => {
        const config = applyMutations(base, mutations);
        const { plan, error } = await attempt(config);
        if (plan) {
          // The plan stands in for `pulumi up`, which validates the stack config exactly as given.
          const validated = validateStackConfig(config);
          assertSafePlan(plan, validated);
        } else {
          assertRejectedByKey(error);
        }
        tally.add(mutations[0].kind.split(":")[0], plan ? "planned" : "rejected");
      }),
      { numRuns: sweepSize(2000, 20_000) },
    );
  });

  describe("always rejects", () => {
    const rejections = (label: string, arbitrary: fc.Arbitrary<Mutation>, numRuns: number, key: RegExp) =>
      it(`${label}, naming the key`, async function () {
        this.timeout(SWEEP_TIMEOUT_MS);
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...Object.keys(BASE_CONFIGS)),
            arbitrary,
            async (base, mutation) => {
              const { plan, error } = await attempt(encodeConfig(mutation.apply(BASE_CONFIGS[base]())));
              assert.equal(plan, undefined, `${mutation.kind} was planned`);
              const lines = assertRejectedByKey(error);
              assert.ok(
                lines.some((line) => key.test(line)),
                `${mutation.kind}: ${lines.join(" | ")}`,
              );
            },
          ),
          { numRuns },
        );
      });

    rejections(
      "settings that contradict each other",
      invalidatingMutation.contradiction,
      sweepSize(100, 1000),
      /^org-governance:(logArchive\.(lifecycle|objectLock)|trail\.(create|insights))/,
    );
    rejections(
      "a typo in any key, at any depth",
      invalidatingMutation.typoInKey,
      sweepSize(100, 1000),
      /^(org-governance:[^:]+: unknown key|aws:region: required)/,
    );
    rejections(
      "an unknown control id",
      invalidatingMutation.unknownControl,
      sweepSize(40, 400),
      /^org-governance:monitoring\.controls: /,
    );
    rejections(
      "an e-mail address that is not one",
      invalidatingMutation.badEmail,
      sweepSize(40, 400),
      /^org-governance:monitoring\.emails\[1\]: /,
    );
  });

  // The plan used to substitute its snapshot into any organization section, so it planned (or crashed
  // on) sections that `pulumi up` rejects; it now leaves a malformed section to validation.
  it("rejects a malformed organization section by its key, as `pulumi up` would", async () => {
    for (const text of ["5", "abc", "[]", "null", '"x"', "", '{"snapshotFile":5}', '{"snapshotFil":"x"}']) {
      const config = { ...encodeConfig(BASE_CONFIGS.minimal()), "org-governance:organization": text };
      const { plan, error } = await attempt(config);
      assert.equal(plan, undefined, `planned with organization ${JSON.stringify(text)}`);
      const [line] = assertRejectedByKey(error);
      assert.match(line, /^org-governance:organization(\.snapshotFile?)?: /, text);
    }
  });

  it("plans each base config unchanged (the sweep's starting points are valid)", async () => {
    for (const [name, base] of Object.entries(BASE_CONFIGS)) {
      const { plan, error } = await attempt(encodeConfig(base()));
      assert.ok(plan, `${name}: ${String(error)}`);
    }
  });
});

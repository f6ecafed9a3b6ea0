import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runToSuccess } from "./child-process";
import type { Figure } from "./figures";
import { ratio, timeRuns, type RunPlan } from "./stats";

export interface ProdPlanOptions extends RunPlan {
  readonly projectDir: string;
  /** Where `npm run plan -- --out` writes the plan export, which the policy-check measurement reuses. */
  readonly exportTo: string;
  readonly onProgress?: (message: string) => void;
}

/** The prod stack's plan, end to end, on a 2-core machine. */
export const PROD_PLAN_TARGET_MS = 5000;

/**
 * Times the real `npm run plan`, which type-checks the program as `pulumi up` would through a cached
 * `tsc` build: once as the plan alone (`--no-policy`, the figure the target is about, the cache warm as
 * it is between two plans of unchanged code) and once end to end with the policy check that ends it.
 * Beside them: the same plan with an empty type-check cache (after a fresh clone or a dependency update),
 * the way it was type-checked before the cache (ts-node checking each file as it loads it, like
 * `pulumi up`), and without any type-check: the differences are what type-checking costs.
 */
export async function measureProdPlan(options: ProdPlanOptions): Promise<Figure[]> {
  const plan = { warmup: options.warmup, runs: options.runs };
  const planOnly = await timeRuns(
    plan,
    () =>
      run(
        "npm",
        ["run", "--silent", "plan", "--", "--no-policy", "--out", options.exportTo],
        options.projectDir,
      ),
    (run, total) => options.onProgress?.(`npm run plan --no-policy (${run}/${total})`),
  );
  const endToEnd = await timeRuns(
    plan,
    () => run("npm", ["run", "--silent", "plan", "--", "--out", options.exportTo], options.projectDir),
    (run, total) => options.onProgress?.(`npm run plan with the policy check (${run}/${total})`),
  );
  const tsNode = join(options.projectDir, "node_modules", "ts-node", "dist", "bin.js");
  const coldCache = await timeRuns(
    plan,
    async () => {
      const cache = mkdtempSync(join(tmpdir(), "org-governance-bench-type-check-"));
      try {
        await runToSuccess(
          "npm",
          ["run", "--silent", "plan", "--", "--no-policy"],
          { cwd: options.projectDir, env: { ...process.env, ORG_GOV_TYPE_CHECK_CACHE: cache } },
          "npm run plan",
        );
      } finally {
        rmSync(cache, { recursive: true, force: true });
      }
    },
    (run, total) =>
      options.onProgress?.(`npm run plan --no-policy, empty type-check cache (${run}/${total})`),
  );
  const tsNodeTypeCheck = await timeRuns(
    plan,
    () =>
      run(
        process.execPath,
        [tsNode, "scripts/plan.ts", "--no-policy", "--no-type-check"],
        options.projectDir,
      ),
    (run, total) => options.onProgress?.(`plan type-checked by ts-node as it loads (${run}/${total})`),
  );
  const transpileOnly = await timeRuns(
    plan,
    () =>
      run(
        process.execPath,
        [tsNode, "--transpile-only", "scripts/plan.ts", "--no-policy", "--no-type-check"],
        options.projectDir,
      ),
    (run, total) => options.onProgress?.(`plan without type-checking (${run}/${total})`),
  );
  return [
    {
      id: "prod-plan.npm-run-plan",
      measurement: "npm run plan --no-policy (prod stack, type-checked, cache warm)",
      value: planOnly.medianMs / 1000,
      unit: "s",
      samples: planOnly.samplesMs,
      target: { comparison: "<", limit: PROD_PLAN_TARGET_MS / 1000 },
    },
    {
      id: "prod-plan.with-policy-check",
      measurement: "npm run plan, ending with the policy check",
      value: endToEnd.medianMs / 1000,
      unit: "s",
      samples: endToEnd.samplesMs,
    },
    {
      id: "prod-plan.type-check-cache-cold",
      measurement: "same, with an empty type-check cache",
      value: coldCache.medianMs / 1000,
      unit: "s",
      samples: coldCache.samplesMs,
    },
    {
      id: "prod-plan.ts-node-type-check",
      measurement: "same plan type-checked by ts-node as it loads (before the cache)",
      value: tsNodeTypeCheck.medianMs / 1000,
      unit: "s",
      samples: tsNodeTypeCheck.samplesMs,
    },
    {
      id: "prod-plan.ratio.cached-vs-ts-node-type-check",
      measurement: "cached type-check plan / ts-node type-checked plan",
      value: ratio(planOnly.medianMs, tsNodeTypeCheck.medianMs),
      unit: "ratio",
    },
    {
      id: "prod-plan.transpile-only",
      measurement: "same plan --no-policy --no-type-check, ts-node --transpile-only",
      value: transpileOnly.medianMs / 1000,
      unit: "s",
      samples: transpileOnly.samplesMs,
    },
    {
      id: "prod-plan.ratio.type-checked-vs-transpile-only",
      measurement: "type-checked plan / transpile-only plan",
      value: ratio(planOnly.medianMs, transpileOnly.medianMs),
      unit: "ratio",
    },
  ];
}

function run(command: string, args: readonly string[], cwd: string): Promise<unknown> {
  return runToSuccess(command, args, { cwd });
}

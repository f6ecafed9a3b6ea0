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
 * Times the real `npm run plan` (ts-node type-checks the program as it loads it), once as the plan alone
 * (`--no-policy`, the figure the target is about) and once end to end with the policy check that ends it;
 * beside them, the plan run by ts-node without type-checking: the difference is what type-checking costs.
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
  const transpileOnly = await timeRuns(
    plan,
    () =>
      run(
        process.execPath,
        [tsNode, "--transpile-only", "tools/plan/command.ts", "--no-policy"],
        options.projectDir,
      ),
    (run, total) => options.onProgress?.(`plan without type-checking (${run}/${total})`),
  );
  return [
    {
      id: "prod-plan.npm-run-plan",
      measurement: "npm run plan --no-policy (prod stack, type-checked)",
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
      id: "prod-plan.transpile-only",
      measurement: "same plan --no-policy, ts-node --transpile-only",
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

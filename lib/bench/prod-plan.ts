import { join } from "node:path";
import { failureLine, runCommand } from "./child-process";
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
 * Times the real `npm run plan` (ts-node type-checks the program as it loads it) and, beside it, the same
 * script run by ts-node without type-checking: the difference is what type-checking costs.
 */
export async function measureProdPlan(options: ProdPlanOptions): Promise<Figure[]> {
  const plan = { warmup: options.warmup, runs: options.runs };
  const npm = await timeRuns(
    plan,
    () => succeed("npm", ["run", "--silent", "plan", "--", "--out", options.exportTo], options.projectDir),
    (run, total) => options.onProgress?.(`npm run plan (${run}/${total})`),
  );
  const tsNode = join(options.projectDir, "node_modules", "ts-node", "dist", "bin.js");
  const transpileOnly = await timeRuns(
    plan,
    () => succeed(process.execPath, [tsNode, "--transpile-only", "scripts/plan.ts"], options.projectDir),
    (run, total) => options.onProgress?.(`plan without type-checking (${run}/${total})`),
  );
  return [
    {
      id: "prod-plan.npm-run-plan",
      measurement: "npm run plan (prod stack, end to end)",
      value: npm.medianMs / 1000,
      unit: "s",
      samples: npm.samplesMs,
      target: { comparison: "<", limit: PROD_PLAN_TARGET_MS / 1000 },
    },
    {
      id: "prod-plan.transpile-only",
      measurement: "same plan, ts-node --transpile-only",
      value: transpileOnly.medianMs / 1000,
      unit: "s",
      samples: transpileOnly.samplesMs,
    },
    {
      id: "prod-plan.ratio.type-checked-vs-transpile-only",
      measurement: "npm run plan / transpile-only plan",
      value: ratio(npm.medianMs, transpileOnly.medianMs),
      unit: "ratio",
    },
  ];
}

async function succeed(command: string, args: readonly string[], cwd: string): Promise<void> {
  const outcome = await runCommand(command, args, { cwd });
  if (outcome.exitCode !== 0) {
    throw new Error(
      `${command} ${args.join(" ")} exited with ${outcome.exitCode}: ${failureLine(outcome.stderr)}`,
    );
  }
}

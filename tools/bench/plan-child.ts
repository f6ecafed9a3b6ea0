import { parseArgs } from "node:util";
import { runPlan } from "../plan/run-plan";
import { timeRuns } from "./stats";

export interface PlanChildOptions {
  readonly projectDir: string;
  readonly snapshotFile: string;
  readonly warmup: number;
  readonly runs: number;
}

export interface PlanChildResult {
  readonly resources: number;
  /** The first plan of the process: it also loads the program, Pulumi and the AWS provider SDK. */
  readonly firstMs: number;
  readonly samplesMs: readonly number[];
  /** Peak resident memory of this process, the warm-up included. */
  readonly maxRssMiB: number;
}

/**
 * Plans the project against one snapshot several times in this process. Meant to run in a child process
 * of its own, so that the peak memory is this plan's alone.
 */
export async function planRepeatedly(options: PlanChildOptions): Promise<PlanChildResult> {
  let firstMs: number | undefined;
  const counts = new Set<number>();
  const timed = await timeRuns({ warmup: options.warmup, runs: options.runs }, async () => {
    const started = performance.now();
    const plan = await runPlan({ projectDir: options.projectDir, snapshotFile: options.snapshotFile });
    firstMs ??= performance.now() - started;
    counts.add(plan.resources.length);
    return plan.resources.length;
  });
  if (counts.size !== 1) {
    throw new Error(`planning the same snapshot gave different resource counts: ${[...counts].join(", ")}`);
  }
  return {
    resources: timed.last,
    firstMs: firstMs ?? 0,
    samplesMs: timed.samplesMs,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "project-dir": { type: "string" },
      snapshot: { type: "string" },
      warmup: { type: "string", default: "1" },
      runs: { type: "string", default: "3" },
    },
    strict: true,
  });
  if (!values["project-dir"] || !values.snapshot) {
    throw new Error("usage: plan-child --project-dir DIR --snapshot FILE [--warmup N] [--runs N]");
  }
  const result = await planRepeatedly({
    projectDir: values["project-dir"],
    snapshotFile: values.snapshot,
    warmup: Number(values.warmup),
    runs: Number(values.runs),
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchOrganization } from "./bench-organization";
import { runTypeScriptChild } from "./child-process";
import type { Figure } from "./figures";
import type { PlanChildResult } from "./plan-child";
import { median, ratio, type RunPlan } from "./stats";

export interface PlanScalingOptions extends RunPlan {
  readonly projectDir: string;
  /** Organization sizes in accounts, smallest first: the smallest is the floor the others are divided by. */
  readonly sizes: readonly number[];
  readonly onProgress?: (message: string) => void;
}

/** plan(largest) / plan(smallest): the program must not do per-account work. */
export const PLAN_SCALING_TARGET = 1.3;

const CHILD = join(__dirname, "plan-child.ts");

/**
 * Plans the prod stack against generated organizations of each size, each size in a fresh child process
 * (so its peak memory is its own), and relates every size to the smallest.
 */
export async function measurePlanScaling(options: PlanScalingOptions): Promise<Figure[]> {
  const directory = mkdtempSync(join(tmpdir(), "org-governance-bench-plan-"));
  try {
    const results: { accounts: number; result: PlanChildResult }[] = [];
    for (const accounts of options.sizes) {
      options.onProgress?.(`offline plan, ${accounts.toLocaleString("en-US")} accounts`);
      const snapshotFile = join(directory, `organization-${accounts}.json`);
      writeFileSync(snapshotFile, JSON.stringify(benchOrganization(accounts)));
      const result = await runTypeScriptChild<PlanChildResult>(
        CHILD,
        [
          "--project-dir",
          options.projectDir,
          "--snapshot",
          snapshotFile,
          "--warmup",
          String(options.warmup),
          "--runs",
          String(options.runs),
        ],
        { cwd: options.projectDir },
      );
      results.push({ accounts, result });
    }
    return planFigures(results);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** The figures of a scaling run; pure, so the table's shape is tested without planning. */
export function planFigures(results: readonly { accounts: number; result: PlanChildResult }[]): Figure[] {
  const [floor] = results;
  const floorMs = median(floor.result.samplesMs);
  const label = (accounts: number) => accounts.toLocaleString("en-US");
  const largest = results[results.length - 1];
  return results.flatMap(({ accounts, result }) => {
    const name = label(accounts);
    const figures: Figure[] = [
      {
        id: `plan.resources.${accounts}`,
        measurement: `offline plan, ${name} accounts: resources`,
        value: result.resources,
        unit: "count",
        target: { comparison: "=", limit: floor.result.resources, label: `as for ${label(floor.accounts)}` },
      },
      {
        id: `plan.ms.${accounts}`,
        measurement: `offline plan, ${name} accounts: wall time`,
        value: median(result.samplesMs),
        unit: "ms",
        samples: result.samplesMs,
        detail: `(first plan in the process ${Math.round(result.firstMs).toLocaleString("en-US")} ms)`,
      },
      {
        id: `plan.rss.${accounts}`,
        measurement: `offline plan, ${name} accounts: peak memory`,
        value: result.maxRssMiB,
        unit: "MiB",
      },
    ];
    if (accounts !== floor.accounts) {
      figures.push({
        id: `plan.ratio.${accounts}-vs-${floor.accounts}`,
        measurement: `plan(${name}) / plan(${label(floor.accounts)})`,
        value: ratio(median(result.samplesMs), floorMs),
        unit: "ratio",
        ...(accounts === largest.accounts
          ? { target: { comparison: "<=" as const, limit: PLAN_SCALING_TARGET } }
          : {}),
      });
    }
    return figures;
  });
}

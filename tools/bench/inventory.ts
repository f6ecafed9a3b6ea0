import {
  runInventoryBenchmark,
  type InventoryBenchmarkResult,
} from "../../tests/support/organizations-endpoint/benchmark";
import type { Figure } from "./figures";
import { median, ratio, timeRuns, type RunPlan } from "./stats";

export interface InventoryShape {
  readonly accounts: number;
  readonly ous: number;
}

export interface InventoryOptions extends RunPlan {
  readonly shapes: readonly InventoryShape[];
  /** Shares of requests the endpoint throttles; the first is the floor the others are compared with. */
  readonly throttleRates: readonly number[];
  readonly onProgress?: (message: string) => void;
}

export interface InventoryRunSummary {
  readonly shape: InventoryShape;
  readonly throttleRate: number;
  /** Milliseconds of each kept run, the inventory alone (not generating or serving the organization). */
  readonly samplesMs: readonly number[];
  readonly last: InventoryBenchmarkResult;
}

/** Inventories generated organizations through the loopback Organizations endpoint, clean and throttled. */
export async function measureInventory(options: InventoryOptions): Promise<Figure[]> {
  const summaries: InventoryRunSummary[] = [];
  for (const shape of options.shapes) {
    for (const throttleRate of options.throttleRates) {
      const samplesMs: number[] = [];
      const timed = await timeRuns(
        options,
        async (index) => {
          const result = await runInventoryBenchmark({ ...shape, throttleRate });
          if (index >= options.warmup) samplesMs.push(result.ms);
          return result;
        },
        (run, total) =>
          options.onProgress?.(
            `inventory, ${shape.accounts.toLocaleString("en-US")} accounts, ${percent(throttleRate)} throttled (${run}/${total})`,
          ),
      );
      summaries.push({ shape, throttleRate, samplesMs, last: timed.last });
    }
  }
  return inventoryFigures(summaries, options.throttleRates[0]);
}

function percent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}

/** The figures of the inventory runs; pure, so the table's shape is tested without a server. */
export function inventoryFigures(summaries: readonly InventoryRunSummary[], floorRate: number): Figure[] {
  return summaries.flatMap((summary) => {
    const { shape, throttleRate, last } = summary;
    const key = `${shape.accounts}.${percent(throttleRate).replace("%", "pct")}`;
    const name = `inventory, ${shape.accounts.toLocaleString("en-US")} accounts / ${shape.ous} OUs, ${percent(throttleRate)} throttled`;
    const figures: Figure[] = [
      {
        id: `inventory.calls.${key}`,
        measurement: `${name}: successful calls`,
        value: last.calls,
        unit: "count",
        target: { comparison: "<=", limit: last.budget, label: "call budget" },
      },
      { id: `inventory.retries.${key}`, measurement: `${name}: retries`, value: last.retries, unit: "count" },
      {
        id: `inventory.ms.${key}`,
        measurement: `${name}: time`,
        value: median(summary.samplesMs),
        unit: "ms",
        samples: summary.samplesMs,
      },
    ];
    const floor = summaries.find((other) => other.shape === shape && other.throttleRate === floorRate);
    if (floor && floor !== summary) {
      figures.push({
        id: `inventory.ratio.${key}-vs-${percent(floorRate).replace("%", "pct")}`,
        measurement: `${name}: time / time at ${percent(floorRate)}`,
        value: ratio(median(summary.samplesMs), median(floor.samplesMs)),
        unit: "ratio",
      });
    }
    return figures;
  });
}

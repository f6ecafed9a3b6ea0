/** The middle of the values (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0)
    throw new RangeError("median: no values to take the median of; measure at least once");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `numerator / denominator`, refusing a denominator that would make the ratio meaningless. */
export function ratio(numerator: number, denominator: number): number {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0) {
    throw new RangeError(
      `ratio: cannot divide ${numerator} by ${denominator}; the floor measurement must be a positive number`,
    );
  }
  return numerator / denominator;
}

export interface RunPlan {
  /** Runs made first and thrown away: they pay for compilation, caches and lazy loading. */
  readonly warmup: number;
  /** Runs whose times are kept. */
  readonly runs: number;
}

export interface TimedRuns<T> {
  readonly samplesMs: readonly number[];
  readonly medianMs: number;
  /** What the last kept run returned. */
  readonly last: T;
}

/** Times `run` after `warmup` discarded runs; each kept run is timed on its own. */
export async function timeRuns<T>(
  plan: RunPlan,
  run: (index: number) => Promise<T> | T,
  onRun?: (index: number, total: number) => void,
): Promise<TimedRuns<T>> {
  checkRunPlan(plan);
  const total = plan.warmup + plan.runs;
  const samplesMs: number[] = [];
  let last: T | undefined;
  for (let index = 0; index < total; index++) {
    onRun?.(index + 1, total);
    const started = performance.now();
    const result = await run(index);
    const elapsed = performance.now() - started;
    if (index >= plan.warmup) {
      samplesMs.push(elapsed);
      last = result;
    }
  }
  return { samplesMs, medianMs: median(samplesMs), last: last as T };
}

export function checkRunPlan(plan: RunPlan): void {
  if (!Number.isInteger(plan.warmup) || plan.warmup < 0) {
    throw new RangeError(`warm-up runs must be a whole number >= 0, got ${plan.warmup}`);
  }
  if (!Number.isInteger(plan.runs) || plan.runs < 1) {
    throw new RangeError(`runs must be a whole number >= 1, got ${plan.runs}`);
  }
}

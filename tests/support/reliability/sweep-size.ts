/** `ORG_GOV_HEAVY=1` turns every sweep up to its nightly size. */
export const HEAVY = process.env.ORG_GOV_HEAVY === "1";

/** The number of cases a sweep tries: small enough for every `npm test`, or the heavy count. */
export function sweepSize(normal: number, heavy: number): number {
  return HEAVY ? heavy : normal;
}

/** Per-test timeout for a whole sweep: mocha's usual minute, or half an hour for the heavy size. */
export const SWEEP_TIMEOUT_MS = HEAVY ? 30 * 60_000 : 60_000;

/** Counts outcomes per category, for the figures a sweep prints when it ends. */
export class Tally<Outcome extends string> {
  private readonly counts = new Map<string, Map<Outcome, number>>();

  add(category: string, outcome: Outcome): void {
    const row = this.counts.get(category) ?? new Map<Outcome, number>();
    row.set(outcome, (row.get(outcome) ?? 0) + 1);
    this.counts.set(category, row);
  }

  count(outcome: Outcome, category?: string): number {
    const rows =
      category === undefined ? [...this.counts.values()] : [this.counts.get(category) ?? new Map()];
    return rows.reduce((sum, row) => sum + (row.get(outcome) ?? 0), 0);
  }

  total(): number {
    return [...this.counts.values()].reduce(
      (sum, row) => sum + [...row.values()].reduce((a, b) => a + b, 0),
      0,
    );
  }

  /** One line per category: `name: outcome n, outcome n`, sorted by category. */
  lines(outcomes: readonly Outcome[]): string[] {
    return [...this.counts.keys()]
      .sort()
      .map((category) => `${category}: ${outcomes.map((o) => `${o} ${this.count(o, category)}`).join(", ")}`);
  }
}

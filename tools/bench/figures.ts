/** How a figure is printed: the unit decides the rounding and the suffix. */
export type Unit = "ms" | "s" | "µs" | "MiB" | "ratio" | "count" | "records/s";

export interface Target {
  readonly comparison: "<" | "<=" | "=";
  readonly limit: number;
  /** Says what the limit is when the number alone would not, e.g. "the call budget". */
  readonly label?: string;
}

export interface Figure {
  /** Stable key of the figure in the JSON output, e.g. `plan.ratio.10000-vs-10`. */
  readonly id: string;
  /** The table's first column. */
  readonly measurement: string;
  /** Undefined when the figure was skipped or could not be measured. */
  readonly value?: number;
  readonly unit: Unit;
  readonly target?: Target;
  /** Every kept run, for figures that are a median. */
  readonly samples?: readonly number[];
  /** Printed after the value, e.g. "(budget 907)". */
  readonly detail?: string;
  /** Why there is no value when it was skipped on purpose, e.g. "skipped (quick)". */
  readonly skipped?: string;
  /** Why there is no value when measuring failed: one line. */
  readonly error?: string;
}

export type Verdict = "pass" | "fail" | "no target" | "skipped" | "error";

export function verdictOf(figure: Figure): Verdict {
  if (figure.error !== undefined) return "error";
  if (figure.skipped !== undefined || figure.value === undefined) return "skipped";
  if (figure.target === undefined) return "no target";
  return meetsTarget(figure.value, figure.target) ? "pass" : "fail";
}

export function meetsTarget(value: number, target: Target): boolean {
  switch (target.comparison) {
    case "<":
      return value < target.limit;
    case "<=":
      return value <= target.limit;
    case "=":
      return value === target.limit;
  }
}

const GROUPED = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** The value with its unit, rounded to what the noise of this machine allows. */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case "ms":
      return `${GROUPED.format(value)} ms`;
    case "s":
      return `${value.toFixed(2)} s`;
    case "µs":
      return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} µs`;
    case "MiB":
      return `${GROUPED.format(value)} MiB`;
    case "ratio":
      return `${value.toFixed(2)}×`;
    case "count":
      return GROUPED.format(value);
    case "records/s":
      return `${GROUPED.format(value)} records/s`;
  }
}

export function formatTarget(target: Target, unit: Unit): string {
  const symbol = target.comparison === "<=" ? "≤" : target.comparison;
  const limit = `${symbol} ${formatValue(target.limit, unit)}`;
  return target.label === undefined ? limit : `${limit} (${target.label})`;
}

export function formatFigure(figure: Figure): string {
  if (figure.error !== undefined) return `not measured: ${figure.error}`;
  if (figure.value === undefined) return figure.skipped ?? "skipped";
  const value = formatValue(figure.value, figure.unit);
  return figure.detail === undefined ? value : `${value} ${figure.detail}`;
}

/** A figure that was not measured in this mode, still listed so every row is present. */
export function skippedFigure(
  id: string,
  measurement: string,
  unit: Unit,
  reason: string,
  target?: Target,
): Figure {
  return { id, measurement, unit, skipped: reason, ...(target ? { target } : {}) };
}

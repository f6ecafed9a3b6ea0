import { parseArgs } from "node:util";
import { verdictOf, type Figure } from "./figures";
import type { BenchMode } from "./json-report";
import { MEASUREMENT_NAMES, type MeasurementName } from "./run-bench";

export const USAGE = `usage: npm run bench -- [--quick] [--json FILE] [--markdown] [--only ${MEASUREMENT_NAMES.join(",")}]`;

export interface BenchCliOptions {
  readonly mode: BenchMode;
  readonly json?: string;
  readonly markdown: boolean;
  readonly only?: readonly MeasurementName[];
  readonly help: boolean;
}

/** A mistake in the command line: exit 2 with one line and the usage. */
export class BenchUsageError extends Error {
  constructor(message: string) {
    super(`${message}\n${USAGE}`);
    this.name = "BenchUsageError";
  }
}

export function parseBenchArgs(argv: readonly string[]): BenchCliOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        quick: { type: "boolean", default: false },
        json: { type: "string" },
        markdown: { type: "boolean", default: false },
        only: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  return {
    mode: values.quick ? "quick" : "full",
    markdown: values.markdown,
    help: values.help,
    ...(values.json !== undefined ? { json: values.json } : {}),
    ...(values.only !== undefined ? { only: parseOnly(values.only) } : {}),
  };
}

function parseOnly(value: string): MeasurementName[] {
  const names = value.split(",").map((name) => name.trim());
  for (const name of names) {
    if (!(MEASUREMENT_NAMES as readonly string[]).includes(name)) {
      throw new BenchUsageError(
        `--only: no measurement named ${JSON.stringify(name)}; choose from ${MEASUREMENT_NAMES.join(", ")}`,
      );
    }
  }
  return names as MeasurementName[];
}

/** 0: every target held; 1: a target was missed; 2: a measurement could not run. */
export function exitCodeOf(figures: readonly Figure[]): number {
  const verdicts = figures.map(verdictOf);
  if (verdicts.includes("error")) return 2;
  return verdicts.includes("fail") ? 1 : 0;
}

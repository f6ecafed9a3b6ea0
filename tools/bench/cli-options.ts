import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { defineCommand, jsonOption, outOption } from "../cli/command";
import { verdictOf, type Figure } from "./figures";

/** Every measurement, in table order; here rather than in run-bench so `--help` loads none of them. */
export const MEASUREMENT_NAMES = [
  "plan",
  "prod-plan",
  "inventory",
  "filter-patterns",
  "policy-check",
  "validate-logs",
  "investigate",
  "npm-ci",
  "npm-test",
] as const;
export type MeasurementName = (typeof MEASUREMENT_NAMES)[number];

/** The bench's flags; `--help` and usage errors answer before any measurement loads. */
export function benchCommand(): Command {
  return defineCommand({
    name: "bench",
    summary:
      "Measures the plan, inventory, filter patterns, policy check, npm ci and npm test: each figure the " +
      "median of several runs after a warm-up, with a ratio to its floor where there is one.",
    exitCodes: {
      0: "every target held",
      1: "a target was missed",
      2: "bad usage, or a measurement could not run",
    },
  })
    .option("--quick", "fewer runs and a tenth of the records, npm ci and npm test skipped (about 2 minutes)")
    .option(
      "--only <names>",
      `comma-separated measurements to run: ${MEASUREMENT_NAMES.join(", ")}`,
      parseOnly,
    )
    .option("--markdown", "print the table as Markdown")
    .addOption(jsonOption())
    .addOption(outOption("also write every figure, with its samples and the machine, as JSON to this file"));
}

export interface BenchCliOptions {
  readonly quick?: boolean;
  readonly only?: readonly MeasurementName[];
  readonly markdown?: boolean;
  readonly json?: boolean;
  readonly out?: string;
}

export function parseOnly(value: string): MeasurementName[] {
  const names = value.split(",").map((name) => name.trim());
  for (const name of names) {
    if (!(MEASUREMENT_NAMES as readonly string[]).includes(name)) {
      throw new InvalidArgumentError(
        `no measurement named ${JSON.stringify(name)}; choose from ${MEASUREMENT_NAMES.join(", ")}`,
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

import { renameSync, writeFileSync } from "node:fs";
import { verdictOf, type Figure, type Target, type Unit, type Verdict } from "./figures";
import type { MachineDescription } from "./machine";

export type BenchMode = "quick" | "full";

export interface JsonFigure {
  readonly measurement: string;
  readonly value: number | null;
  readonly unit: Unit;
  readonly target: Target | null;
  readonly verdict: Verdict;
  readonly samples?: readonly number[];
  readonly detail?: string;
  readonly skipped?: string;
  readonly error?: string;
}

export interface BenchReport {
  readonly mode: BenchMode;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly machine: MachineDescription & { readonly loadAverageAtEnd: readonly number[] };
  /** Keyed by figure id, in table order. */
  readonly figures: Readonly<Record<string, JsonFigure>>;
}

export interface ReportInput {
  readonly mode: BenchMode;
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly machine: MachineDescription;
  readonly loadAverageAtEnd: readonly number[];
  readonly figures: readonly Figure[];
}

export function toJsonReport(input: ReportInput): BenchReport {
  const figures: Record<string, JsonFigure> = {};
  for (const figure of input.figures) {
    if (figures[figure.id] !== undefined) {
      throw new Error(`bench: two figures share the id ${JSON.stringify(figure.id)}; give each its own`);
    }
    figures[figure.id] = {
      measurement: figure.measurement,
      value: figure.value ?? null,
      unit: figure.unit,
      target: figure.target ?? null,
      verdict: verdictOf(figure),
      ...(figure.samples ? { samples: figure.samples.map(roundSample) } : {}),
      ...(figure.detail !== undefined ? { detail: figure.detail } : {}),
      ...(figure.skipped !== undefined ? { skipped: figure.skipped } : {}),
      ...(figure.error !== undefined ? { error: figure.error } : {}),
    };
  }
  return {
    mode: input.mode,
    startedAt: input.startedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    machine: { ...input.machine, loadAverageAtEnd: input.loadAverageAtEnd },
    figures,
  };
}

/** Written beside the target and renamed, so a reader never sees half a report. */
export function writeJsonReport(path: string, report: BenchReport): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(temporary, path);
}

function roundSample(value: number): number {
  return Math.round(value * 1000) / 1000;
}

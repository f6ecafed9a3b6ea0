import { CIS_CONTROLS } from "../../lib/controls";
import { compileFilterPattern, type FilterMatcher } from "../../lib/filter-pattern";
import { CloudTrailRecordGenerator } from "./cloudtrail-records";
import type { Figure } from "./figures";
import { median, ratio } from "./stats";

export interface FilterPatternOptions {
  readonly records: number;
  readonly warmup: number;
  readonly runs: number;
  readonly seed?: number;
  /** Records generated and held at once; every run goes over each chunk before the next is generated. */
  readonly chunkSize?: number;
  readonly onProgress?: (message: string) => void;
}

export interface FilterPatternResult {
  readonly records: number;
  readonly patterns: number;
  /** Per run: milliseconds of JSON.parse alone over every record. */
  readonly parseMs: readonly number[];
  /** Per run: milliseconds of JSON.parse followed by every pattern over every record. */
  readonly parseAndMatchMs: readonly number[];
  /** Records at least one pattern matched (the same in every run). */
  readonly matchedRecords: number;
}

/** Parse + match over parse alone. */
export const FILTER_PATTERN_TARGET = 1.25;

const DEFAULT_CHUNK = 10_000;

function parseOnly(lines: readonly string[]): number {
  let objects = 0;
  for (const line of lines) if (typeof JSON.parse(line) === "object") objects++;
  return objects;
}

function parseAndMatch(lines: readonly string[], matchers: readonly FilterMatcher[]): number {
  let matched = 0;
  for (const line of lines) {
    const record: unknown = JSON.parse(line);
    let hit = false;
    for (const matcher of matchers) if (matcher.matchesRecord(record)) hit = true;
    if (hit) matched++;
  }
  return matched;
}

function timed<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
}

/**
 * Times JSON.parse alone and JSON.parse + the 15 CIS patterns over the same generated records. Both are
 * timed on each chunk in turn, the order alternating, so drift in the machine's load hits both alike.
 */
export function measureFilterPatterns(options: FilterPatternOptions): FilterPatternResult {
  const generator = new CloudTrailRecordGenerator(options.seed ?? 1);
  const matchers = CIS_CONTROLS.map((control) => compileFilterPattern(control.filterPattern));
  const chunkSize = Math.min(options.chunkSize ?? DEFAULT_CHUNK, options.records);
  const warmupLines = generator.lines(0, chunkSize);
  for (let run = 0; run < options.warmup; run++) {
    parseOnly(warmupLines);
    parseAndMatch(warmupLines, matchers);
  }

  const parseMs = new Array<number>(options.runs).fill(0);
  const parseAndMatchMs = new Array<number>(options.runs).fill(0);
  let matchedRecords = 0;
  for (let start = 0; start < options.records; start += chunkSize) {
    options.onProgress?.(
      `filter patterns: ${start.toLocaleString("en-US")} of ${options.records.toLocaleString("en-US")} records`,
    );
    const lines = generator.lines(start, Math.min(chunkSize, options.records - start));
    // Untimed: the first pass over fresh text also collects the garbage generating it left behind.
    parseOnly(lines);
    for (let run = 0; run < options.runs; run++) {
      const parseFirst = (run + start / chunkSize) % 2 === 0;
      if (parseFirst) parseMs[run] += timed(() => parseOnly(lines))[1];
      const [matched, matchMs] = timed(() => parseAndMatch(lines, matchers));
      parseAndMatchMs[run] += matchMs;
      if (!parseFirst) parseMs[run] += timed(() => parseOnly(lines))[1];
      if (run === 0) matchedRecords += matched;
    }
  }
  return { records: options.records, patterns: matchers.length, parseMs, parseAndMatchMs, matchedRecords };
}

export function filterPatternFigures(result: FilterPatternResult): Figure[] {
  const ratios = result.parseMs.map((parse, run) => ratio(result.parseAndMatchMs[run], parse));
  const records = result.records.toLocaleString("en-US");
  return [
    {
      id: "filter-patterns.ratio",
      measurement: `filter patterns: (parse + ${result.patterns} matches) / parse, ${records} records`,
      value: median(ratios),
      unit: "ratio",
      samples: ratios,
      target: { comparison: "<=", limit: FILTER_PATTERN_TARGET },
    },
    {
      id: "filter-patterns.parse-rate",
      measurement: "filter patterns: JSON.parse alone",
      value: result.records / (median(result.parseMs) / 1000),
      unit: "records/s",
      samples: result.parseMs,
    },
    {
      id: "filter-patterns.match-rate",
      measurement: `filter patterns: parse + ${result.patterns} matches`,
      value: result.records / (median(result.parseAndMatchMs) / 1000),
      unit: "records/s",
      samples: result.parseAndMatchMs,
      detail: `(${((result.matchedRecords / result.records) * 100).toFixed(1)}% of records matched a pattern)`,
    },
  ];
}

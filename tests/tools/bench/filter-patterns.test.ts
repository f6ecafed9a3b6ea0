import assert from "node:assert/strict";
import {
  FILTER_PATTERN_TARGET,
  filterPatternFigures,
  measureFilterPatterns,
  type FilterPatternResult,
} from "../../../tools/bench/filter-patterns";

function result(overrides: Partial<FilterPatternResult> = {}): FilterPatternResult {
  return {
    records: 1_000,
    patterns: 15,
    parseMs: [100, 110, 90],
    parseAndMatchMs: [120, 121, 117],
    matchedRecords: 36,
    ...overrides,
  };
}

describe("filterPatternFigures", () => {
  const figures = filterPatternFigures(result());

  it("takes the median of the per-run ratios, held to the target", () => {
    const ratio = figures.find((figure) => figure.id === "filter-patterns.ratio");
    assert.deepEqual(ratio?.samples, [1.2, 1.1, 1.3]);
    assert.equal(ratio?.value, 1.2);
    assert.deepEqual(ratio?.target, { comparison: "<=", limit: FILTER_PATTERN_TARGET });
  });

  it("reports both rates in records per second and the share of records a pattern matched", () => {
    const parse = figures.find((figure) => figure.id === "filter-patterns.parse-rate");
    const match = figures.find((figure) => figure.id === "filter-patterns.match-rate");
    assert.equal(parse?.value, 10_000);
    assert.equal(match?.value, 1_000 / 0.12);
    assert.equal(match?.detail, "(3.6% of records matched a pattern)");
  });
});

describe("measureFilterPatterns", () => {
  it("times every run over every chunk and counts the matched records once", () => {
    const progress: string[] = [];
    const measured = measureFilterPatterns({
      records: 600,
      warmup: 1,
      runs: 2,
      chunkSize: 250,
      onProgress: (message) => progress.push(message),
    });
    assert.equal(measured.patterns, 15);
    assert.equal(measured.parseMs.length, 2);
    assert.ok(measured.parseMs.every((ms) => ms > 0));
    assert.ok(measured.parseAndMatchMs.every((ms) => ms > 0));
    assert.ok(measured.matchedRecords > 0 && measured.matchedRecords < 600, `${measured.matchedRecords}`);
    assert.deepEqual(progress, [
      "filter patterns: 0 of 600 records",
      "filter patterns: 250 of 600 records",
      "filter patterns: 500 of 600 records",
    ]);
  });
});

import assert from "node:assert/strict";
import {
  formatFigure,
  formatTarget,
  formatValue,
  meetsTarget,
  skippedFigure,
  verdictOf,
  type Figure,
} from "../../../tools/bench/figures";

function figure(overrides: Partial<Figure> = {}): Figure {
  return {
    id: "plan.ratio",
    measurement: "plan(10,000) / plan(10)",
    value: 1.2,
    unit: "ratio",
    ...overrides,
  };
}

describe("verdictOf", () => {
  it("passes a value within its target and fails one beyond it", () => {
    assert.equal(verdictOf(figure({ target: { comparison: "<=", limit: 1.3 } })), "pass");
    assert.equal(verdictOf(figure({ value: 1.31, target: { comparison: "<=", limit: 1.3 } })), "fail");
  });

  it("has no verdict without a target, and none for skipped or failed measurements", () => {
    assert.equal(verdictOf(figure()), "no target");
    assert.equal(verdictOf(skippedFigure("npm.ci", "npm ci", "s", "skipped (quick)")), "skipped");
    assert.equal(verdictOf(figure({ value: undefined, error: "pack did not start" })), "error");
  });
});

describe("meetsTarget", () => {
  it("keeps < strict, <= inclusive and = exact", () => {
    assert.equal(meetsTarget(5, { comparison: "<", limit: 5 }), false);
    assert.equal(meetsTarget(5, { comparison: "<=", limit: 5 }), true);
    assert.equal(meetsTarget(66, { comparison: "=", limit: 66 }), true);
    assert.equal(meetsTarget(67, { comparison: "=", limit: 66 }), false);
  });
});

describe("formatValue", () => {
  it("rounds each unit to what the measurement's noise allows", () => {
    assert.equal(formatValue(1234.567, "ms"), "1,235 ms");
    assert.equal(formatValue(6.987, "s"), "6.99 s");
    assert.equal(formatValue(3.14159, "µs"), "3.14 µs");
    assert.equal(formatValue(1496.33, "µs"), "1496.3 µs");
    assert.equal(formatValue(278.9, "MiB"), "279 MiB");
    assert.equal(formatValue(1.2449, "ratio"), "1.24×");
    assert.equal(formatValue(10000, "count"), "10,000");
    assert.equal(formatValue(264451.2, "records/s"), "264,451 records/s");
  });
});

describe("formatTarget and formatFigure", () => {
  it("prints the comparison, the limit in the figure's unit and what the limit is", () => {
    assert.equal(
      formatTarget({ comparison: "<=", limit: 907, label: "call budget" }, "count"),
      "≤ 907 (call budget)",
    );
    assert.equal(formatTarget({ comparison: "<", limit: 5 }, "s"), "< 5.00 s");
  });

  it("prints the value and its detail, the reason for a skip, or the error", () => {
    assert.equal(formatFigure(figure({ detail: "(first run 1,094 ms)" })), "1.20× (first run 1,094 ms)");
    assert.equal(formatFigure(skippedFigure("npm.ci", "npm ci", "s", "skipped (quick)")), "skipped (quick)");
    assert.equal(formatFigure(figure({ error: "exited with 1" })), "not measured: exited with 1");
  });
});

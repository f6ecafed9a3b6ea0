import assert from "node:assert/strict";
import type { Figure } from "../../../tools/bench/figures";
import { formatMarkdownTable, formatTable } from "../../../tools/bench/table";

function figures(): Figure[] {
  return [
    {
      id: "plan.ratio",
      measurement: "plan(10,000) / plan(10)",
      value: 1.21,
      unit: "ratio",
      target: { comparison: "<=", limit: 1.3 },
    },
    { id: "prod", measurement: "npm run plan", value: 7.1, unit: "s", target: { comparison: "<", limit: 5 } },
    { id: "npm.ci", measurement: "npm ci", unit: "s", skipped: "skipped (quick)" },
    { id: "policy.error", measurement: "policy check", unit: "count", error: "pack exited | 1" },
  ];
}

describe("formatTable", () => {
  it("aligns the four columns and marks met targets ✓ and missed ones ✗", () => {
    assert.equal(
      formatTable(figures()),
      [
        "measurement              figure                         target    verdict",
        "plan(10,000) / plan(10)  1.21×                          ≤ 1.30×   ✓",
        "npm run plan             7.10 s                         < 5.00 s  ✗",
        "npm ci                   skipped (quick)",
        "policy check             not measured: pack exited | 1            ✗",
      ].join("\n"),
    );
  });
});

describe("formatMarkdownTable", () => {
  it("writes a Markdown table, escaping pipes inside cells", () => {
    const lines = formatMarkdownTable(figures()).split("\n");
    assert.equal(lines[0], "| measurement | figure | target | verdict |");
    assert.equal(lines[1], "| --- | --- | --- | --- |");
    assert.equal(lines[2], "| plan(10,000) / plan(10) | 1.21× | ≤ 1.30× | ✓ |");
    assert.equal(lines[5], "| policy check | not measured: pack exited \\| 1 |  | ✗ |");
  });
});

import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Figure } from "../../../tools/bench/figures";
import { toJsonReport, writeJsonReport, type ReportInput } from "../../../tools/bench/json-report";

function machine() {
  return {
    cpus: 2,
    cpuModel: "test CPU",
    memoryGiB: 8,
    node: "v20.0.0",
    platform: "linux",
    loadAverage: [1, 2, 3],
  };
}

function input(figures: Figure[]): ReportInput {
  return {
    mode: "quick",
    startedAt: new Date("2024-08-01T12:00:00Z"),
    durationMs: 1234.5,
    machine: machine(),
    loadAverageAtEnd: [2, 2, 2],
    figures,
  };
}

const RATIO: Figure = {
  id: "plan.ratio",
  measurement: "plan(10,000) / plan(10)",
  value: 1.2,
  unit: "ratio",
  samples: [1.23456789],
  target: { comparison: "<=", limit: 1.3 },
};

describe("toJsonReport", () => {
  it("keys every figure by id with its value, target, verdict and samples, and describes the machine", () => {
    const report = toJsonReport(
      input([RATIO, { id: "npm.ci", measurement: "npm ci", unit: "s", skipped: "skipped (quick)" }]),
    );
    assert.equal(report.mode, "quick");
    assert.equal(report.startedAt, "2024-08-01T12:00:00.000Z");
    assert.equal(report.durationMs, 1235);
    assert.deepEqual(report.machine.loadAverageAtEnd, [2, 2, 2]);
    assert.equal(report.machine.cpus, 2);
    assert.deepEqual(report.figures["plan.ratio"], {
      measurement: "plan(10,000) / plan(10)",
      value: 1.2,
      unit: "ratio",
      target: { comparison: "<=", limit: 1.3 },
      verdict: "pass",
      samples: [1.235],
    });
    assert.deepEqual(report.figures["npm.ci"], {
      measurement: "npm ci",
      value: null,
      unit: "s",
      target: null,
      verdict: "skipped",
      skipped: "skipped (quick)",
    });
  });

  it("refuses two figures with the same id", () => {
    assert.throws(() => toJsonReport(input([RATIO, RATIO])), /two figures share the id "plan.ratio"/);
  });
});

describe("writeJsonReport", () => {
  it("writes the report as JSON and leaves no temporary file behind", () => {
    const directory = mkdtempSync(join(tmpdir(), "bench-json-"));
    try {
      const file = join(directory, "bench.json");
      writeJsonReport(file, toJsonReport(input([RATIO])));
      assert.equal(JSON.parse(readFileSync(file, "utf8")).figures["plan.ratio"].verdict, "pass");
      assert.deepEqual(readdirSync(directory), ["bench.json"]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

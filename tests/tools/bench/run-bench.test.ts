import assert from "node:assert/strict";
import { join } from "node:path";
import { verdictOf } from "../../../tools/bench/figures";
import { MEASUREMENT_NAMES, SETTINGS, runBench } from "../../../tools/bench/run-bench";
import { formatTable } from "../../../tools/bench/table";

const PROJECT_DIR = join(__dirname, "..", "..", "..");

describe("runBench", () => {
  it("keeps every measurement in quick mode, with fewer runs and records than the full run", () => {
    const { quick, full } = SETTINGS;
    assert.ok(quick.filterPatterns.records < full.filterPatterns.records);
    assert.ok(quick.plan.runs <= full.plan.runs && quick.prodPlan.runs <= full.prodPlan.runs);
    assert.deepEqual(quick.plan.sizes, full.plan.sizes);
    assert.deepEqual(
      quick.policy.sizes.map((size) => size.resources),
      full.policy.sizes.map((size) => size.resources),
    );
    assert.equal(quick.npmCi, undefined);
    assert.equal(quick.npmTest, false);
    assert.deepEqual(MEASUREMENT_NAMES, [
      "plan",
      "prod-plan",
      "inventory",
      "filter-patterns",
      "policy-check",
      "validate-logs",
      "investigate",
      "npm-ci",
      "npm-test",
    ]);
  });

  it("lists the skipped npm figures in quick mode, so every row of the table is there", async () => {
    const figures = await runBench({ mode: "quick", projectDir: PROJECT_DIR, only: ["npm-ci", "npm-test"] });
    assert.deepEqual(
      figures.map((figure) => [figure.id, figure.skipped]),
      [
        ["npm.ci", "skipped (quick)"],
        ["npm.test", "skipped (quick)"],
      ],
    );
  });

  it("smoke: runs the quick inventory bench against the loopback endpoint, within the call budget", async function () {
    this.timeout(180_000);
    const progress: string[] = [];
    const figures = await runBench({
      mode: "quick",
      projectDir: PROJECT_DIR,
      only: ["inventory"],
      onProgress: (message) => progress.push(message),
    });
    const calls = figures.filter((figure) => figure.id.startsWith("inventory.calls."));
    assert.equal(calls.length, 4);
    for (const figure of calls)
      assert.equal(verdictOf(figure), "pass", `${figure.measurement}: ${figure.value}`);
    const retries = figures.find((figure) => figure.id === "inventory.retries.10000.20pct");
    assert.ok((retries?.value ?? 0) > 0, "the throttled run retried nothing");
    assert.ok(figures.every((figure) => figure.error === undefined));
    assert.match(
      formatTable(figures),
      /inventory, 10,000 accounts \/ 200 OUs, 20% throttled: successful calls\s+\d+\s+≤ 909/,
    );
    assert.equal(progress[0], "[1/1] inventory through the loopback endpoint");
  });
});

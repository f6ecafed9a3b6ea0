import assert from "node:assert/strict";
import { inventoryFigures, type InventoryRunSummary } from "../../../tools/bench/inventory";

const SHAPE = { accounts: 1_000, ous: 50 };

function summary(throttleRate: number, samplesMs: number[], retries: number): InventoryRunSummary {
  return {
    shape: SHAPE,
    throttleRate,
    samplesMs,
    last: { calls: 129, budget: 157, retries, ms: samplesMs[0], accounts: SHAPE.accounts, ous: SHAPE.ous },
  };
}

describe("inventoryFigures", () => {
  const figures = inventoryFigures([summary(0, [100, 120, 110], 0), summary(0.2, [150, 165, 160], 37)], 0);
  const ids = figures.map((figure) => figure.id);

  it("holds the successful calls to the call budget", () => {
    const calls = figures.find((figure) => figure.id === "inventory.calls.1000.20pct");
    assert.equal(calls?.value, 129);
    assert.deepEqual(calls?.target, { comparison: "<=", limit: 157, label: "call budget" });
  });

  it("divides the throttled time by the unthrottled time of the same organization", () => {
    const ratio = figures.find((figure) => figure.id === "inventory.ratio.1000.20pct-vs-0pct");
    assert.equal(ratio?.value, 160 / 110);
    assert.ok(!ids.includes("inventory.ratio.1000.0pct-vs-0pct"));
  });

  it("lists calls, retries and time for every organization and throttling rate", () => {
    assert.deepEqual(ids, [
      "inventory.calls.1000.0pct",
      "inventory.retries.1000.0pct",
      "inventory.ms.1000.0pct",
      "inventory.calls.1000.20pct",
      "inventory.retries.1000.20pct",
      "inventory.ms.1000.20pct",
      "inventory.ratio.1000.20pct-vs-0pct",
    ]);
  });
});

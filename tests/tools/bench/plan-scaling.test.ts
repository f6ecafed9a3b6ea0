import assert from "node:assert/strict";
import type { PlanChildResult } from "../../../tools/bench/plan-child";
import { PLAN_SCALING_TARGET, planFigures } from "../../../tools/bench/plan-scaling";

function childResult(samplesMs: number[], resources = 66): PlanChildResult {
  return { resources, firstMs: 900, samplesMs, maxRssMiB: 250 };
}

describe("planFigures", () => {
  const figures = planFigures([
    { accounts: 10, result: childResult([300, 310, 290]) },
    { accounts: 1_000, result: childResult([320, 330, 310]) },
    { accounts: 10_000, result: childResult([390, 400, 410], 67) },
  ]);
  const byId = (id: string) => {
    const figure = figures.find((candidate) => candidate.id === id);
    assert.ok(figure, `no figure ${id}`);
    return figure;
  };

  it("divides every size's median plan time by the smallest size's", () => {
    assert.equal(byId("plan.ratio.1000-vs-10").value, 320 / 300);
    assert.equal(byId("plan.ratio.10000-vs-10").value, 400 / 300);
    assert.equal(figures.filter((figure) => figure.id.startsWith("plan.ratio.10-")).length, 0);
  });

  it("holds only the largest size to the scaling target", () => {
    assert.deepEqual(byId("plan.ratio.10000-vs-10").target, { comparison: "<=", limit: PLAN_SCALING_TARGET });
    assert.equal(byId("plan.ratio.1000-vs-10").target, undefined);
  });

  it("expects every size to plan as many resources as the smallest", () => {
    assert.deepEqual(byId("plan.resources.10000").target, { comparison: "=", limit: 66, label: "as for 10" });
    assert.equal(byId("plan.resources.10000").value, 67);
  });

  it("reports the median wall time with its samples, the first plan and the peak memory", () => {
    const time = byId("plan.ms.1000");
    assert.equal(time.value, 320);
    assert.deepEqual(time.samples, [320, 330, 310]);
    assert.match(time.detail ?? "", /first plan in the process 900 ms/);
    assert.equal(byId("plan.rss.10").value, 250);
  });
});

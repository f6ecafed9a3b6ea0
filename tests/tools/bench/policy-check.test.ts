import assert from "node:assert/strict";
import {
  POLICY_STARTUP_TARGET_MS,
  PROTOCOL_OVERHEAD_TARGET,
  policyFigures,
  type SizeSummary,
} from "../../../tools/bench/policy-check";

function size(
  resources: number,
  protocolMs: number[],
  inProcessMs: number[],
  findings = [2, 2],
): SizeSummary {
  return {
    resources,
    protocolMs,
    inProcessMs,
    protocolViolations: findings[0],
    inProcessViolations: findings[1],
  };
}

describe("policyFigures", () => {
  const figures = policyFigures(
    [700, 650, 800],
    [size(100, [60, 50, 55], [20, 25, 21]), size(1_000, [400], [100], [30, 29]), size(10, [9], [3], [1, 1])],
    { resources: 1_000, ms: [300, 310, 290] },
  );
  const byId = (id: string) => {
    const figure = figures.find((candidate) => candidate.id === id);
    assert.ok(figure, `no figure ${id}`);
    return figure;
  };

  it("holds the median start-up to its target", () => {
    assert.equal(byId("policy.startup").value, 700);
    assert.deepEqual(byId("policy.startup").target, { comparison: "<", limit: POLICY_STARTUP_TARGET_MS });
  });

  it("gives per-resource costs in microseconds and the gRPC / in-process ratio", () => {
    assert.equal(byId("policy.grpc-per-resource.100").value, 550);
    assert.equal(byId("policy.in-process-per-resource.100").value, 210);
    assert.equal(byId("policy.ratio.100").value, 55 / 21);
    assert.deepEqual(byId("policy.ratio.1000").target, { comparison: "<=", limit: PROTOCOL_OVERHEAD_TARGET });
    assert.equal(byId("policy.no-op-pack-per-resource.1000").value, 300);
  });

  it("says when the pack over gRPC and the in-process policies disagree on the findings", () => {
    assert.equal(byId("policy.grpc-per-resource.100").detail, "(2 findings)");
    assert.equal(byId("policy.grpc-per-resource.10").detail, "(1 finding)");
    assert.equal(
      byId("policy.grpc-per-resource.1000").detail,
      "(findings differ: 30 over gRPC, 29 in-process)",
    );
  });
});

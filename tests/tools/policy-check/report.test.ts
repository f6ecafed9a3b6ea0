import assert from "node:assert/strict";
import {
  formatReport,
  hasMandatoryViolation,
  type PolicyReport,
  type PolicyViolation,
} from "../../../tools/policy-check/report";
import { TRAIL_TYPE, urnOf } from "./deployment-builders";

function violation(policyName: string, overrides: Partial<PolicyViolation> = {}): PolicyViolation {
  return {
    policyName,
    enforcementLevel: "mandatory",
    message: `${policyName} is required.\nthe trail breaks it`,
    urn: urnOf(TRAIL_TYPE, "org-trail"),
    resourceType: TRAIL_TYPE,
    ...overrides,
  };
}

function reportWith(violations: PolicyViolation[], resourcesAnalyzed = 12): PolicyReport {
  return {
    pack: {
      name: "org-governance",
      version: "0.1.0",
      policies: [{ name: "multi-region", enforcementLevel: "mandatory", description: "every region" }],
    },
    violations,
    resourcesAnalyzed,
    timings: { startMs: 800, analyzeMs: 20, stackMs: 5 },
  };
}

describe("formatReport", () => {
  it("lists mandatory violations before advisory ones, whatever order they came in", () => {
    const text = formatReport(
      reportWith([violation("tags", { enforcementLevel: "advisory" }), violation("multi-region")]),
    );
    const mandatory = text.indexOf("mandatory (1)");
    const advisory = text.indexOf("advisory (1)");
    assert.ok(mandatory > 0 && advisory > mandatory, text);
    assert.ok(text.indexOf("multi-region") < text.indexOf("  tags"), text);
  });

  it("shows each violation's type, URN, message lines and remediation", () => {
    const text = formatReport(
      reportWith([violation("multi-region", { remediation: "Set isMultiRegionTrail." })]),
    );
    assert.deepEqual(text.split("\n").slice(2, 8), [
      "mandatory (1)",
      `  multi-region (${TRAIL_TYPE})`,
      `    ${urnOf(TRAIL_TYPE, "org-trail")}`,
      "    multi-region is required.",
      "    the trail breaks it",
      "    remediation: Set isMultiRegionTrail.",
    ]);
  });

  it("files a violation without a URN under the whole stack", () => {
    const text = formatReport(
      reportWith([violation("bucket-lock", { urn: undefined, resourceType: undefined })]),
    );
    assert.match(text, /\n {2}bucket-lock\n {4}\(whole stack\)\n/);
  });

  it("ends with the verdict and the counts", () => {
    const failed = formatReport(
      reportWith([violation("a"), violation("b"), violation("c", { enforcementLevel: "advisory" })], 7),
    );
    assert.equal(
      failed.split("\n").at(-1),
      "Policy check failed: 2 mandatory, 1 advisory violations in 7 resources",
    );
    const passed = formatReport(reportWith([], 1));
    assert.equal(
      passed.split("\n").at(-1),
      "Policy check passed: 0 mandatory, 0 advisory violations in 1 resource",
    );
  });

  it("names the pack, its version and what was analyzed first", () => {
    assert.equal(
      formatReport(reportWith([])).split("\n")[0],
      "Policy pack org-governance 0.1.0: 1 policy, 12 resources analyzed",
    );
  });
});

describe("hasMandatoryViolation", () => {
  it("is true only when a mandatory violation is present", () => {
    assert.equal(
      hasMandatoryViolation(reportWith([violation("a", { enforcementLevel: "advisory" })])),
      false,
    );
    assert.equal(hasMandatoryViolation(reportWith([violation("a")])), true);
  });
});

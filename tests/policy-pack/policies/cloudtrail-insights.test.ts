import assert from "node:assert/strict";
import { checkInsights } from "../../../policy-pack/policies/cloudtrail-insights";
import { UNKNOWN, compliantTrail, otherResource, reasonOf } from "../fixtures";

const BOTH = {
  insightTypes: ["ApiCallRateInsight", "ApiErrorRateInsight"] as (
    "ApiCallRateInsight" | "ApiErrorRateInsight"
  )[],
};

describe("cloudtrail-insights", () => {
  it("passes a trail with both insight types", () => {
    assert.equal(checkInsights(compliantTrail(), BOTH).status, "compliant");
  });

  it("fails a trail without Insights", () => {
    const result = checkInsights(compliantTrail({ insightSelectors: undefined }), BOTH);
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /lacks ApiCallRateInsight and ApiErrorRateInsight/);
  });

  it("fails a trail missing a configured type, and passes it once the config asks for less", () => {
    const trail = compliantTrail({ insightSelectors: [{ insightType: "ApiCallRateInsight" }] });
    assert.match(reasonOf(checkInsights(trail, BOTH)), /lacks ApiErrorRateInsight/);
    assert.equal(checkInsights(trail, { insightTypes: ["ApiCallRateInsight"] }).status, "compliant");
  });

  it("does not apply to other resource types", () => {
    assert.equal(checkInsights(otherResource(), BOTH).status, "not-applicable");
  });

  it("cannot judge unknown selectors", () => {
    assert.equal(
      checkInsights(compliantTrail({ insightSelectors: [{ insightType: UNKNOWN }] }), BOTH).status,
      "unknown",
    );
  });
});

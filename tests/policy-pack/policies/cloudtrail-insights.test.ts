import assert from "node:assert/strict";
import { checkInsights, cloudtrailInsights } from "../../../policy-pack/policies/cloudtrail-insights";
import { runPolicy } from "../../support/reliability/policy-runs";
import { UNKNOWN, compliantStack, compliantTrail, otherResource, reasonOf, withProps } from "../fixtures";

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

  it("asks for the first missing type, and for the others only when more are missing", () => {
    const none = checkInsights(compliantTrail({ insightSelectors: [] }), BOTH);
    assert.match(reasonOf(none), /; add \{ insightType: "ApiCallRateInsight" \} and the others$/);
    const one = checkInsights(
      compliantTrail({ insightSelectors: [{ insightType: "ApiCallRateInsight" }] }),
      BOTH,
    );
    assert.match(reasonOf(one), /; add \{ insightType: "ApiErrorRateInsight" \}$/);
  });

  it("skips a null entry in the selector list", () => {
    const insightSelectors = [
      null,
      { insightType: "ApiCallRateInsight" },
      { insightType: "ApiErrorRateInsight" },
    ];
    assert.equal(checkInsights(compliantTrail({ insightSelectors }), BOTH).status, "compliant");
  });

  it("names the property it cannot judge during preview", () => {
    const result = checkInsights(compliantTrail({ insightSelectors: UNKNOWN }), BOTH);
    assert.match(reasonOf(result), /^`insightSelectors` is not known during preview/);
  });

  it("requires both insight types when the policy is not configured", () => {
    const stack = withProps(compliantStack(), "org-trail", { insightSelectors: [] });
    const { violations } = runPolicy(cloudtrailInsights, stack);
    assert.equal(violations.length, 1);
    assert.match(violations[0].message, /lacks ApiCallRateInsight and ApiErrorRateInsight/);
  });

  it("accepts a config listing both types and refuses an empty list", () => {
    assert.deepEqual(runPolicy(cloudtrailInsights, compliantStack(), BOTH).violations, []);
    assert.throws(
      () => runPolicy(cloudtrailInsights, compliantStack(), { insightTypes: [] }),
      /insightTypes/,
    );
  });
});

import assert from "node:assert/strict";
import { plan, prodPlan, stackConfig } from "./support/plan";
import { ProviderTypes } from "./support/provider-types";
import type { PlanResult } from "../tools/plan/run-plan";

// "No loose types": every input the program hands the provider is a property of the provider's own
// declarations (@pulumi/aws's <Name>Args interfaces and types/input.d.ts), nested objects included.
describe("resource inputs against the provider's declarations", function () {
  let types: ProviderTypes;
  let plans: PlanResult[];

  before(async () => {
    plans = [
      await prodPlan(),
      await plan(stackConfig({ trail: { dataEvents: { s3: "All", lambda: true, dynamodb: true } } })),
    ];
    types = new ProviderTypes([...new Set(plans.flatMap((p) => p.resources.map((r) => r.type)))]);
  });

  it("carry no property the provider does not know, in any planned resource", () => {
    for (const result of plans) {
      assert.deepEqual(
        result.resources.flatMap((resource) => types.unknownProperties(resource)),
        [],
      );
    }
  });

  it("catch a misspelt nested property, such as the singular notStartsWith", () => {
    const trail = plans[0].resources.find((r) => r.type === "aws:cloudtrail/trail:Trail")!;
    const selectors = trail.inputs.advancedEventSelectors as { fieldSelectors: Record<string, unknown>[] }[];
    const misspelt = {
      ...trail,
      inputs: {
        ...trail.inputs,
        advancedEventSelectors: [
          {
            ...selectors[0],
            fieldSelectors: [{ field: "resources.ARN", notStartsWith: ["arn:aws:s3:::b/"] }],
          },
        ],
        s3BucketNme: "x",
      },
    };
    assert.deepEqual(types.unknownProperties(misspelt), [
      "organization-trail-cloudtrail.advancedEventSelectors[0].fieldSelectors[0].notStartsWith: not a property the provider knows",
      "organization-trail-cloudtrail.s3BucketNme: not a property the provider knows",
    ]);
  });
});

import assert from "node:assert/strict";
import type {
  Policies,
  PolicyResource,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from "@pulumi/policy";
import { runPoliciesInProcess } from "../../../tools/bench/in-process-policies";
import type { AnalyzerInputs, StackTarget } from "../../../tools/policy-check/analyzer-resources";

const TRAIL = "aws:cloudtrail/trail:Trail";
const BUCKET = "aws:s3/bucket:Bucket";

function target(
  type: string,
  name: string,
  properties: Record<string, string | boolean>,
  extra: Partial<StackTarget> = {},
): StackTarget {
  return {
    urn: `urn:pulumi:prod::org-governance::${type}::${name}`,
    type,
    name,
    properties,
    options: {
      protect: false,
      ignoreChanges: [],
      additionalSecretOutputs: [],
      aliases: [],
      customTimeouts: { create: 0, update: 0, delete: 0 },
      parent: "",
    },
    parent: "",
    dependencies: [],
    propertyDependencies: {},
    ...extra,
  };
}

/** A bucket and a single-region trail that depends on it. */
function inputs(): AnalyzerInputs {
  const bucket = target(BUCKET, "archive", { bucket: "archive" });
  const trail = target(
    TRAIL,
    "trail",
    { isMultiRegionTrail: false, s3BucketName: "archive" },
    { parent: bucket.urn, dependencies: [bucket.urn], propertyDependencies: { s3BucketName: [bucket.urn] } },
  );
  return { analyze: [bucket, trail], stack: [bucket, trail] };
}

function resourcePolicy(seen: string[]): ResourceValidationPolicy {
  return {
    name: "trail-multi-region",
    description: "trails record every region",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
      seen.push(args.name);
      if (args.type !== TRAIL) args.notApplicable("not a trail");
      if (args.props.isMultiRegionTrail !== true) reportViolation("single region");
    },
  };
}

function stackPolicy(seen: PolicyResource[][]): StackValidationPolicy {
  return {
    name: "trail-bucket",
    description: "the trail's bucket is in the stack",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
      seen.push(args.resources);
      for (const resource of args.resources) {
        if (resource.type === TRAIL && resource.propertyDependencies.s3BucketName?.length !== 1)
          reportViolation("no bucket");
      }
    },
  };
}

describe("runPoliciesInProcess", () => {
  it("calls each resource policy for every resource and counts violations, not-applicable ones aside", async () => {
    const seen: string[] = [];
    const violations = await runPoliciesInProcess(inputs(), [resourcePolicy(seen)] as Policies);
    assert.deepEqual(seen, ["archive", "trail"]);
    assert.equal(violations, 1);
  });

  it("gives stack policies every resource linked to its parent and dependencies, as the SDK does", async () => {
    const seen: PolicyResource[][] = [];
    const violations = await runPoliciesInProcess(inputs(), [stackPolicy(seen)] as Policies);
    assert.equal(violations, 0);
    const [bucket, trail] = seen[0];
    assert.equal(trail.parent, bucket);
    assert.deepEqual(trail.dependencies, [bucket]);
    assert.deepEqual(trail.propertyDependencies.s3BucketName, [bucket]);
  });

  it("lets a policy's own error through", async () => {
    const broken: ResourceValidationPolicy = {
      name: "broken",
      description: "throws",
      enforcementLevel: "advisory",
      validateResource: () => {
        throw new Error("policy bug");
      },
    };
    await assert.rejects(runPoliciesInProcess(inputs(), [broken] as Policies), /policy bug/);
  });
});

import assert from "node:assert/strict";
import { buildAnalyzerInputs, urnName } from "../../../tools/policy-check/analyzer-resources";
import { PolicyCheckInputError } from "../../../tools/policy-check/errors";
import { parseDeployment } from "../../../tools/policy-check/read-deployment";
import { SECRET_SIG, SIG_KEY, UNKNOWN_STRING_VALUE } from "../../../tools/policy-check/wire-properties";
import {
  awsProvider,
  component,
  deploymentOf,
  rootStack,
  trail,
  urnOf,
  type ResourceState,
} from "./deployment-builders";

const inputsOf = (resources: ResourceState[]) =>
  buildAnalyzerInputs(parseDeployment(deploymentOf(resources), "s"));

describe("buildAnalyzerInputs", () => {
  const provider = awsProvider();
  const governance = component("org-governance:index:Governance", "governance");
  const orgTrail = trail("org-trail", provider, {}, governance);

  it("analyzes every resource, the root stack, components and providers included, as the engine does", () => {
    const { analyze, stack } = inputsOf([rootStack(), provider, governance, orgTrail]);
    const types = [
      "pulumi:pulumi:Stack",
      "pulumi:providers:aws",
      "org-governance:index:Governance",
      orgTrail.type,
    ];
    assert.deepEqual(
      analyze.map((target) => target.type),
      types,
    );
    assert.deepEqual(
      stack.map((target) => target.type),
      types,
    );
  });

  it("leaves out resources pending deletion", () => {
    const doomed = { ...trail("old-trail", provider), delete: true };
    const { analyze, stack } = inputsOf([provider, orgTrail, doomed]);
    assert.ok(!analyze.some((target) => target.urn === doomed.urn));
    assert.ok(!stack.some((target) => target.urn === doomed.urn));
  });

  it("gives Analyze the inputs and AnalyzeStack the outputs, without internal keys", () => {
    const { analyze, stack } = inputsOf([provider, orgTrail]);
    assert.equal(analyze[1].properties.arn, undefined);
    assert.equal(analyze[1].properties.__defaults, undefined);
    assert.equal(analyze[1].properties.isMultiRegionTrail, true);
    assert.equal(stack[1].properties.arn, "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail");
  });

  it("gives AnalyzeStack the inputs of a planned resource that has no outputs yet", () => {
    const planned: ResourceState = { ...orgTrail };
    delete planned.outputs;
    const { stack } = inputsOf([provider, planned]);
    assert.equal(stack[1].properties.isMultiRegionTrail, true);
  });

  it("attaches the provider a resource references, with the provider's inputs", () => {
    const { analyze } = inputsOf([provider, orgTrail]);
    assert.deepEqual(analyze[1].provider, {
      urn: provider.urn,
      type: "pulumi:providers:aws",
      name: "default_7_0_0",
      properties: { region: "us-east-1", version: "7.0.0" },
    });
  });

  it("sends no provider when the reference points outside the state", () => {
    const { analyze } = inputsOf([orgTrail]);
    assert.equal(analyze[0].provider, undefined);
  });

  it("carries parent, dependencies, property dependencies and options", () => {
    const dependent: ResourceState = {
      ...orgTrail,
      protect: true,
      dependencies: [governance.urn],
      propertyDependencies: { s3BucketName: [governance.urn] },
      customTimeouts: { create: 600 },
      additionalSecretOutputs: ["arn"],
    };
    const { analyze, stack } = inputsOf([governance, dependent]);
    assert.equal(stack[1].parent, governance.urn);
    assert.deepEqual(stack[1].dependencies, [governance.urn]);
    assert.deepEqual(stack[1].propertyDependencies, { s3BucketName: [governance.urn] });
    assert.deepEqual(analyze[1].options, {
      protect: true,
      ignoreChanges: [],
      additionalSecretOutputs: ["arn"],
      aliases: [],
      customTimeouts: { create: 600, update: 0, delete: 0 },
      parent: governance.urn,
    });
  });

  it("converts secrets in both property bags", () => {
    const secretive: ResourceState = {
      ...orgTrail,
      inputs: { kmsKeyId: { [SIG_KEY]: SECRET_SIG, ciphertext: "v1:abc" } },
      outputs: { kmsKeyId: { [SIG_KEY]: SECRET_SIG, plaintext: '"alias/trail"' } },
    };
    const { analyze, stack } = inputsOf([secretive]);
    assert.equal(analyze[0].properties.kmsKeyId, UNKNOWN_STRING_VALUE);
    assert.deepEqual(stack[0].properties.kmsKeyId, { [SIG_KEY]: SECRET_SIG, value: "alias/trail" });
  });

  it("names the file and the path of a value the engine could not send", () => {
    const odd: ResourceState = { ...orgTrail, outputs: { tags: { owner: { [SIG_KEY]: "ffff" } } } };
    assert.throws(
      () => buildAnalyzerInputs(parseDeployment(deploymentOf([provider, odd]), "plan.json")),
      (error: unknown) => {
        assert.ok(error instanceof PolicyCheckInputError);
        assert.match(
          error.lines[0],
          /^plan\.json: deployment\.resources\[1\]\.outputs\.tags\.owner: unrecognized/,
        );
        return true;
      },
    );
  });
});

describe("urnName", () => {
  it("takes everything after the type, even when the name holds '::'", () => {
    assert.equal(urnName(urnOf("aws:s3/bucket:Bucket", "archive")), "archive");
    assert.equal(urnName(urnOf("aws:s3/bucket:Bucket", "odd::name")), "odd::name");
  });
});

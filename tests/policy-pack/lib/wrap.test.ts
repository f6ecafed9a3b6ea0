import assert from "node:assert/strict";
import type { PolicyResource } from "@pulumi/policy";
import { z } from "zod";
import { policyConfig } from "../../../policy-pack/lib/config";
import type { PolicyMeta } from "../../../policy-pack/lib/metadata";
import { compliant } from "../../../policy-pack/lib/result";
import { resourcePolicy, stackPolicy, toStackResource } from "../../../policy-pack/lib/wrap";

const meta: PolicyMeta = {
  name: "example",
  description: "An example.",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "None.",
  securityHub: [],
  cis: [],
};

describe("policy adapters", () => {
  it("hand the settings' JSON schema to Pulumi, so `pulumi policy` shows and checks them", () => {
    const config = policyConfig(z.strictObject({ days: z.number().default(365) }));
    assert.ok(config.configSchema);
    assert.deepEqual(resourcePolicy(meta, config, () => compliant()).configSchema, config.configSchema);
    assert.deepEqual(stackPolicy(meta, config, () => []).configSchema, config.configSchema);
  });

  it("toStackResource keeps the URNs each property came from and the provider that manages the resource", () => {
    const resource = {
      type: "aws:s3/bucket:Bucket",
      urn: "urn:bucket",
      name: "archive",
      props: { bucket: "archive" },
      propertyDependencies: { bucket: [{ urn: "urn:random" }, { urn: "urn:naming" }] },
      provider: { urn: "urn:provider::log-archive" },
    } as unknown as PolicyResource;
    assert.deepEqual(toStackResource(resource), {
      type: "aws:s3/bucket:Bucket",
      urn: "urn:bucket",
      name: "archive",
      props: { bucket: "archive" },
      propertyDependencies: { bucket: ["urn:random", "urn:naming"] },
      provider: "urn:provider::log-archive",
    });
  });
});

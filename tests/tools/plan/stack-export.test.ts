import assert from "node:assert/strict";
import { toStackExport } from "../../../tools/plan/stack-export";
import { plan, stackConfig } from "../../support/plan";

describe("toStackExport", () => {
  it("writes the pulumi stack export format: version 3, manifest, resources with the standard fields", async () => {
    const exported = toStackExport(await plan(stackConfig()), new Date("2026-11-21T00:00:00Z"));
    assert.equal(exported.version, 3);
    assert.equal(exported.deployment.manifest.time, "2026-11-21T00:00:00.000Z");
    const urns = new Set(exported.deployment.resources.map((r) => r.urn));
    for (const resource of exported.deployment.resources) {
      assert.match(resource.urn, /^urn:pulumi:prod::org-governance::/);
      assert.equal(typeof resource.custom, "boolean");
      assert.ok(Array.isArray(resource.dependencies));
      if (resource.parent) assert.ok(urns.has(resource.parent), `parent of ${resource.urn} is in the export`);
      for (const dependency of resource.dependencies) assert.ok(urns.has(dependency));
      if (resource.custom && !resource.type.startsWith("pulumi:providers:")) {
        assert.ok(resource.provider, `${resource.urn} names its provider`);
        assert.ok(resource.id, `${resource.urn} has an id`);
      }
    }
  });

  it("puts the program's outputs on the root stack resource, as a real export does", async () => {
    const result = await plan(stackConfig());
    const stack = toStackExport(result).deployment.resources.find((r) => r.type === "pulumi:pulumi:Stack");
    assert.equal(stack?.outputs.trailArn, result.outputs.trailArn);
  });

  it("is reproducible: two plans of the same stack export the same resources", async () => {
    const { runPlan } = await import("../../../tools/plan/run-plan");
    const { PROJECT_DIR } = await import("../../support/plan");
    const time = new Date(0);
    const a = toStackExport(await runPlan({ projectDir: PROJECT_DIR, config: stackConfig() }), time);
    const b = toStackExport(await runPlan({ projectDir: PROJECT_DIR, config: stackConfig() }), time);
    const sorted = (e: typeof a) =>
      JSON.stringify([...e.deployment.resources].sort((x, y) => x.urn.localeCompare(y.urn)));
    assert.equal(sorted(a), sorted(b));
  });
});

import assert from "node:assert/strict";
import { parseSnapshot } from "../../../../lib/organization/snapshot";
import { generateOrganization, runInventory } from "../../../support/organizations-endpoint";

describe("roots' enabled policy types", () => {
  it("are read from ListRoots' PolicyTypes into the snapshot ('ListRoots', AWS Organizations API Reference)", async () => {
    const organization = generateOrganization({ accounts: 3, ous: 1, depth: 1, seed: 7 });
    const policyTypes = [
      { type: "SERVICE_CONTROL_POLICY", status: "ENABLED" as const },
      { type: "RESOURCE_CONTROL_POLICY", status: "PENDING_ENABLE" as const },
    ];
    organization.roots[0] = { ...organization.roots[0], policyTypes };
    const run = await runInventory(organization);
    assert.ok(run.snapshot, String(run.error));
    assert.deepEqual(run.snapshot.roots[0].policyTypes, policyTypes);
  });

  it("are optional: a snapshot written before they were recorded still reads", () => {
    const organization = generateOrganization({ accounts: 2, ous: 0, depth: 0, seed: 8 });
    const old = { ...organization, roots: organization.roots.map(({ id, name }) => ({ id, name })) };
    assert.equal(parseSnapshot(old, "old.json").roots[0].policyTypes, undefined);
  });

  it("refuse an unknown status, naming where it is", () => {
    const organization = generateOrganization({ accounts: 2, ous: 0, depth: 0, seed: 9 });
    const bad = {
      ...organization,
      roots: [{ ...organization.roots[0], policyTypes: [{ type: "X", status: "ON" }] }],
    };
    assert.throws(() => parseSnapshot(bad, "bad.json"), /bad\.json: roots\[0\]\.policyTypes\[0\]\.status/);
  });
});

import assert from "node:assert/strict";
import { parseSnapshot, type OrganizationSnapshot } from "../../../lib/organization/snapshot";
import { CLOUDTRAIL_SERVICE_PRINCIPAL } from "../../../lib/organization/inventory/summary";
import { generateOrganization } from "./generate";

function deepestLevel(snapshot: OrganizationSnapshot): number {
  const parentOf = new Map(snapshot.organizationalUnits.map((ou) => [ou.id, ou.parentId]));
  let deepest = 0;
  for (const ou of snapshot.organizationalUnits) {
    let level = 1;
    for (let parent = ou.parentId; parentOf.has(parent); parent = parentOf.get(parent) as string) level++;
    deepest = Math.max(deepest, level);
  }
  return deepest;
}

describe("generateOrganization", () => {
  it("builds the same organization from the same seed, and another from another seed", () => {
    const options = { accounts: 120, ous: 9, depth: 3, seed: 42 };
    assert.deepEqual(generateOrganization(options), generateOrganization(options));
    const other = generateOrganization({ ...options, seed: 43 });
    assert.notDeepEqual(
      other.accounts.map((a) => a.id),
      generateOrganization(options).accounts.map((a) => a.id),
    );
  });

  it("produces a valid snapshot of exactly the requested size, depth and states", () => {
    const org = generateOrganization({ accounts: 500, ous: 40, depth: 5, seed: 3, suspended: 7, closed: 2 });
    assert.doesNotThrow(() => parseSnapshot(org, "generated"));
    assert.equal(org.accounts.length, 500);
    assert.equal(org.organizationalUnits.length, 40);
    assert.equal(deepestLevel(org), 5);
    assert.equal(org.accounts.filter((a) => a.state === "SUSPENDED").length, 7);
    assert.equal(org.accounts.filter((a) => a.state === "CLOSED").length, 2);
  });

  it("puts the management account in the root and names a CloudTrail delegated administrator", () => {
    const org = generateOrganization({ accounts: 30, ous: 3, depth: 2, seed: 5 });
    const management = org.accounts.find((a) => a.id === org.organization.managementAccountId);
    assert.equal(management?.parentId, org.roots[0].id);
    assert.equal(management?.state, "ACTIVE");
    const [delegated] = org.delegatedAdministrators ?? [];
    assert.equal(delegated.servicePrincipal, CLOUDTRAIL_SERVICE_PRINCIPAL);
    assert.ok(org.accounts.some((a) => a.id === delegated.accountId));
    assert.ok(org.trustedServices?.includes(CLOUDTRAIL_SERVICE_PRINCIPAL));
  });

  it("gives some accounts more tags than one page holds", () => {
    const org = generateOrganization({ accounts: 10, ous: 1, depth: 1, seed: 1 });
    assert.ok(org.accounts.some((a) => Object.keys(a.tags ?? {}).length > 20));
  });

  it("refuses impossible shapes with a one-line reason", () => {
    assert.throws(
      () => generateOrganization({ accounts: 0, ous: 0, depth: 0, seed: 1 }),
      /accounts must be >= 1/,
    );
    assert.throws(
      () => generateOrganization({ accounts: 5, ous: 2, depth: 0, seed: 1 }),
      /2 OUs need depth >= 1/,
    );
    assert.throws(
      () => generateOrganization({ accounts: 3, ous: 0, depth: 0, seed: 1, suspended: 3 }),
      /3 suspended\/closed accounts do not fit in 2 member accounts/,
    );
    assert.throws(
      () => generateOrganization({ accounts: 1.5, ous: 0, depth: 0, seed: 1 }),
      /accounts must be a whole/,
    );
  });
});

import assert from "node:assert/strict";
import { LOG_ARCHIVE_ACCOUNT_NAME, benchOrganization } from "../../../tools/bench/bench-organization";
import { parseSnapshot } from "../../../lib/organization/snapshot";

describe("benchOrganization", () => {
  it("is a valid snapshot of the requested size with one active log archive account", () => {
    const organization = parseSnapshot(benchOrganization(1_000), "bench");
    assert.equal(organization.accounts.length, 1_000);
    const archives = organization.accounts.filter((account) => account.name === LOG_ARCHIVE_ACCOUNT_NAME);
    assert.equal(archives.length, 1);
    assert.equal(archives[0].state, "ACTIVE");
    assert.notEqual(archives[0].id, organization.organization.managementAccountId);
  });

  it("grows the OUs with the accounts up to 200, and names no delegated administrator", () => {
    assert.equal(benchOrganization(10).organizationalUnits.length, 2);
    assert.equal(benchOrganization(1_000).organizationalUnits.length, 20);
    assert.equal(benchOrganization(10_000).organizationalUnits.length, 200);
    assert.deepEqual(benchOrganization(10).delegatedAdministrators, []);
  });

  it("is the same organization every time", () => {
    assert.deepEqual(benchOrganization(50), benchOrganization(50));
  });

  it("needs room for a management and a log archive account", () => {
    assert.throws(() => benchOrganization(1), /accounts must be a whole number >= 2 .*got 1/);
  });
});

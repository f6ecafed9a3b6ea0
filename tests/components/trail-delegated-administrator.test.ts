import assert from "node:assert/strict";
import { ofType, named, plan, stackConfig } from "../support/plan";

const REGISTRATION = "aws:cloudtrail/organizationDelegatedAdminAccount:OrganizationDelegatedAdminAccount";

describe("TrailDelegatedAdministrator", () => {
  it("registers the named account with CloudTrail, from the management account", async () => {
    const result = await plan(stackConfig({ trail: { delegatedAdministrator: "Audit" } }));
    const registration = named(result, "trail-delegated-administrator-registration");
    assert.equal(registration.inputs.accountId, "333344445555");
    assert.ok(registration.provider?.startsWith(named(result, "management-account").urn));
    assert.equal(result.outputs.trailDelegatedAdministratorAccountId, "333344445555");
  });

  it("never also registers it with AWS Organizations, which would fail the second registration", async () => {
    const result = await plan(stackConfig({ trail: { delegatedAdministrator: "Audit" } }));
    assert.deepEqual(ofType(result, "aws:organizations/delegatedAdministrator:DelegatedAdministrator"), []);
  });

  it("registers nothing by default", async () => {
    assert.deepEqual(ofType(await plan(stackConfig()), REGISTRATION), []);
  });
});

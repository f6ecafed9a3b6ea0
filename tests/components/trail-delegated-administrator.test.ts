import assert from "node:assert/strict";
import { PlanFailedError, runPlan } from "../../tools/plan/run-plan";
import { ofType, named, plan, PROJECT_DIR, stackConfig } from "../support/plan";

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

  it("is checked with the guardrails before any resource, and both are reported together", async () => {
    const attempt = runPlan({
      projectDir: PROJECT_DIR,
      config: stackConfig({
        trail: { delegatedAdministrator: "Management" },
        guardrails: { targets: ["Nowhere"] },
      }),
    });
    await assert.rejects(attempt, (error: PlanFailedError) => {
      assert.equal(error.isUserError, true);
      assert.deepEqual(
        error.registered.filter((r) => r.custom),
        [],
      );
      const lines = error.message.split("\n");
      assert.equal(lines.length, 2, error.message);
      assert.match(lines[0], /^org-governance:guardrails\.targets\[0\]: no root or OU/);
      assert.match(
        lines[1],
        /^org-governance:trail\.delegatedAdministrator: "Management" is the management account/,
      );
      return true;
    });
  });
});

import assert from "node:assert/strict";
import { configProblemsOf } from "../../support/config-problems";
import { CLOUDTRAIL_SERVICE_PRINCIPAL } from "../../../lib/organization/inventory/summary";
import { AccountReferenceError } from "../../../lib/organization/resolve";
import type { OrganizationSnapshot } from "../../../lib/organization/snapshot";
import { planDelegatedAdministrator } from "../../../lib/trail/delegated-administrator";
import { buildSnapshot, memberId } from "../../support/snapshot-builder";

const KEY = "org-governance:trail.delegatedAdministrator";

/** Log Archive, Audit and three more members; CloudTrail trusted, with the given delegated administrators. */
function organization(delegated: string[] = [], trusted = true): OrganizationSnapshot {
  return {
    ...buildSnapshot({ name: "Log Archive" }, { name: "Audit" }, { name: "A" }, { name: "B" }, { name: "C" }),
    trustedServices: trusted ? [CLOUDTRAIL_SERVICE_PRINCIPAL] : [],
    delegatedAdministrators: delegated.map((accountId) => ({
      servicePrincipal: CLOUDTRAIL_SERVICE_PRINCIPAL,
      accountId,
    })),
  };
}

describe("planDelegatedAdministrator", () => {
  it("resolves the account by name, id or e-mail", () => {
    for (const reference of ["Audit", memberId(2), "audit@example.com"]) {
      assert.equal(planDelegatedAdministrator(organization(), reference, KEY).id, memberId(2), reference);
    }
  });

  it("refuses the management account, as CloudTrail does", () => {
    assert.throws(() => planDelegatedAdministrator(organization(), "Management", KEY), AccountReferenceError);
  });

  it("needs CloudTrail's trusted access ('Enable trusted access with AWS Organizations', CloudTrail User Guide)", () => {
    const [line] = configProblemsOf(() => planDelegatedAdministrator(organization([], false), "Audit", KEY));
    assert.match(
      line,
      /^org-governance:trail\.delegatedAdministrator: CloudTrail's trusted access is not enabled in o-test123456/,
    );
    assert.match(
      line,
      /aws organizations enable-aws-service-access --service-principal cloudtrail\.amazonaws\.com/,
    );
  });

  it("refuses a fourth delegated administrator ('Add a CloudTrail delegated administrator': at most three)", () => {
    const three = [memberId(3), memberId(4), memberId(5)];
    assert.deepEqual(
      configProblemsOf(() => planDelegatedAdministrator(organization(three), "Audit", KEY)),
      [
        `${KEY}: CloudTrail already has 3 delegated administrators (${three.join(", ")}) and accepts 3; deregister one, or name one of them`,
      ],
    );
  });

  it("registers a third delegated administrator beside two ('Add a CloudTrail delegated administrator': up to three)", () => {
    const two = [memberId(3), memberId(4)];
    assert.equal(planDelegatedAdministrator(organization(two), "Audit", KEY).id, memberId(2));
  });

  it("does not count the delegated administrators of other services against CloudTrail's three", () => {
    const snapshot = organization([memberId(3), memberId(4)]);
    snapshot.delegatedAdministrators!.push({
      servicePrincipal: "guardduty.amazonaws.com",
      accountId: memberId(5),
    });
    assert.equal(planDelegatedAdministrator(snapshot, "Audit", KEY).id, memberId(2));
  });

  it("counts an account already registered (by an earlier run) once", () => {
    const registered = [memberId(2), memberId(3), memberId(4)];
    assert.equal(planDelegatedAdministrator(organization(registered), "Audit", KEY).id, memberId(2));
  });
});

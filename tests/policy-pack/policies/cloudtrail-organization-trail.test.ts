import assert from "node:assert/strict";
import {
  checkOrganizationTrail,
  cloudtrailOrganizationTrail,
} from "../../../policy-pack/policies/cloudtrail-organization-trail";
import { runPolicy } from "../../support/reliability/policy-runs";
import { UNKNOWN, compliantStack, compliantTrail, otherResource, reasonOf, withProps } from "../fixtures";

const REQUIRED = { required: true };

describe("cloudtrail-organization-trail", () => {
  it("passes an organization trail", () => {
    assert.equal(checkOrganizationTrail(compliantTrail(), REQUIRED).status, "compliant");
  });

  it("fails an account trail", () => {
    const result = checkOrganizationTrail(compliantTrail({ isOrganizationTrail: false }), REQUIRED);
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /member accounts .* go unrecorded/);
  });

  it("fails a trail that leaves the setting to the AWS default", () => {
    assert.equal(
      checkOrganizationTrail(compliantTrail({ isOrganizationTrail: undefined }), REQUIRED).status,
      "non-compliant",
    );
  });

  it("does not apply when a member-account stack sets required: false", () => {
    const result = checkOrganizationTrail(compliantTrail({ isOrganizationTrail: false }), {
      required: false,
    });
    assert.equal(result.status, "not-applicable");
    assert.match(reasonOf(result), /required: false/);
  });

  it("does not apply to other resource types", () => {
    assert.equal(checkOrganizationTrail(otherResource(), REQUIRED).status, "not-applicable");
  });

  it("cannot judge an unknown value", () => {
    assert.equal(
      checkOrganizationTrail(compliantTrail({ isOrganizationTrail: UNKNOWN }), REQUIRED).status,
      "unknown",
    );
  });

  it("requires an organization trail when the policy is not configured", () => {
    const stack = withProps(compliantStack(), "org-trail", { isOrganizationTrail: false });
    assert.equal(runPolicy(cloudtrailOrganizationTrail, stack).violations.length, 1);
  });
});

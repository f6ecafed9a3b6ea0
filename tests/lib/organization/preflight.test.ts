import assert from "node:assert/strict";
import { summarizeOrganization } from "../../../lib/organization/inventory";
import {
  assertTrailCanBeCreated,
  PreflightError,
  preflightWarnings,
} from "../../../lib/organization/preflight";
import { buildSnapshot } from "../../support/snapshot-builder";

describe("preflightWarnings", () => {
  it("says nothing when CloudTrail has trusted access and no delegated administrator", () => {
    const snapshot = {
      ...buildSnapshot(),
      trustedServices: ["cloudtrail.amazonaws.com"],
      delegatedAdministrators: [],
    };
    assert.deepEqual(preflightWarnings(summarizeOrganization(snapshot)), []);
  });

  it("warns, with the command that fixes it, when trusted access is off", () => {
    const [warning] = preflightWarnings(summarizeOrganization({ ...buildSnapshot(), trustedServices: [] }));
    assert.match(warning, /trusted access is not enabled/);
    assert.match(warning, /enable-aws-service-access --service-principal cloudtrail\.amazonaws\.com/);
  });

  it("warns when a delegated administrator of CloudTrail may already run an organization trail", () => {
    const snapshot = {
      ...buildSnapshot(),
      trustedServices: ["cloudtrail.amazonaws.com"],
      delegatedAdministrators: [{ servicePrincipal: "cloudtrail.amazonaws.com", accountId: "333344445555" }],
    };
    const warnings = preflightWarnings(summarizeOrganization(snapshot));
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /delegated administrators \(333344445555\)/);
  });
});

// "Prepare for creating a trail for your organization" (CloudTrail user guide): creating an organization
// trail requires trusted access for CloudTrail in AWS Organizations.
describe("assertTrailCanBeCreated", () => {
  const withTrusted = (trustedServices?: string[]) => ({ ...buildSnapshot(), trustedServices });

  it("stops, in one line with the exact command, when the trail would be created without trusted access", () => {
    assert.throws(
      () => assertTrailCanBeCreated(withTrusted(["sso.amazonaws.com"]), true),
      (error: Error) => {
        assert.ok(error instanceof PreflightError);
        assert.match(
          error.message,
          /`aws organizations enable-aws-service-access --service-principal cloudtrail\.amazonaws\.com`/,
        );
        assert.doesNotMatch(error.message, /\n/);
        return true;
      },
    );
  });

  it("goes on with trusted access, without creating a trail, or when the snapshot does not say", () => {
    assertTrailCanBeCreated(withTrusted(["cloudtrail.amazonaws.com"]), true);
    assertTrailCanBeCreated(withTrusted([]), false);
    assertTrailCanBeCreated(withTrusted(undefined), true);
  });
});

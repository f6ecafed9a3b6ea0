import assert from "node:assert/strict";
import { checkGlobalServiceEvents } from "../../../policy-pack/policies/cloudtrail-global-service-events";
import { UNKNOWN, compliantTrail, otherResource, reasonOf } from "../fixtures";

describe("cloudtrail-global-service-events", () => {
  it("passes a trail that includes global service events", () => {
    assert.equal(checkGlobalServiceEvents(compliantTrail()).status, "compliant");
  });

  it("passes a trail that leaves the setting to the AWS default (included)", () => {
    assert.equal(
      checkGlobalServiceEvents(compliantTrail({ includeGlobalServiceEvents: undefined })).status,
      "compliant",
    );
  });

  it("fails a trail that excludes them", () => {
    const result = checkGlobalServiceEvents(compliantTrail({ includeGlobalServiceEvents: false }));
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /IAM and STS activity goes unrecorded/);
  });

  it("fails a setting of the wrong type rather than guessing", () => {
    const result = checkGlobalServiceEvents(compliantTrail({ includeGlobalServiceEvents: "yes" }));
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /is "yes"/);
  });

  it("does not apply to other resource types", () => {
    assert.equal(checkGlobalServiceEvents(otherResource()).status, "not-applicable");
  });

  it("cannot judge an unknown value", () => {
    assert.equal(
      checkGlobalServiceEvents(compliantTrail({ includeGlobalServiceEvents: UNKNOWN })).status,
      "unknown",
    );
  });
});

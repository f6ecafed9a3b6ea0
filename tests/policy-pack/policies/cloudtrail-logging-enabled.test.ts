import assert from "node:assert/strict";
import { checkLoggingEnabled } from "../../../policy-pack/policies/cloudtrail-logging-enabled";
import { UNKNOWN, compliantTrail, otherResource, reasonOf } from "../fixtures";

describe("cloudtrail-logging-enabled", () => {
  it("passes a logging trail, explicit or by default", () => {
    assert.equal(checkLoggingEnabled(compliantTrail()).status, "compliant");
    assert.equal(checkLoggingEnabled(compliantTrail({ enableLogging: undefined })).status, "compliant");
  });

  it("fails a stopped trail", () => {
    const result = checkLoggingEnabled(compliantTrail({ enableLogging: false }));
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /stopped and records nothing; set `enableLogging: true`/);
  });

  it("treats null as the AWS default and any other non-boolean as a failure", () => {
    assert.equal(checkLoggingEnabled(compliantTrail({ enableLogging: null })).status, "compliant");
    assert.equal(checkLoggingEnabled(compliantTrail({ enableLogging: 0 })).status, "non-compliant");
  });

  it("does not apply to other resource types", () => {
    assert.equal(checkLoggingEnabled(otherResource()).status, "not-applicable");
  });

  it("cannot judge an unknown value", () => {
    assert.equal(checkLoggingEnabled(compliantTrail({ enableLogging: UNKNOWN })).status, "unknown");
  });
});

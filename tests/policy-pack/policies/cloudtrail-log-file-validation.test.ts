import assert from "node:assert/strict";
import { checkLogFileValidation } from "../../../policy-pack/policies/cloudtrail-log-file-validation";
import { UNKNOWN, compliantTrail, otherResource, reasonOf } from "../fixtures";

describe("cloudtrail-log-file-validation", () => {
  it("passes a trail with log file validation", () => {
    assert.equal(checkLogFileValidation(compliantTrail()).status, "compliant");
  });

  it("fails a trail with validation off", () => {
    const result = checkLogFileValidation(compliantTrail({ enableLogFileValidation: false }));
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /tampering .* goes unnoticed; set `enableLogFileValidation: true`/);
  });

  it("fails a trail relying on the AWS default (off)", () => {
    assert.equal(
      checkLogFileValidation(compliantTrail({ enableLogFileValidation: undefined })).status,
      "non-compliant",
    );
  });

  it("does not apply to other resource types", () => {
    assert.equal(checkLogFileValidation(otherResource()).status, "not-applicable");
  });

  it("cannot judge an unknown value", () => {
    assert.equal(
      checkLogFileValidation(compliantTrail({ enableLogFileValidation: UNKNOWN })).status,
      "unknown",
    );
  });
});

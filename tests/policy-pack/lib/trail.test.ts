import assert from "node:assert/strict";
import { expectFlag, expectText, onTrail } from "../../../policy-pack/lib/trail";
import { UNKNOWN, compliantTrail, otherResource, reasonOf } from "../fixtures";

describe("trail checks", () => {
  it("onTrail answers not applicable for other resources, naming the type it checks", () => {
    const result = onTrail(otherResource(), () => assert.fail("the check must not run"));
    assert.equal(result.status, "not-applicable");
    assert.match(reasonOf(result), /aws:cloudtrail\/trail:Trail/);
    assert.equal(
      onTrail(compliantTrail(), (props) => ({
        status: props.enableLogging === true ? "compliant" : "unknown",
        reason: "",
      })).status,
      "compliant",
    );
  });

  it("expectFlag names the setting it cannot judge yet, and shows a null setting as not set", () => {
    assert.match(
      reasonOf(expectFlag({ enableLogging: UNKNOWN }, "enableLogging", true, true, "c")),
      /^`enableLogging` is not known/,
    );
    const unset = expectFlag(
      { enableLogFileValidation: null },
      "enableLogFileValidation",
      true,
      false,
      "no digests",
    );
    assert.match(reasonOf(unset), /^`enableLogFileValidation` is not set \(AWS default false\): no digests/);
  });

  it("expectText names the setting it cannot judge yet, and shows a null setting as not set", () => {
    assert.match(
      reasonOf(expectText({ kmsKeyId: UNKNOWN }, "kmsKeyId", "c", "f")),
      /^`kmsKeyId` is not known/,
    );
    assert.match(
      reasonOf(expectText({ kmsKeyId: null }, "kmsKeyId", "unencrypted", "set it")),
      /^`kmsKeyId` is not set: unencrypted; set it$/,
    );
  });
});

import assert from "node:assert/strict";
import {
  CIS_CONTROL_IDS,
  CONTROLS,
  controlById,
  selectControls,
  UnknownControlError,
} from "../../../lib/controls";

describe("selectControls", () => {
  it("returns the 15 CIS controls for 'cis' and every control for 'all'", () => {
    assert.deepEqual(
      selectControls("cis").map((c) => c.id),
      CIS_CONTROL_IDS,
    );
    assert.equal(selectControls("all").length, CONTROLS.length);
    assert.ok(CONTROLS.length > 15);
  });

  it("returns explicit ids once each, in catalog order", () => {
    const picked = selectControls(["vpc-flow-log-deletion", "root-account-usage", "root-account-usage"]);
    assert.deepEqual(
      picked.map((c) => c.id),
      ["root-account-usage", "vpc-flow-log-deletion"],
    );
  });

  it("returns nothing for an empty list", () => {
    assert.deepEqual(selectControls([]), []);
  });

  it("rejects unknown ids with one line naming them and listing the valid ids", () => {
    assert.throws(
      () => selectControls(["root-account-usage", "root-usage", "nope", "nope"]),
      (error: unknown) => {
        assert.ok(error instanceof UnknownControlError);
        assert.deepEqual(error.unknownIds, ["root-usage", "nope"]);
        assert.match(
          error.message,
          /^unknown control ids "root-usage", "nope"; valid ids: unauthorized-api-calls, /,
        );
        assert.ok(error.message.includes("snapshot-or-image-sharing"));
        assert.ok(!error.message.includes("\n"));
        return true;
      },
    );
  });
});

describe("controlById", () => {
  it("finds a control by id and returns undefined for others", () => {
    assert.equal(controlById("root-account-usage")?.securityHub, "CloudWatch.1");
    assert.equal(controlById("Root-Account-Usage"), undefined);
  });
});

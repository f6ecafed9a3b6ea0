import assert from "node:assert/strict";
import { valueAt } from "../../../policy-pack/lib/read";
import { UNKNOWN } from "../fixtures";

describe("valueAt", () => {
  it("reads a nested value, by key and by index", () => {
    assert.equal(valueAt({ rule: [{ days: 365 }] }, ["rule", 0, "days"]), 365);
  });

  it("returns an unknown met on the way, so the rule says 'not known yet' instead of 'not set'", () => {
    assert.equal(valueAt({ rule: UNKNOWN }, ["rule", "defaultRetention", "days"]), UNKNOWN);
  });

  it("answers undefined past a null or a plain value", () => {
    assert.equal(valueAt({ rule: null }, ["rule", "defaultRetention"]), undefined);
    assert.equal(valueAt({ rule: "COMPLIANCE" }, ["rule", "length"]), undefined);
  });
});

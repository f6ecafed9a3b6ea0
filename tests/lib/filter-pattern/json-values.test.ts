import assert from "node:assert/strict";
import {
  NUMBER_TEXT,
  isNonStringText,
  isScalar,
  numericValue,
  scalarText,
} from "../../../lib/filter-pattern/json-values";

describe("filter-pattern json-values", () => {
  it("recognises documented number spellings: signs, decimals, exponents", () => {
    for (const text of ["400", "-50", "+3", "60.5", "1e3", "1e+3", "-2.5E-2"]) {
      assert.ok(NUMBER_TEXT.test(text), text);
    }
    for (const text of ["", ".5", "1.", "0x10", "1e", "Infinity", "1 ", "12a"]) {
      assert.ok(!NUMBER_TEXT.test(text), text);
    }
  });

  it("treats strings, numbers and booleans as scalars, nothing else", () => {
    assert.deepEqual(["a", 1, true, null, undefined, {}, []].map(isScalar), [
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it("gives scalars the text JSON would show", () => {
    assert.equal(scalarText("x"), "x");
    assert.equal(scalarText(1000), "1000");
    assert.equal(scalarText(1e21), "1e+21");
    assert.equal(scalarText(false), "false");
  });

  it("reads numbers from JSON numbers and fully numeric strings only", () => {
    assert.equal(numericValue(7), 7);
    assert.equal(numericValue("1e3"), 1000);
    assert.ok(Number.isNaN(numericValue("7 apples")));
    assert.ok(Number.isNaN(numericValue(true)));
    assert.ok(Number.isNaN(numericValue(null)));
  });

  it("knows which literals a number or boolean could spell", () => {
    assert.deepEqual(["400", "-1.5", "1e+21", "true", "false", "+4", "1e3", "Yes"].map(isNonStringText), [
      true,
      true,
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});

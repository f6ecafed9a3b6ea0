import assert from "node:assert/strict";
import { FilterPatternSyntaxError } from "../../../lib/filter-pattern/errors";
import { parseFilterPattern } from "../../../lib/filter-pattern/parser";

describe("filter-pattern parser", () => {
  it("treats a pattern starting with '{' as JSON and anything else as terms", () => {
    assert.equal(parseFilterPattern("{ $.a = 1 }").kind, "json");
    assert.equal(parseFilterPattern("ERROR").kind, "terms");
    assert.equal(parseFilterPattern("").kind, "terms");
    assert.equal(parseFilterPattern("%x%").kind, "terms");
  });

  it("accepts 1024 characters and rejects more (CloudWatch's limit)", () => {
    assert.doesNotThrow(() => parseFilterPattern("a".repeat(1024)));
    assert.throws(
      () => parseFilterPattern("a".repeat(1025)),
      (error: unknown) =>
        error instanceof FilterPatternSyntaxError &&
        error.column === 1025 &&
        error.message ===
          "column 1025: expected at most 1024 characters (CloudWatch limit), found 1025 characters",
    );
  });

  it("counts the limit in characters, so 1024 astral characters still fit", () => {
    const emoji = `"${"😀".repeat(1022)}"`;
    assert.equal(emoji.length, 2046);
    assert.equal(parseFilterPattern(emoji).kind, "terms");
  });
});

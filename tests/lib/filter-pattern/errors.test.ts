import assert from "node:assert/strict";
import {
  FilterPatternSyntaxError,
  columnAt,
  foundAt,
  quoteFound,
  syntaxErrorAt,
} from "../../../lib/filter-pattern/errors";

describe("filter-pattern errors", () => {
  it("formats one line: column, what was expected, what was found, then the fix", () => {
    const error = new FilterPatternSyntaxError(14, "a value after '='", "')'", "add a value");
    assert.equal(error.message, "column 14: expected a value after '=', found ')'; add a value");
    assert.equal(error.column, 14);
    assert.equal(error.expected, "a value after '='");
    assert.equal(error.name, "FilterPatternSyntaxError");
    assert.ok(error instanceof Error);
  });

  it("leaves out the fix when there is none", () => {
    assert.equal(new FilterPatternSyntaxError(1, "'{'", "'x'").message, "column 1: expected '{', found 'x'");
  });

  it("counts columns from 1 in code points, so an emoji is one column", () => {
    assert.equal(columnAt("abc", 0), 1);
    assert.equal(columnAt("abc", 2), 3);
    assert.equal(columnAt("😀=", 2), 2);
    assert.equal(columnAt("é😀x", 3), 3);
  });

  it("describes the character at an index, or the end of the pattern", () => {
    assert.equal(foundAt("a)", 1), "')'");
    assert.equal(foundAt("a", 1), "end of pattern");
    assert.equal(foundAt("😀", 0), "'😀'");
  });

  it("keeps found text on one line, short, and quoted so a quote stays readable", () => {
    assert.equal(quoteFound("a\nb"), "'a\\nb'");
    assert.equal(quoteFound("'"), `"'"`);
    assert.equal(quoteFound("x".repeat(40)), `'${"x".repeat(21)}...'`);
  });

  it("builds an error at an index with the found text filled in", () => {
    const error = syntaxErrorAt("{ $.a = )", 8, "a value after '='");
    assert.equal(error.message, "column 9: expected a value after '=', found ')'");
  });
});

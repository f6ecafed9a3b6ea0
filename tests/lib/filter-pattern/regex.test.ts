import assert from "node:assert/strict";
import { FilterPatternSyntaxError } from "../../../lib/filter-pattern/errors";
import { compileRegex, translateRegex } from "../../../lib/filter-pattern/regex";

/** Translates the regex of a `%...%` pattern, as the lexers call it. */
function translate(regex: string): string {
  const pattern = `%${regex}%`;
  return translateRegex(pattern, 1, pattern.length - 1);
}

function rejection(regex: string): FilterPatternSyntaxError {
  try {
    translate(regex);
  } catch (error) {
    assert.ok(error instanceof FilterPatternSyntaxError, String(error));
    return error;
  }
  assert.fail(`%${regex}% was accepted`);
}

function finds(regex: string, text: string): boolean {
  return compileRegex(translate(regex)).test(text);
}

describe("filter-pattern regex", () => {
  it("accepts the documented operators and symbols unchanged", () => {
    for (const regex of [
      "AUTHORIZED",
      "^[hc]at",
      "[hc]at$",
      "colou?r",
      "[abcx-z]",
      "a{3,5}",
      "gra|ey",
      "\\[.\\]",
      "10\\.10\\.0\\.1",
      "ab*c",
      "ab+c",
      "\\d\\D\\s\\S\\w\\W",
      "\\x3A",
      "user=@x/y;z,w#1-2_3:4",
      "^shutting down",
    ]) {
      assert.equal(translate(regex), regex);
    }
  });

  it("searches anywhere in the text, case-sensitively", () => {
    assert.equal(finds("AUTHORIZED", "[ERROR 401] UNAUTHORIZED REQUEST"), true);
    assert.equal(finds("authorized", "UNAUTHORIZED"), false);
    assert.equal(finds("^[hc]at", "that"), false);
    assert.equal(finds("\\x28", "f(x)"), true);
  });

  it("rewrites a repetition without minimum, {,n}, to {0,n} for RE2", () => {
    assert.equal(translate("a{,3}"), "a{0,3}");
    assert.equal(finds("^xa{,2}y$", "xy"), true);
    assert.equal(finds("^xa{,2}y$", "xaaay"), false);
    assert.equal(translate("[{,3}]"), "[{,3}]");
    assert.equal(translate("[]{,3}]"), "[]{,3}]");
  });

  it("rejects parentheses, with the \\xhh workaround", () => {
    const error = rejection("a(b)");
    assert.equal(error.column, 3);
    assert.match(error.message, /no parentheses.*\\x28/);
  });

  it("rejects unsupported symbols and multi-byte characters at their column", () => {
    assert.equal(rejection("something!").column, 11);
    assert.equal(rejection("caf\u00e9").column, 5);
    assert.match(rejection('a"b').expected, /letters, digits/);
    assert.match(rejection("caf\u00e9").expected, /ASCII/);
  });

  it("rejects undocumented escapes such as \\n, \\b and back-references", () => {
    for (const regex of ["a\\n", "\\bword", "\\1", "\\x4", "a\\"]) {
      assert.match(rejection(regex).expected, /\\d, \\D/, regex);
    }
  });

  it("rejects an empty regex and reports RE2's reason for a malformed one", () => {
    assert.equal(rejection("").found, "'%%'");
    const error = rejection("[a");
    assert.equal(error.column, 1);
    assert.match(error.message, /missing closing \]/);
    assert.match(rejection("*a").message, /missing argument to repetition/);
  });
});

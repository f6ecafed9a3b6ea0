import assert from "node:assert/strict";
import type { TermNode } from "../../../lib/filter-pattern/ast";
import { FilterPatternSyntaxError } from "../../../lib/filter-pattern/errors";
import { parseTermsPattern } from "../../../lib/filter-pattern/terms-parser";

function terms(pattern: string): string[] {
  return parseTermsPattern(pattern).terms.map(render);
}

function render(term: TermNode): string {
  if (term.type === "regex") return `regex:${term.regex.source}`;
  const prefix = { required: "", optional: "?", excluded: "-" }[term.mode];
  return `${prefix}${term.quoted ? JSON.stringify(term.text) : term.text}`;
}

function termsError(pattern: string): FilterPatternSyntaxError {
  try {
    parseTermsPattern(pattern);
  } catch (error) {
    assert.ok(error instanceof FilterPatternSyntaxError, String(error));
    return error;
  }
  assert.fail(`${pattern} was accepted`);
}

describe("filter-pattern terms parser", () => {
  it("reads words, phrases, optional and excluded terms", () => {
    assert.deepEqual(terms("ERROR ARGUMENTS"), ["ERROR", "ARGUMENTS"]);
    assert.deepEqual(terms("?ERROR ?ARGUMENTS"), ["?ERROR", "?ARGUMENTS"]);
    assert.deepEqual(terms("ERROR -ARGUMENTS"), ["ERROR", "-ARGUMENTS"]);
    assert.deepEqual(terms('"INTERNAL SERVER ERROR" -"bad one"'), ['"INTERNAL SERVER ERROR"', '-"bad one"']);
    assert.deepEqual(terms("404 user_id Größe"), ["404", "user_id", "Größe"]);
  });

  it("reads nothing from an empty or blank pattern, and keeps blank phrases", () => {
    assert.deepEqual(terms(""), []);
    assert.deepEqual(terms(" \t "), []);
    assert.deepEqual(terms('""'), ['""']);
    assert.deepEqual(terms('" "'), ['" "']);
  });

  it('unescapes \\" and \\\\ inside phrases and keeps other backslashes', () => {
    assert.deepEqual(terms('"say \\"hi\\"" "C:\\\\dir" "a\\b"'), [
      '"say \\"hi\\""',
      '"C:\\\\dir"',
      '"a\\\\b"',
    ]);
  });

  it("reads a standalone regex, surrounded by whitespace or not", () => {
    assert.deepEqual(terms("%AUTHORIZED%"), ["regex:AUTHORIZED"]);
    assert.deepEqual(terms("  %^start|^init%  "), ["regex:^start|^init"]);
  });

  it("asks for quotes around terms with punctuation, showing the quoted term", () => {
    const error = termsError("ERROR Exception.java");
    assert.equal(error.column, 16);
    assert.equal(error.expected, "whitespace between terms");
    assert.match(error.message, /e\.g\. "Exception\.java"$/);
    assert.match(termsError("-10.0.0.1").message, /e\.g\. -"10\.0\.0\.1"$/);
    assert.equal(termsError("[ERROR]").column, 1);
  });

  it("rejects what cannot follow a prefix, unclosed phrases and mixed regexes", () => {
    assert.match(termsError("ERROR -").expected, /after '-'/);
    assert.match(termsError("?-ERROR").expected, /after '\?'/);
    assert.equal(termsError('ERROR "open').expected, "a closing '\"' for the phrase at column 7");
    assert.match(termsError("ERROR %x%").message, /whole filter pattern/);
    assert.match(termsError("%x% ERROR").message, /whole filter pattern/);
    assert.match(termsError('-""').expected, /non-empty term/);
  });

  it("rejects a JSON pattern with whitespace before '{'", () => {
    const leading = termsError(" { $.a IS TRUE }");
    assert.equal(leading.column, 1);
    assert.match(leading.message, /remove the whitespace before '\{'/);
  });
});

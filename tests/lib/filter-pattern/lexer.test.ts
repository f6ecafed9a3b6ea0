import assert from "node:assert/strict";
import { FilterPatternSyntaxError } from "../../../lib/filter-pattern/errors";
import { type Token, tokenizeJsonPattern } from "../../../lib/filter-pattern/lexer";

function types(pattern: string): string[] {
  return tokenizeJsonPattern(pattern).map((token) => token.type);
}

function only<T extends Token["type"]>(pattern: string, type: T): Token & { type: T } {
  const token = tokenizeJsonPattern(pattern).find((candidate) => candidate.type === type);
  assert.ok(token, `no ${type} token in ${pattern}`);
  return token as Token & { type: T };
}

function lexError(pattern: string): FilterPatternSyntaxError {
  try {
    tokenizeJsonPattern(pattern);
  } catch (error) {
    assert.ok(error instanceof FilterPatternSyntaxError, String(error));
    return error;
  }
  assert.fail(`${pattern} was accepted`);
}

describe("filter-pattern lexer", () => {
  it("splits punctuation, selectors and operators, ending with 'end'", () => {
    assert.deepEqual(types("{($.a=1)&&($.b!=x)||$.c<=2}"), [
      "{",
      "(",
      "selector",
      "=",
      "word",
      ")",
      "&&",
      "(",
      "selector",
      "!=",
      "word",
      ")",
      "||",
      "selector",
      "<=",
      "word",
      "}",
      "end",
    ]);
    assert.deepEqual(types("{ $.a < 1 } "), ["{", "selector", "<", "word", "}", "end"]);
    assert.deepEqual(types("{$.a>=1}"), ["{", "selector", ">=", "word", "}", "end"]);
  });

  it("records where each token starts and ends", () => {
    const [brace, selector, equals, word] = tokenizeJsonPattern("{ $.eventName = Foo }");
    assert.deepEqual(
      [brace, selector, equals, word].map((token) => [token.start, token.end, token.text]),
      [
        [0, 1, "{"],
        [2, 13, "$.eventName"],
        [14, 15, "="],
        [16, 19, "Foo"],
      ],
    );
  });

  it("reads bare values with dots, colons, slashes and wildcards as one word", () => {
    assert.equal(only("{ $.a = kms.amazonaws.com }", "word").text, "kms.amazonaws.com");
    assert.equal(only("{ $.a = 123.123.* }", "word").text, "123.123.*");
    assert.equal(only("{ $.a = arn:aws:iam::1:root }", "word").text, "arn:aws:iam::1:root");
    assert.equal(only("{ $.a = -2.5E-2}", "word").text, "-2.5E-2");
  });

  it('splits quoted strings at unescaped wildcards and honours \\" \\\\ \\*', () => {
    assert.deepEqual(only('{ $.a = "*Unauthorized*Op" }', "string").segments, ["", "Unauthorized", "Op"]);
    assert.deepEqual(only('{ $.a = "a\\*b" }', "string").segments, ["a*b"]);
    assert.deepEqual(only('{ $.a = "say \\"hi\\" \\\\ C:\\x" }', "string").segments, ['say "hi" \\ C:\\x']);
    assert.deepEqual(only('{ $.a = "" }', "string").segments, [""]);
  });

  it("reads a regex between percent signs and translates it for RE2", () => {
    const regex = only("{ $.a = %val.{,2}% }", "regex");
    assert.equal(regex.source, "val.{,2}");
    assert.equal(regex.re2Source, "val.{0,2}");
    assert.equal(regex.text, "%val.{,2}%");
  });

  it("reports unterminated strings and regexes where the pattern ends", () => {
    const string = lexError('{ $.a = "abc }');
    assert.equal(string.column, 15);
    assert.equal(string.expected, `a closing '"' for the string at column 9`);
    assert.equal(string.found, "end of pattern");
    assert.equal(lexError("{ $.a = %abc }").expected, "a closing '%' for the regex at column 9");
  });

  it("rejects single '&', '|', '!' and stray characters with a fix", () => {
    assert.equal(lexError("{ $.a = 1 & $.b = 2 }").expected, "'&&'");
    assert.equal(lexError("{ $.a = 1 | $.b = 2 }").expected, "'||'");
    assert.equal(lexError("{ $.a ! 1 }").expected, "'!='");
    assert.match(lexError("{ $.a = 'x' }").message, /column 9: .*double quotes/);
    assert.equal(lexError("{ [0] }").column, 3);
  });
});

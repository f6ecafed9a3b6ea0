import assert from "node:assert/strict";
import type { JsonExpression, JsonValue } from "../../../lib/filter-pattern/ast";
import { FilterPatternSyntaxError } from "../../../lib/filter-pattern/errors";
import { parseJsonPattern } from "../../../lib/filter-pattern/json-parser";

/** A compact rendering of the tree: `(a = 1 && b IS NULL) || c != "x"` style, fully parenthesised. */
function shape(expression: JsonExpression): string {
  switch (expression.type) {
    case "or":
    case "and":
      return `(${expression.operands.map(shape).join(expression.type === "or" ? " || " : " && ")})`;
    case "comparison":
      return `${expression.selector.text} ${expression.operator} ${valueShape(expression.value)}`;
    case "predicate":
      return `${expression.selector.text} ${expression.predicate}`;
  }
}

function valueShape(value: JsonValue): string {
  if (value.type === "number") return `num:${value.value}`;
  if (value.type === "regex") return `re:${value.source}`;
  return `${value.quoted ? "q" : "w"}:${value.segments.join("*")}`;
}

function parsed(pattern: string): string {
  return shape(parseJsonPattern(pattern).expression);
}

function parseError(pattern: string): FilterPatternSyntaxError {
  try {
    parseJsonPattern(pattern);
  } catch (error) {
    assert.ok(error instanceof FilterPatternSyntaxError, String(error));
    return error;
  }
  assert.fail(`${pattern} was accepted`);
}

describe("filter-pattern JSON parser", () => {
  it("parses one comparison per operator", () => {
    for (const operator of ["=", "!=", "<", "<=", ">", ">="]) {
      assert.equal(parsed(`{ $.latency ${operator} 50 }`), `$.latency ${operator} num:50`);
    }
  });

  it("classifies values: quoted strings, bare words, numbers, regexes", () => {
    assert.equal(parsed('{ $.a = "UpdateTrail" }'), "$.a = q:UpdateTrail");
    assert.equal(parsed("{ $.a = UpdateTrail }"), "$.a = w:UpdateTrail");
    assert.equal(parsed('{ $.a = "400" }'), "$.a = q:400");
    assert.equal(parsed("{ $.a = 400 }"), "$.a = num:400");
    assert.equal(parsed("{ $.a = 4* }"), "$.a = w:4*");
    assert.equal(parsed("{ $.number[0] = 1e+3 }"), "$.number[0] = num:1000");
    assert.equal(parsed("{ $.number[0] != 1e-3 }"), "$.number[0] != num:0.001");
    assert.equal(parsed("{ $.a > -2.5E-2 }"), "$.a > num:-0.025");
    assert.equal(parsed("{ $.eventType = %Trail% }"), "$.eventType = re:Trail");
  });

  it("parses IS NULL, IS TRUE, IS FALSE and NOT EXISTS", () => {
    assert.equal(parsed("{ $.SomeObject IS NULL }"), "$.SomeObject IS NULL");
    assert.equal(parsed("{ $.ThisFlag IS TRUE }"), "$.ThisFlag IS TRUE");
    assert.equal(parsed("{ $.ThisFlag IS FALSE }"), "$.ThisFlag IS FALSE");
    assert.equal(parsed("{ $.SomeOtherObject NOT EXISTS }"), "$.SomeOtherObject NOT EXISTS");
  });

  it("binds && tighter than ||", () => {
    assert.equal(
      parsed("{ $.a = 1 || $.b = 2 && $.c = 3 }"),
      "($.a = num:1 || ($.b = num:2 && $.c = num:3))",
    );
    assert.equal(
      parsed("{ $.a = 1 && $.b = 2 || $.c = 3 }"),
      "(($.a = num:1 && $.b = num:2) || $.c = num:3)",
    );
  });

  it("lets parentheses override precedence, nested to any depth", () => {
    assert.equal(
      parsed("{ ($.a = 1 || $.b = 2) && $.c = 3 }"),
      "(($.a = num:1 || $.b = num:2) && $.c = num:3)",
    );
    assert.equal(parsed("{ (((($.a = 1)))) }"), "$.a = num:1");
    assert.equal(
      parsed(
        "{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion))}",
      ),
      "($.eventSource = w:kms.amazonaws.com && ($.eventName = w:DisableKey || $.eventName = w:ScheduleKeyDeletion))",
    );
  });

  it("flattens chains of the same operator, also across parentheses", () => {
    const expression = parseJsonPattern("{ $.a = 1 || ($.b = 2 || $.c = 3) || $.d = 4 }").expression;
    assert.equal(expression.type, "or");
    assert.equal(expression.type === "or" && expression.operands.length, 4);
  });

  it("ignores whitespace of any kind and amount between tokens", () => {
    const compact = parsed('{$.a="x"&&($.b!=2||$.c NOT EXISTS)}');
    assert.equal(parsed('{  $.a  =  "x"\t&&\n( $.b != 2 ||   $.c   NOT   EXISTS ) }'), compact);
  });

  it("accepts up to two regexes and three wildcard selectors (CloudWatch quotas)", () => {
    assert.doesNotThrow(() => parseJsonPattern("{ $.a = %x% && $.b = %y% }"));
    assert.doesNotThrow(() => parseJsonPattern("{ $.a[*] = 1 || $.b.* = 2 || $.* = 3 }"));
    assert.match(parseError("{ $.a = %x% && $.b = %y% && $.c = %z% }").expected, /at most two regexes/);
    const wildcards = parseError("{ $.a[*] = 1 || $.b.* = 2 || $.* = 3 || $.d[*] = 4 }");
    assert.equal(wildcards.column, 41);
    assert.match(wildcards.expected, /three wildcard selectors/);
  });

  it("points at the token that breaks the grammar, naming what would fit", () => {
    const cases: [string, number, string, string][] = [
      ["{ $.a = }", 9, "a value after '='", "'}'"],
      ["{ ($.a = ) }", 10, "a value after '='", "')'"],
      ["{ $.a }", 7, "an operator (=, !=, <, <=, >, >=), IS or NOT EXISTS after the selector", "'}'"],
      ["{ $.a > abc }", 9, "a number after '>'", "'abc'"],
      ["{ $.a >= %x% }", 10, "a number after '>='", "'%x%'"],
      ["{ $.a IS MISSING }", 10, "NULL, TRUE or FALSE after IS", "'MISSING'"],
      ["{ $.a NOT THERE }", 11, "EXISTS after NOT", "'THERE'"],
      ["{ $.a = 1 $.b = 2 }", 11, "'&&', '||' or '}'", "'$.b'"],
      ["{ ($.a = 1 }", 12, "'&&', '||' or ')'", "'}'"],
      ["{ $.a = 1 ) }", 11, "'&&', '||' or '}'", "')'"],
      ["{ $.a = 1 &&  }", 15, "a selector such as $.eventName, or '('", "'}'"],
      ["{ }", 3, "a selector such as $.eventName, or '('", "'}'"],
      ["{ $.a = 1", 10, "'&&', '||' or '}'", "end of pattern"],
      ["{ $.a = 1 } }", 13, "end of pattern after '}'", "'}'"],
      ["{ eventName = 1 }", 3, "a selector such as $.eventName, or '('", "'eventName'"],
    ];
    for (const [pattern, column, expected, found] of cases) {
      const error = parseError(pattern);
      assert.deepEqual([error.column, error.expected, error.found], [column, expected, found], pattern);
    }
  });

  it("reports the first problem even when a later one is lexical", () => {
    const error = parseError("{ $.a = ) 'x' }");
    assert.deepEqual([error.column, error.expected], [9, "a value after '='"]);
  });

  it("adds a fix for near misses: ==, lower-case keywords, IS NOT, EXISTS, quoted numbers", () => {
    assert.match(parseError("{ $.a == 1 }").message, /single '='/);
    assert.match(parseError("{ $.a is null }").message, /upper case/);
    assert.match(parseError("{ $.a not exists }").message, /upper case/);
    assert.match(parseError("{ $.a IS NOT NULL }").message, /does not support IS NOT/);
    assert.match(parseError("{ $.a EXISTS }").message, /no EXISTS/);
    assert.match(parseError('{ $.a > "5" }').message, /without quotes/);
  });
});

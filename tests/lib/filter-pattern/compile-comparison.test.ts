import assert from "node:assert/strict";
import type { ComparisonOperator, JsonValue } from "../../../lib/filter-pattern/ast";
import { compileComparison, compilePredicate } from "../../../lib/filter-pattern/compile-comparison";
import { parseJsonPattern } from "../../../lib/filter-pattern/json-parser";

/** The value of `{ $.x <operator> <value> }` as the parser reads it. */
function valueOf(operator: ComparisonOperator, value: string): JsonValue {
  const expression = parseJsonPattern(`{ $.x ${operator} ${value} }`).expression;
  assert.equal(expression.type, "comparison");
  return expression.type === "comparison" ? expression.value : assert.fail();
}

function holds(node: unknown, operator: ComparisonOperator, value: string): boolean {
  return compileComparison(operator, valueOf(operator, value))(node);
}

// Nodes that are not value nodes: missing, null, an object, an array.
const NON_VALUES: readonly unknown[] = [undefined, null, { a: 1 }, ["x"]];

describe("filter-pattern comparisons", () => {
  it("compares strings exactly and case-sensitively, quoted or bare", () => {
    assert.equal(holds("UpdateTrail", "=", '"UpdateTrail"'), true);
    assert.equal(holds("UpdateTrail", "=", "UpdateTrail"), true);
    assert.equal(holds("updatetrail", "=", "UpdateTrail"), false);
    assert.equal(holds("UpdateTrail ", "=", "UpdateTrail"), false);
    assert.equal(holds("ünïcödé 😀", "=", '"ünïcödé 😀"'), true);
    assert.equal(holds("Größe", "=", "Größe"), true);
    assert.equal(holds("GRÖSSE", "=", "Größe"), false);
    assert.equal(holds("", "=", '""'), true);
  });

  it("applies '*' wildcards in quoted and bare strings, and \\* as a literal star", () => {
    assert.equal(holds("Client.UnauthorizedOperation", "=", '"*UnauthorizedOperation"'), true);
    assert.equal(holds("AccessDeniedException", "=", '"AccessDenied*"'), true);
    assert.equal(holds("123.123.4.5", "!=", "123.123.*"), false);
    assert.equal(holds("111.111.111.111", "!=", "123.123.*"), true);
    assert.equal(holds("a*b", "=", '"a\\*b"'), true);
    assert.equal(holds("axb", "=", '"a\\*b"'), false);
    assert.equal(holds("", "=", "*"), true);
  });

  it("compares numbers by value, whatever the spelling", () => {
    assert.equal(holds(400, "=", "400"), true);
    assert.equal(holds(400, "=", "4e2"), true);
    assert.equal(holds(400, "=", "4.0E+2"), true);
    assert.equal(holds(1000, "=", "1e+3"), true);
    assert.equal(holds(0.001, "!=", "1e-3"), false);
    assert.equal(holds(-50, "<", "-49.5"), true);
    assert.equal(holds(60.5, ">=", "60.5"), true);
    assert.equal(holds(75, ">", "75"), false);
    assert.equal(holds(5, "<=", "5"), true);
  });

  it("reads strings holding a number as that number, and matches their exact spelling", () => {
    assert.equal(holds("400", "=", "400"), true);
    assert.equal(holds("4e2", "=", "400"), true);
    assert.equal(holds("123456789012", "=", "123456789012"), true);
    assert.equal(holds("007", "=", "007"), true);
    assert.equal(holds("12", ">", "5"), true);
    assert.equal(holds("12 ms", ">", "5"), false);
    assert.equal(holds("abc", "=", "400"), false);
  });

  it("compares a string value with the text of numbers and booleans", () => {
    assert.equal(holds(400, "=", '"400"'), true);
    assert.equal(holds(404, "=", "4*"), true);
    assert.equal(holds(500, "=", "4*"), false);
    assert.equal(holds(true, "=", "true"), true);
    assert.equal(holds(false, "=", '"true"'), false);
    assert.equal(holds(true, "=", "400"), false);
  });

  it("makes != the negation of = among scalars only", () => {
    assert.equal(holds("No", "!=", '"Yes"'), true);
    assert.equal(holds("Yes", "!=", '"Yes"'), false);
    assert.equal(holds("abc", "!=", "400"), true);
    assert.equal(holds(true, "!=", '"x"'), true);
    assert.equal(holds(7, "!=", "%^8$%"), true);
  });

  it("never matches a missing field, null, an object or an array with any operator", () => {
    // CloudWatch: a selector must point to a value node; one that points to an object or array does not
    // match, and a missing field has no value at all. So `!=` is not true for them either: `NOT EXISTS`
    // is the documented way to ask for a missing field.
    for (const node of NON_VALUES) {
      for (const [operator, value] of [
        ["=", '"x"'],
        ["!=", '"x"'],
        ["=", "*"],
        ["!=", "1"],
        ["=", "%.*%"],
        ["!=", "%x%"],
        ["<", "1"],
        [">=", "-1e9"],
      ] as const) {
        assert.equal(holds(node, operator, value), false, `${JSON.stringify(node)} ${operator} ${value}`);
      }
    }
  });

  it("never orders booleans or non-numeric strings", () => {
    for (const operator of ["<", "<=", ">", ">="] as const) {
      assert.equal(holds(true, operator, "0"), false);
      assert.equal(holds("abc", operator, "0"), false);
    }
  });

  it("searches a regex in the text of strings, numbers and booleans", () => {
    assert.equal(holds("UpdateTrail", "=", "%Trail%"), true);
    assert.equal(holds("UpdateTrail", "=", "%^Trail%"), false);
    assert.equal(holds(404, "=", "%^4[0-9]{2}$%"), true);
    assert.equal(holds(true, "=", "%^tr%"), true);
    assert.equal(holds("value", "!=", "%val.{2}%"), false);
  });

  it("matches IS NULL, IS TRUE and IS FALSE only against the JSON literal", () => {
    const isNull = compilePredicate("IS NULL");
    const isTrue = compilePredicate("IS TRUE");
    const isFalse = compilePredicate("IS FALSE");
    assert.deepEqual([null, undefined, "null", 0].map(isNull), [true, false, false, false]);
    assert.deepEqual([true, "true", 1, undefined].map(isTrue), [true, false, false, false]);
    assert.deepEqual([false, "false", 0, null].map(isFalse), [true, false, false, false]);
  });
});

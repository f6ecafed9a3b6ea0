import type { ComparisonOperator, JsonValue, NumberValue, PredicateKeyword, StringValue } from "./ast";
import { compileGlob } from "./glob";
import { NUMBER_TEXT, isNonStringText, isScalar, numericValue, scalarText } from "./json-values";
import { compileRegex } from "./regex";
import type { NodeTest } from "./selector-resolver";

/**
 * The test one comparison applies to the node its selector reached (`undefined` when it reached none).
 *
 * CloudWatch documents that selectors point to value nodes (strings or numbers), that a selector pointing
 * to an object or array does not match, and that absent fields are asked for with NOT EXISTS (there is no
 * EXISTS or IS NOT). So a missing field, null, an object or an array satisfies no operator, `!=` included:
 * `!=` is the negation of `=` among scalars only. CIS 4.2 (`MFAUsed != "Yes"`) thus stays silent on an
 * event that carries no MFAUsed at all.
 */
export function compileComparison(operator: ComparisonOperator, value: JsonValue): NodeTest {
  switch (operator) {
    case "=":
      return equalityTest(value);
    case "!=": {
      const equal = equalityTest(value);
      return (node) => isScalar(node) && !equal(node);
    }
  }
  if (value.type !== "number") {
    throw new Error(`compileComparison: '${operator}' needs a number, got ${value.type}`);
  }
  const bound = value.value;
  switch (operator) {
    case "<":
      return (node) => numericValue(node) < bound;
    case "<=":
      return (node) => numericValue(node) <= bound;
    case ">":
      return (node) => numericValue(node) > bound;
    case ">=":
      return (node) => numericValue(node) >= bound;
  }
}

export function compilePredicate(predicate: Exclude<PredicateKeyword, "NOT EXISTS">): NodeTest {
  switch (predicate) {
    case "IS NULL":
      return (node) => node === null;
    case "IS TRUE":
      return (node) => node === true;
    case "IS FALSE":
      return (node) => node === false;
  }
}

/** `=` for one value; exact strings also get grouped by the OR compiler, see exactStringOf. */
function equalityTest(value: JsonValue): NodeTest {
  switch (value.type) {
    case "string":
      return stringEquality(value);
    case "number":
      return numberEquality(value);
    case "regex": {
      const regex = compileRegex(value.re2Source);
      return (node) => isScalar(node) && regex.test(scalarText(node));
    }
  }
}

/** The literal an `=` compares with when it has no wildcard, else undefined. */
export function exactStringOf(value: JsonValue): string | undefined {
  return value.type === "string" && value.segments.length === 1 ? value.segments[0] : undefined;
}

function stringEquality(value: StringValue): NodeTest {
  const exact = exactStringOf(value);
  if (exact !== undefined) {
    if (!isNonStringText(exact)) return (node) => node === exact;
    return (node) =>
      node === exact || ((typeof node === "number" || typeof node === "boolean") && String(node) === exact);
  }
  const glob = compileGlob(value.segments);
  return (node) => (typeof node === "string" ? glob(node) : isScalar(node) && glob(String(node)));
}

/** A number matches a JSON number by value, and a string spelled the same or holding the same number. */
function numberEquality(value: NumberValue): NodeTest {
  const { text, value: number } = value;
  return (node) =>
    typeof node === "number"
      ? node === number
      : typeof node === "string" && (node === text || (NUMBER_TEXT.test(node) && Number(node) === number));
}

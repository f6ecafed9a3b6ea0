import type { JsonComparison, JsonExpression, JsonPatternAst, JsonPredicate, Selector } from "./ast";
import { compileComparison, compilePredicate, exactStringOf } from "./compile-comparison";
import { isNonStringText } from "./json-values";
import { type NodeTest, compileAnyNode, compileResolver, compileSelectorTest } from "./selector-resolver";

export type RecordTest = (record: unknown) => boolean;

// From this many alternatives on, one Set lookup beats a chain of string compares.
const SET_THRESHOLD = 3;

/** Compiles once into nested closures; matching a record allocates nothing for wildcard-free selectors. */
export function compileJsonPattern(ast: JsonPatternAst): RecordTest {
  return compileExpression(ast.expression);
}

function compileExpression(expression: JsonExpression): RecordTest {
  switch (expression.type) {
    case "and":
      return allOf(expression.operands.map(compileExpression));
    case "or":
      return compileOr(expression.operands);
    case "comparison":
      return onSelector(expression.selector, compileComparison(expression.operator, expression.value));
    case "predicate":
      return compilePredicateNode(expression);
  }
}

function compilePredicateNode(expression: JsonPredicate): RecordTest {
  const { selector, predicate } = expression;
  if (predicate !== "NOT EXISTS") return onSelector(selector, compilePredicate(predicate));
  if (hasWildcard(selector)) {
    const anyNode = compileAnyNode(selector.steps, () => true);
    return (record) => !anyNode(record);
  }
  const resolve = compileResolver(selector.steps);
  return (record) => resolve(record) === undefined;
}

function onSelector(selector: Selector, test: NodeTest): RecordTest {
  if (hasWildcard(selector)) return compileAnyNode(selector.steps, test);
  return compileSelectorTest(selector.steps, test);
}

interface EqualityGroup {
  readonly selector: Selector;
  readonly literals: string[];
  readonly members: JsonExpression[];
}

/**
 * `$.eventName = A || $.eventName = B || ...` (the shape of most CIS patterns) resolves the selector
 * once and looks the value up in a Set. Operands of `||` have no side effects, so regrouping them keeps
 * the result.
 */
function compileOr(operands: readonly JsonExpression[]): RecordTest {
  const groups = new Map<string, EqualityGroup>();
  for (const operand of operands) {
    const literal = operand.type === "comparison" ? exactEquality(operand) : undefined;
    if (literal === undefined || operand.type !== "comparison") continue;
    const key = JSON.stringify(operand.selector.steps);
    const group = groups.get(key) ?? { selector: operand.selector, literals: [], members: [] };
    group.literals.push(literal);
    group.members.push(operand);
    groups.set(key, group);
  }
  const tests: RecordTest[] = [];
  const grouped = new Set<JsonExpression>();
  for (const { selector, literals, members } of groups.values()) {
    if (literals.length < SET_THRESHOLD) continue;
    tests.push(onSelector(selector, oneOf(literals)));
    for (const member of members) grouped.add(member);
  }
  for (const operand of operands) if (!grouped.has(operand)) tests.push(compileExpression(operand));
  return anyOf(tests);
}

function exactEquality(comparison: JsonComparison): string | undefined {
  if (comparison.operator !== "=" || hasWildcard(comparison.selector)) return undefined;
  return exactStringOf(comparison.value);
}

function oneOf(literals: readonly string[]): NodeTest {
  const set = new Set(literals);
  if (!literals.some(isNonStringText)) return (node) => typeof node === "string" && set.has(node);
  return (node) =>
    typeof node === "string"
      ? set.has(node)
      : (typeof node === "number" || typeof node === "boolean") && set.has(String(node));
}

function hasWildcard(selector: Selector): boolean {
  return selector.steps.some((step) => step.kind === "wildcard");
}

function allOf(tests: readonly RecordTest[]): RecordTest {
  if (tests.length === 1) return tests[0];
  if (tests.length === 2) {
    const [a, b] = tests;
    return (record) => a(record) && b(record);
  }
  return (record) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i](record)) return false;
    return true;
  };
}

function anyOf(tests: readonly RecordTest[]): RecordTest {
  if (tests.length === 1) return tests[0];
  if (tests.length === 2) {
    const [a, b] = tests;
    return (record) => a(record) || b(record);
  }
  return (record) => {
    for (let i = 0; i < tests.length; i++) if (tests[i](record)) return true;
    return false;
  };
}

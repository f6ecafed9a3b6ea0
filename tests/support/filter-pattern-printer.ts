import type { JsonExpression, JsonValue } from "../../lib/filter-pattern";

/** A JSON filter pattern written back from its syntax tree, every group in parentheses. */
export function printJsonPattern(expression: JsonExpression): string {
  return `{ ${printExpression(expression)} }`;
}

function printExpression(expression: JsonExpression): string {
  switch (expression.type) {
    case "or":
    case "and":
      return expression.operands
        .map((operand) => `(${printExpression(operand)})`)
        .join(expression.type === "or" ? " || " : " && ");
    case "comparison":
      return `${expression.selector.text} ${expression.operator} ${printValue(expression.value)}`;
    case "predicate":
      return `${expression.selector.text} ${expression.predicate}`;
  }
}

function printValue(value: JsonValue): string {
  if (value.type === "regex") return `%${value.source}%`;
  if (value.type === "number") return value.text;
  return value.quoted ? JSON.stringify(value.text) : value.text;
}

import type { DelimitedCondition, DelimitedPatternAst } from "./ast";
import { compileComparison } from "./compile-comparison";
import type { TextMatcher } from "./glob";

type Bindings = ReadonlyMap<string, string>;
type ConditionTest = (fields: Bindings) => boolean;

/**
 * The fields of a space-delimited event: words separated by spaces, except that the text between a pair
 * of square brackets or double quotes is one field (without the brackets or quotes).
 */
export function splitDelimitedEvent(text: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && (text[i] === " " || text[i] === "\t")) i++;
    if (i >= text.length) break;
    const close = text[i] === "[" ? "]" : text[i] === '"' ? '"' : undefined;
    if (close !== undefined) {
      const end = text.indexOf(close, i + 1);
      if (end >= 0) {
        fields.push(text.slice(i + 1, end));
        i = end + 1;
        continue;
      }
    }
    let end = i;
    while (end < text.length && text[end] !== " " && text[end] !== "\t") end++;
    fields.push(text.slice(i, end));
    i = end;
  }
  return fields;
}

/**
 * A pattern matches when its fields line up with the event's (`...` taking any number of them, every
 * other entry exactly one) and every condition holds for the values the names took. A condition on a
 * name no field carries is false.
 */
export function compileDelimitedPattern(ast: DelimitedPatternAst): TextMatcher {
  const entries = ast.fields.map((field) =>
    field.type === "ellipsis"
      ? { ellipsis: true as const }
      : {
          ellipsis: false as const,
          name: field.name,
          test: field.condition && compileCondition(field.condition),
        },
  );
  const fixedAfter = entries.map((_, e) => entries.slice(e).filter((entry) => !entry.ellipsis).length);
  return (text) => {
    const fields = splitDelimitedEvent(text);
    const bindings = new Map<string, string>();
    const align = (e: number, f: number): boolean => {
      if (fields.length - f < (fixedAfter[e] ?? 0)) return false;
      if (e === entries.length)
        return (
          f === fields.length &&
          entries.every((entry) => entry.ellipsis || !entry.test || entry.test(bindings))
        );
      const entry = entries[e];
      if (entry.ellipsis) {
        for (let k = f; k <= fields.length; k++) if (align(e + 1, k)) return true;
        return false;
      }
      if (entry.name === undefined) return align(e + 1, f + 1);
      const previous = bindings.get(entry.name);
      bindings.set(entry.name, fields[f]);
      if (align(e + 1, f + 1)) return true;
      if (previous === undefined) bindings.delete(entry.name);
      else bindings.set(entry.name, previous);
      return false;
    };
    return align(0, 0);
  };
}

function compileCondition(condition: DelimitedCondition): ConditionTest {
  if (condition.type === "comparison") {
    const test = compileComparison(condition.operator, condition.value);
    const { field } = condition;
    return (fields) => test(fields.get(field));
  }
  const operands = condition.operands.map(compileCondition);
  return condition.type === "and"
    ? (fields) => operands.every((operand) => operand(fields))
    : (fields) => operands.some((operand) => operand(fields));
}

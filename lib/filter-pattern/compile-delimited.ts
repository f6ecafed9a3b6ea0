import type { DelimitedCondition, DelimitedPatternAst } from "./ast";
import { compileComparison } from "./compile-comparison";
import type { TextMatcher } from "./glob";

/** A field's value by name, undefined when no field carries the name. */
type Lookup = (field: string) => string | undefined;
type ConditionTest = (lookup: Lookup) => boolean;

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
  const entries: Entry[] = ast.fields.map((field) =>
    field.type === "ellipsis"
      ? { ellipsis: true }
      : {
          ellipsis: false,
          name: field.name,
          condition: field.condition && compileCondition(field.condition),
          local:
            field.condition === undefined || namesIn(field.condition).every((name) => name === field.name),
        },
  );
  const allLocal = entries.every((entry) => entry.ellipsis || entry.local);
  return allLocal ? lineUp(entries) : backtrack(entries);
}

type Entry =
  | { readonly ellipsis: true }
  | {
      readonly ellipsis: false;
      readonly name: string | undefined;
      readonly condition: ConditionTest | undefined;
      /** The condition names only this entry's own field, so it can be checked on the spot. */
      readonly local: boolean;
    };

/**
 * When every condition is about its own field, whether entries e.. line up with fields f.. depends on
 * (e, f) only: one pass per entry over the fields, from the end (linear in the event for each entry,
 * whatever the number of ellipses).
 */
function lineUp(entries: readonly Entry[]): TextMatcher {
  return (text) => {
    const fields = splitDelimitedEvent(text);
    let next = new Uint8Array(fields.length + 1);
    next[fields.length] = 1;
    for (let e = entries.length - 1; e >= 0; e--) {
      const entry = entries[e];
      const row = new Uint8Array(fields.length + 1);
      for (let f = fields.length; f >= 0; f--) {
        if (entry.ellipsis) row[f] = next[f] === 1 || (f < fields.length && row[f + 1] === 1) ? 1 : 0;
        else if (f < fields.length && next[f + 1] === 1) {
          const value = fields[f];
          const name = entry.name;
          row[f] =
            entry.condition === undefined || entry.condition((field) => (field === name ? value : undefined))
              ? 1
              : 0;
        }
      }
      next = row;
    }
    return next[0] === 1;
  };
}

/** Conditions that name other fields are checked once every name has a value: try each alignment. */
function backtrack(entries: readonly Entry[]): TextMatcher {
  const fixedAfter = entries.map((_, e) => entries.slice(e).filter((entry) => !entry.ellipsis).length);
  return (text) => {
    const fields = splitDelimitedEvent(text);
    const bindings = new Map<string, string>();
    const lookup = (field: string) => bindings.get(field);
    const align = (e: number, f: number): boolean => {
      if (fields.length - f < (fixedAfter[e] ?? 0)) return false;
      if (e === entries.length) {
        return (
          f === fields.length &&
          entries.every((entry) => entry.ellipsis || !entry.condition || entry.condition(lookup))
        );
      }
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

function namesIn(condition: DelimitedCondition): string[] {
  return condition.type === "comparison" ? [condition.field] : condition.operands.flatMap(namesIn);
}

function compileCondition(condition: DelimitedCondition): ConditionTest {
  if (condition.type === "comparison") {
    const test = compileComparison(condition.operator, condition.value);
    const { field } = condition;
    return (lookup) => test(lookup(field));
  }
  const operands = condition.operands.map(compileCondition);
  return condition.type === "and"
    ? (lookup) => operands.every((operand) => operand(lookup))
    : (lookup) => operands.some((operand) => operand(lookup));
}

import type { Selector, SelectorStep } from "./ast";
import { syntaxErrorAt } from "./errors";

// Dot-notation keys are letters, digits, '-' and '_'; anything else needs the bracket form ['...'].
const KEY = /[\p{L}\p{N}_-]+/uy;
const INDEX = /\d+/y;
// Characters that may follow a selector: whitespace, an operator, a closing parenthesis or brace.
const SELECTOR_END = /[\s=!<>)}&|]/u;
// CloudWatch quota: one wildcard per selector.
const MAX_WILDCARDS = 1;

export interface ScannedSelector {
  readonly selector: Selector;
  readonly end: number;
}

/** Reads the selector starting with the `$` at `start`. */
export function scanSelector(pattern: string, start: number): ScannedSelector {
  const steps: SelectorStep[] = [];
  let i = start + 1;
  let wildcards = 0;
  const addWildcard = (at: number): void => {
    if (++wildcards > MAX_WILDCARDS) {
      throw syntaxErrorAt(
        pattern,
        at,
        "at most one wildcard in a selector (CloudWatch quota)",
        "a second '*'",
      );
    }
    steps.push({ kind: "wildcard" });
  };
  for (;;) {
    const ch = pattern[i];
    if (ch === "." && pattern[i + 1] === "*") {
      addWildcard(i + 1);
      i += 2;
    } else if (ch === "." && pattern[i + 1] === "[") {
      i += 1;
    } else if (ch === ".") {
      KEY.lastIndex = i + 1;
      const key = KEY.exec(pattern);
      if (key === null) throw syntaxErrorAt(pattern, i + 1, "a property name, '*' or '[' after '.'");
      steps.push({ kind: "key", key: key[0] });
      i = KEY.lastIndex;
    } else if (ch === "[") {
      i = scanBracket(pattern, i, steps, addWildcard);
    } else {
      break;
    }
  }
  if (steps.length === 0) throw syntaxErrorAt(pattern, i, "'.' or '[' after '$'");
  if (i < pattern.length && !SELECTOR_END.test(pattern[i])) {
    throw syntaxErrorAt(
      pattern,
      i,
      "'.', '[', an operator or whitespace after the selector",
      undefined,
      "write keys with other characters in brackets, e.g. $.['key:name']",
    );
  }
  return { selector: { text: pattern.slice(start, i), steps }, end: i };
}

/** `[0]`, `[*]`, `['key']` or `["key"]` at `open`; returns the index after the `]`. */
function scanBracket(
  pattern: string,
  open: number,
  steps: SelectorStep[],
  addWildcard: (at: number) => void,
): number {
  const i = open + 1;
  const ch = pattern[i];
  let close: number;
  if (ch === "*") {
    addWildcard(i);
    close = i + 1;
  } else if (ch === "'" || ch === '"') {
    const end = pattern.indexOf(ch, i + 1);
    if (end < 0) throw syntaxErrorAt(pattern, pattern.length, `a closing ${ch} for the key`);
    steps.push({ kind: "key", key: pattern.slice(i + 1, end) });
    close = end + 1;
  } else {
    INDEX.lastIndex = i;
    const digits = INDEX.exec(pattern);
    if (digits === null) throw syntaxErrorAt(pattern, i, "an array index, '*' or a quoted key after '['");
    steps.push({ kind: "index", index: Number(digits[0]) });
    close = INDEX.lastIndex;
  }
  if (pattern[close] !== "]") throw syntaxErrorAt(pattern, close, "']'");
  return close + 1;
}

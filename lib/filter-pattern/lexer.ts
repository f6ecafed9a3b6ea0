import type { Selector } from "./ast";
import { columnAt, syntaxErrorAt } from "./errors";
import { readRegexAt } from "./regex";
import { scanSelector } from "./selector-syntax";

export type PunctuationType = "{" | "}" | "(" | ")" | "&&" | "||" | "=" | "!=" | "<" | "<=" | ">" | ">=";

interface Span {
  readonly start: number;
  readonly end: number;
  /** The token as written in the pattern. */
  readonly text: string;
}

export type Token =
  | (Span & { readonly type: PunctuationType | "word" | "end" })
  | (Span & { readonly type: "selector"; readonly selector: Selector })
  | (Span & { readonly type: "string"; readonly segments: readonly string[] })
  | (Span & { readonly type: "regex"; readonly source: string; readonly re2Source: string });

const WHITESPACE = /\s+/y;
// A bare value runs until whitespace or a character that has a meaning of its own in a JSON pattern.
const WORD = /[^\s(){}[\]"'&|=!<>%$\\]+/uy;

/** Splits a JSON filter pattern (`{ ... }`) into tokens; the last token is always `end`. */
export function tokenizeJsonPattern(pattern: string): Token[] {
  return [...jsonTokens(pattern)];
}

/** The tokens one at a time, so a parser reports the first problem even when a later one is lexical. */
export function* jsonTokens(pattern: string): Generator<Token, void, undefined> {
  let i = 0;
  for (;;) {
    WHITESPACE.lastIndex = i;
    if (WHITESPACE.test(pattern)) i = WHITESPACE.lastIndex;
    if (i >= pattern.length) break;
    const token = readToken(pattern, i);
    yield token;
    i = token.end;
  }
  yield { type: "end", start: pattern.length, end: pattern.length, text: "" };
}

function readToken(pattern: string, i: number): Token {
  const ch = pattern[i];
  const next = pattern[i + 1];
  const span = (type: PunctuationType, length: number): Token => ({
    type,
    start: i,
    end: i + length,
    text: pattern.slice(i, i + length),
  });
  switch (ch) {
    case "{":
    case "}":
    case "(":
    case ")":
    case "=":
      return span(ch, 1);
    case "<":
    case ">":
      return next === "=" ? span(`${ch}=`, 2) : span(ch, 1);
    case "!":
      if (next === "=") return span("!=", 2);
      throw syntaxErrorAt(pattern, i, "'!='", undefined, "negate a comparison with != or use NOT EXISTS");
    case "&":
    case "|":
      if (next === ch) return span(ch === "&" ? "&&" : "||", 2);
      throw syntaxErrorAt(pattern, i, `'${ch}${ch}'`);
    case "$": {
      const { selector, end } = scanSelector(pattern, i);
      return { type: "selector", start: i, end, text: selector.text, selector };
    }
    case '"':
      return readString(pattern, i);
    case "%":
      return readRegex(pattern, i);
  }
  WORD.lastIndex = i;
  const word = WORD.exec(pattern);
  if (word === null) {
    throw syntaxErrorAt(
      pattern,
      i,
      "a selector, value, operator or parenthesis",
      undefined,
      ch === "'" ? "quote strings with double quotes" : "put values with this character in double quotes",
    );
  }
  return { type: "word", start: i, end: WORD.lastIndex, text: word[0] };
}

/** `"..."`: `\"`, `\\` and `\*` escape; an unescaped `*` is a wildcard that splits the segments. */
function readString(pattern: string, open: number): Token {
  const segments: string[] = [];
  let current = "";
  for (let i = open + 1; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '"') {
      segments.push(current);
      return { type: "string", start: open, end: i + 1, text: pattern.slice(open, i + 1), segments };
    }
    if (ch === "\\" && (pattern[i + 1] === '"' || pattern[i + 1] === "\\" || pattern[i + 1] === "*")) {
      current += pattern[++i];
    } else if (ch === "*") {
      segments.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  throw syntaxErrorAt(
    pattern,
    pattern.length,
    `a closing '"' for the string at column ${columnAt(pattern, open)}`,
  );
}

function readRegex(pattern: string, open: number): Token {
  const { close, re2Source } = readRegexAt(pattern, open);
  return {
    type: "regex",
    start: open,
    end: close + 1,
    text: pattern.slice(open, close + 1),
    source: pattern.slice(open + 1, close),
    re2Source,
  };
}

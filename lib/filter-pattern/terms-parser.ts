import type { TermMode, TermNode, TermsPatternAst } from "./ast";
import { columnAt, syntaxErrorAt } from "./errors";
import { readRegexAt } from "./regex";

const WHITESPACE = /\s+/y;
// Unquoted terms are alphanumeric (any script) plus '_'; everything else must be in double quotes.
const WORD = /[\p{L}\p{N}_]+/uy;
const NON_WHITESPACE_RUN = /\S+/y;
const TERM_EXPECTED = "a term (letters, digits and '_') or a \"quoted phrase\"";

/**
 * Parses a pattern for unstructured events: terms separated by whitespace, each optionally prefixed with
 * `?` (alternative) or `-` (exclusion), or a single standalone `%regex%`.
 */
export function parseTermsPattern(pattern: string): TermsPatternAst {
  let i = skipWhitespace(pattern, 0);
  if (pattern[i] === "{" && i > 0) {
    throw syntaxErrorAt(
      pattern,
      0,
      "'{' as the first character of a JSON pattern",
      undefined,
      "remove the whitespace before '{'",
    );
  }
  if (pattern[i] === "%") return { kind: "terms", terms: [readStandaloneRegex(pattern, i)] };
  const terms: TermNode[] = [];
  while (i < pattern.length) {
    const { term, end } = readTerm(pattern, i);
    terms.push(term);
    if (end < pattern.length && !/\s/.test(pattern[end])) {
      throw syntaxErrorAt(pattern, end, "whitespace between terms", undefined, quoteHint(pattern, i));
    }
    i = skipWhitespace(pattern, end);
  }
  return { kind: "terms", terms };
}

function readTerm(pattern: string, start: number): { term: TermNode; end: number } {
  const prefix = pattern[start];
  const mode: TermMode = prefix === "?" ? "optional" : prefix === "-" ? "excluded" : "required";
  const i = mode === "required" ? start : start + 1;
  if (pattern[i] === '"') {
    const { text, end } = readPhrase(pattern, i);
    if (mode === "excluded" && text.trim() === "") {
      throw syntaxErrorAt(pattern, i, "a non-empty term after '-'", `'${pattern.slice(i, end)}'`);
    }
    return { term: { type: "text", mode, text, quoted: true }, end };
  }
  WORD.lastIndex = i;
  const word = WORD.exec(pattern);
  if (word === null) {
    const expected = mode === "required" ? TERM_EXPECTED : `${TERM_EXPECTED} after '${prefix}'`;
    const fix = pattern[i] === "%" ? "a %regex% must be the whole filter pattern" : quoteHint(pattern, start);
    throw syntaxErrorAt(pattern, i, expected, undefined, fix);
  }
  return { term: { type: "text", mode, text: word[0], quoted: false }, end: WORD.lastIndex };
}

/** `"..."` at `open`: `\"` and `\\` escape, anything else is literal. */
function readPhrase(pattern: string, open: number): { text: string; end: number } {
  let text = "";
  for (let i = open + 1; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '"') return { text, end: i + 1 };
    if (ch === "\\" && (pattern[i + 1] === '"' || pattern[i + 1] === "\\")) text += pattern[++i];
    else text += ch;
  }
  throw syntaxErrorAt(
    pattern,
    pattern.length,
    `a closing '"' for the phrase at column ${columnAt(pattern, open)}`,
  );
}

function readStandaloneRegex(pattern: string, open: number): TermNode {
  const { close, re2Source } = readRegexAt(pattern, open);
  const after = skipWhitespace(pattern, close + 1);
  if (after < pattern.length) {
    throw syntaxErrorAt(
      pattern,
      after,
      "end of pattern after the regex",
      undefined,
      "a %regex% must be the whole filter pattern",
    );
  }
  return { type: "regex", regex: { type: "regex", source: pattern.slice(open + 1, close), re2Source } };
}

function skipWhitespace(pattern: string, i: number): number {
  WHITESPACE.lastIndex = i;
  return WHITESPACE.test(pattern) ? WHITESPACE.lastIndex : i;
}

/** The fix for a term with punctuation: the same run of characters in double quotes, prefix kept. */
function quoteHint(pattern: string, start: number): string {
  NON_WHITESPACE_RUN.lastIndex = start;
  const run = NON_WHITESPACE_RUN.exec(pattern)?.[0] ?? "";
  const prefix = /^[?-]/.test(run) ? run[0] : "";
  const bare = run.slice(prefix.length);
  const shown = bare.length > 24 ? `${bare.slice(0, 21)}...` : bare;
  return `put terms with other characters in double quotes, e.g. ${prefix}"${shown.replace(/["\\]/g, "\\$&")}"`;
}

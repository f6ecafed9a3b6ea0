import { RE2JS } from "re2js";
import { columnAt, syntaxErrorAt } from "./errors";

// CloudWatch accepts only this subset inside %...%: ASCII letters and digits, the symbols : _ # = @ / ; , -
// and the operators ^ $ ? [ ] { } | \ * + . ; no parentheses and no multi-byte characters. A space is
// not listed, but the documented examples use one, so it is accepted.
const LITERALS = /[A-Za-z0-9:_#=@/;,\- ]/;
const OPERATORS = "^$?[]{}|\\*+.";
const CLASS_ESCAPES = "dDsSwW";
const HEX_ESCAPE = /^x[0-9A-Fa-f]{2}/;
// CloudWatch documents `{,n}` (minimum omitted); RE2 would read it as literal text.
const OPEN_MINIMUM = /^\{,\d+\}/;

/**
 * The `%regex%` that opens at `open`: its closing index and its RE2 source. Throws when the closing `%`
 * is missing or the regex is outside CloudWatch's subset.
 */
export function readRegexAt(pattern: string, open: number): { close: number; re2Source: string } {
  const close = pattern.indexOf("%", open + 1);
  if (close < 0) {
    throw syntaxErrorAt(
      pattern,
      pattern.length,
      `a closing '%' for the regex at column ${columnAt(pattern, open)}`,
    );
  }
  return { close, re2Source: translateRegex(pattern, open + 1, close) };
}

/**
 * Checks the CloudWatch regex between the `%` signs at `start`..`end` of `pattern` and returns the
 * equivalent RE2 source. Throws FilterPatternSyntaxError at the offending character.
 */
export function translateRegex(pattern: string, start: number, end: number): string {
  if (start === end) {
    throw syntaxErrorAt(pattern, start - 1, "a regex between the '%' signs", "'%%'");
  }
  let out = "";
  let inClass = false;
  // Where the current character class's members begin: a `]` right there is a member, not the end.
  let classBody = 0;
  for (let i = start; i < end; i++) {
    const ch = pattern[i];
    if (ch.charCodeAt(0) > 0x7f) {
      throw syntaxErrorAt(
        pattern,
        i,
        "ASCII characters only in a regex",
        undefined,
        "match others with \\xhh",
      );
    }
    if (ch === "(" || ch === ")") {
      throw syntaxErrorAt(
        pattern,
        i,
        "no parentheses in a regex (CloudWatch does not support groups)",
        undefined,
        "match a literal parenthesis with \\x28 or \\x29",
      );
    }
    if (ch === "\\") {
      const escape = escapeAt(pattern, i + 1, end);
      out += `\\${escape}`;
      i += escape.length;
      continue;
    }
    if (!LITERALS.test(ch) && !OPERATORS.includes(ch)) {
      throw syntaxErrorAt(
        pattern,
        i,
        "letters, digits, ': _ # = @ / ; , -' or a regex operator",
        undefined,
        "match other characters with \\xhh",
      );
    }
    if (ch === "[" && !inClass) {
      inClass = true;
      classBody = out.length + (pattern[i + 1] === "^" ? 2 : 1);
    } else if (ch === "]" && inClass && out.length > classBody) {
      inClass = false;
    }
    if (ch === "{" && !inClass && OPEN_MINIMUM.test(pattern.slice(i, end))) {
      out += "{0";
      continue;
    }
    out += ch;
  }
  try {
    RE2JS.compile(out);
  } catch (error) {
    const reason =
      error instanceof Error ? error.message.replace(/^error parsing regexp: /, "") : String(error);
    throw syntaxErrorAt(pattern, start - 1, "a valid regex", `'%${pattern.slice(start, end)}%'`, reason);
  }
  return out;
}

export function compileRegex(re2Source: string): RE2JS {
  return RE2JS.compile(re2Source);
}

function escapeAt(pattern: string, i: number, end: number): string {
  const ch = i < end ? pattern[i] : "";
  if (ch !== "" && (CLASS_ESCAPES.includes(ch) || OPERATORS.includes(ch))) return ch;
  if (ch !== "" && !/[A-Za-z0-9 ]/.test(ch) && LITERALS.test(ch)) return ch;
  const hex = HEX_ESCAPE.exec(pattern.slice(i, Math.min(end, i + 3)));
  if (hex !== null) return hex[0];
  throw syntaxErrorAt(
    pattern,
    i,
    "\\d, \\D, \\s, \\S, \\w, \\W, \\xhh or an escaped operator after '\\'",
    i < end ? undefined : "'%'",
  );
}

/** A malformed filter pattern: `column` is 1-based and counts characters (code points), not UTF-16 units. */
export class FilterPatternSyntaxError extends Error {
  readonly column: number;
  readonly expected: string;
  readonly found: string;

  constructor(column: number, expected: string, found: string, fix?: string) {
    super(`column ${column}: expected ${expected}, found ${found}${fix === undefined ? "" : `; ${fix}`}`);
    this.name = "FilterPatternSyntaxError";
    this.column = column;
    this.expected = expected;
    this.found = found;
  }
}

/** 1-based column of a UTF-16 `index`, counted in code points so astral characters count once. */
export function columnAt(source: string, index: number): number {
  let column = 1;
  for (let i = 0; i < index && i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < index) i++;
    column++;
  }
  return column;
}

const MAX_SHOWN = 24;

/** `'text'` (or `"text"` when it holds a `'`) for error messages, kept on one line and short. */
export function quoteFound(text: string): string {
  const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 3)}...` : text;
  const printable = shown.replace(/[\n\r\t\f\v]/g, (ch) => JSON.stringify(ch).slice(1, -1));
  return printable.includes("'") ? `"${printable}"` : `'${printable}'`;
}

/** What sits at `index`: one character, quoted, or `end of pattern`. */
export function foundAt(source: string, index: number): string {
  if (index >= source.length) return "end of pattern";
  const codePoint = source.codePointAt(index) ?? 0;
  return quoteFound(String.fromCodePoint(codePoint));
}

export function syntaxErrorAt(
  source: string,
  index: number,
  expected: string,
  found: string = foundAt(source, index),
  fix?: string,
): FilterPatternSyntaxError {
  return new FilterPatternSyntaxError(columnAt(source, index), expected, found, fix);
}

// How a JSON node looks to a comparison. Only scalars are "value nodes": a selector that lands on an
// object or array, on null, or on nothing never satisfies =, !=, <, <=, > or >=.

/** A number as a pattern or a log event spells it: sign, digits, optional fraction and exponent. */
export const NUMBER_TEXT = /^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function isScalar(node: unknown): node is string | number | boolean {
  const type = typeof node;
  return type === "string" || type === "number" || type === "boolean";
}

/** The text a string comparison sees: strings as they are, numbers and booleans as JSON spells them. */
export function scalarText(node: string | number | boolean): string {
  return typeof node === "string" ? node : String(node);
}

/** The number a numeric comparison sees: a JSON number, or a string that is entirely a number; else NaN. */
export function numericValue(node: unknown): number {
  if (typeof node === "number") return node;
  if (typeof node === "string" && NUMBER_TEXT.test(node)) return Number(node);
  return Number.NaN;
}

// Every text String() gives a JSON number: "-12", "0.5", "1e+21", "1.5e-7".
const NUMBER_STRING_FORM = /^-?\d+(?:\.\d+)?(?:e[+-]\d+)?$/;

/** True when some number's or boolean's text equals `text`, so exact matches must look beyond strings. */
export function isNonStringText(text: string): boolean {
  return NUMBER_STRING_FORM.test(text) || text === "true" || text === "false";
}

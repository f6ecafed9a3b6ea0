/** The parsed form of a CloudWatch Logs filter pattern: plain data, no positions. */
export type FilterPatternAst = JsonPatternAst | TermsPatternAst | DelimitedPatternAst;

/** `[ip, user, ..., status_code = 4*, bytes]`: conditions on the fields of a space-delimited event. */
export interface DelimitedPatternAst {
  readonly kind: "delimited";
  readonly fields: readonly DelimitedField[];
}

/** `...` stands for any number of fields; a field may be unnamed (`[a, , c]` or a trailing comma). */
export type DelimitedField =
  | { readonly type: "ellipsis" }
  | { readonly type: "field"; readonly name?: string; readonly condition?: DelimitedCondition };

/** `status_code = 403 || status_code = 404`: `&&` binds tighter than `||`, as in JSON patterns. */
export type DelimitedCondition =
  | { readonly type: "or" | "and"; readonly operands: readonly DelimitedCondition[] }
  | {
      readonly type: "comparison";
      readonly field: string;
      readonly operator: ComparisonOperator;
      readonly value: JsonValue;
    };

/** `{ ... }`: conditions on fields of a JSON log event. */
export interface JsonPatternAst {
  readonly kind: "json";
  readonly expression: JsonExpression;
}

/** Anything else: words and phrases searched for in the raw event text, or one standalone `%regex%`. */
export interface TermsPatternAst {
  readonly kind: "terms";
  readonly terms: readonly TermNode[];
}

export type JsonExpression = JsonOr | JsonAnd | JsonComparison | JsonPredicate;

export interface JsonOr {
  readonly type: "or";
  readonly operands: readonly JsonExpression[];
}

export interface JsonAnd {
  readonly type: "and";
  readonly operands: readonly JsonExpression[];
}

export type ComparisonOperator = "=" | "!=" | "<" | "<=" | ">" | ">=";

export interface JsonComparison {
  readonly type: "comparison";
  readonly selector: Selector;
  readonly operator: ComparisonOperator;
  readonly value: JsonValue;
}

export type PredicateKeyword = "IS NULL" | "IS TRUE" | "IS FALSE" | "NOT EXISTS";

export interface JsonPredicate {
  readonly type: "predicate";
  readonly selector: Selector;
  readonly predicate: PredicateKeyword;
}

/** `$.a.b[0]`, `$.['key.with.dots']`, `$.list[*].name`: `text` is the selector as written. */
export interface Selector {
  readonly text: string;
  readonly steps: readonly SelectorStep[];
}

export type SelectorStep =
  | { readonly kind: "key"; readonly key: string }
  | { readonly kind: "index"; readonly index: number }
  | { readonly kind: "wildcard" };

export type JsonValue = StringValue | NumberValue | RegexValue;

/** A quoted or bare string; `segments` are the literal pieces between unescaped `*` wildcards. */
export interface StringValue {
  readonly type: "string";
  readonly text: string;
  readonly quoted: boolean;
  readonly segments: readonly string[];
}

/** A bare number such as `400`, `-2.5E-2` or `1e+3`; `text` keeps the spelling for string fields. */
export interface NumberValue {
  readonly type: "number";
  readonly text: string;
  readonly value: number;
}

/** `%...%`: `source` is the CloudWatch regex between the percent signs, `re2Source` the same for RE2. */
export interface RegexValue {
  readonly type: "regex";
  readonly source: string;
  readonly re2Source: string;
}

export type TermMode = "required" | "optional" | "excluded";

export type TermNode = TextTerm | RegexTerm;

/** `ERROR`, `"exact phrase"`, `?ERROR` (optional) or `-ERROR` (excluded). */
export interface TextTerm {
  readonly type: "text";
  readonly mode: TermMode;
  readonly text: string;
  readonly quoted: boolean;
}

export interface RegexTerm {
  readonly type: "regex";
  readonly regex: RegexValue;
}

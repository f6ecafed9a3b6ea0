import type {
  ComparisonOperator,
  DelimitedCondition,
  DelimitedField,
  DelimitedPatternAst,
  JsonValue,
} from "./ast";
import { syntaxErrorAt } from "./errors";
import { NUMBER_TEXT } from "./json-values";
import { readRegexAt } from "./regex";

// CloudWatch quota: at most two regexes in a delimited or JSON pattern.
const MAX_REGEXES = 2;
const NAME = /[A-Za-z0-9_]+/y;
const OPERATOR = /!=|<=|>=|=|<|>/y;
// A bare value runs to whitespace, a comma, the closing bracket or a logical operator.
const BARE_VALUE = /(?:[^\s,\]&|]|&(?!&)|\|(?!\|))+/y;
const RELATIONAL = new Set<ComparisonOperator>(["<", "<=", ">", ">="]);

/**
 * Parses a space-delimited pattern (see "Filter and Pattern Syntax" in the CloudWatch Logs user guide,
 * "Using metric filters to extract values from space-delimited log events"): fields named in order,
 * comma-separated, in square brackets; `...` for any number of fields; conditions after a field's name
 * with = != < <= > >=, `*` wildcards, numbers, "quoted strings" or %regex%, joined by && and ||.
 */
export function parseDelimitedPattern(pattern: string): DelimitedPatternAst {
  return new DelimitedParser(pattern).parse();
}

class DelimitedParser {
  private i = 0;
  private regexes = 0;

  constructor(private readonly pattern: string) {}

  parse(): DelimitedPatternAst {
    this.skipWhitespace();
    this.expect("[", "'[' to open a space-delimited pattern");
    const fields: DelimitedField[] = [];
    for (;;) {
      fields.push(this.parseField());
      this.skipWhitespace();
      if (this.accept(",")) continue;
      this.expect("]", "',' or ']' after a field");
      break;
    }
    this.skipWhitespace();
    if (this.i < this.pattern.length) {
      throw syntaxErrorAt(this.pattern, this.i, "end of pattern after ']'");
    }
    return { kind: "delimited", fields };
  }

  private parseField(): DelimitedField {
    this.skipWhitespace();
    if (this.pattern.startsWith("...", this.i)) {
      this.i += 3;
      return { type: "ellipsis" };
    }
    const next = this.pattern[this.i];
    if (next === "," || next === "]") return { type: "field" };
    const name = this.readName("a field name, '...' or ','");
    this.skipWhitespace();
    OPERATOR.lastIndex = this.i;
    if (!OPERATOR.test(this.pattern)) return { type: "field", name };
    return { type: "field", name, condition: this.parseOr(name) };
  }

  private parseOr(firstField?: string): DelimitedCondition {
    const operands = [this.parseAnd(firstField)];
    while (this.acceptOperator("||")) operands.push(this.parseAnd());
    return operands.length === 1 ? operands[0] : { type: "or", operands };
  }

  private parseAnd(firstField?: string): DelimitedCondition {
    const operands = [this.parseComparison(firstField)];
    while (this.acceptOperator("&&")) operands.push(this.parseComparison());
    return operands.length === 1 ? operands[0] : { type: "and", operands };
  }

  private parseComparison(knownField?: string): DelimitedCondition {
    this.skipWhitespace();
    const field = knownField ?? this.readName("a field name after '&&' or '||'");
    this.skipWhitespace();
    OPERATOR.lastIndex = this.i;
    const operator = OPERATOR.exec(this.pattern)?.[0] as ComparisonOperator | undefined;
    if (operator === undefined) {
      throw syntaxErrorAt(this.pattern, this.i, `an operator (=, !=, <, <=, >, >=) after '${field}'`);
    }
    this.i = OPERATOR.lastIndex;
    this.skipWhitespace();
    const at = this.i;
    const value = this.readValue();
    if (RELATIONAL.has(operator) && value.type !== "number") {
      throw syntaxErrorAt(this.pattern, at, `a number after '${operator}'`);
    }
    return { type: "comparison", field, operator, value };
  }

  private readValue(): JsonValue {
    const start = this.i;
    const ch = this.pattern[start];
    if (ch === "%") {
      if (++this.regexes > MAX_REGEXES) {
        throw syntaxErrorAt(this.pattern, start, `at most ${MAX_REGEXES} regexes (CloudWatch limit)`);
      }
      const { close, re2Source } = readRegexAt(this.pattern, start);
      this.i = close + 1;
      return { type: "regex", source: this.pattern.slice(start + 1, close), re2Source };
    }
    if (ch === '"') {
      let text = "";
      for (let i = start + 1; i < this.pattern.length; i++) {
        const c = this.pattern[i];
        if (c === '"') {
          this.i = i + 1;
          return { type: "string", text, quoted: true, segments: text.split("*") };
        }
        if (c === "\\" && (this.pattern[i + 1] === '"' || this.pattern[i + 1] === "\\"))
          text += this.pattern[++i];
        else text += c;
      }
      throw syntaxErrorAt(this.pattern, this.pattern.length, "a closing '\"'");
    }
    BARE_VALUE.lastIndex = start;
    const bare = BARE_VALUE.exec(this.pattern)?.[0];
    if (bare === undefined) throw syntaxErrorAt(this.pattern, start, "a value");
    this.i = BARE_VALUE.lastIndex;
    if (NUMBER_TEXT.test(bare)) return { type: "number", text: bare, value: Number(bare) };
    return { type: "string", text: bare, quoted: false, segments: bare.split("*") };
  }

  private readName(expected: string): string {
    NAME.lastIndex = this.i;
    const name = NAME.exec(this.pattern)?.[0];
    if (name === undefined) throw syntaxErrorAt(this.pattern, this.i, expected);
    this.i = NAME.lastIndex;
    return name;
  }

  private acceptOperator(operator: "&&" | "||"): boolean {
    this.skipWhitespace();
    if (!this.pattern.startsWith(operator, this.i)) return false;
    this.i += 2;
    return true;
  }

  private accept(ch: string): boolean {
    if (this.pattern[this.i] !== ch) return false;
    this.i++;
    return true;
  }

  private expect(ch: string, expected: string): void {
    if (!this.accept(ch)) throw syntaxErrorAt(this.pattern, this.i, expected);
  }

  private skipWhitespace(): void {
    while (this.i < this.pattern.length && /\s/.test(this.pattern[this.i])) this.i++;
  }
}

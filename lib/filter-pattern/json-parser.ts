import type {
  ComparisonOperator,
  JsonExpression,
  JsonPatternAst,
  JsonPredicate,
  JsonValue,
  PredicateKeyword,
  Selector,
} from "./ast";
import { FilterPatternSyntaxError, columnAt, quoteFound } from "./errors";
import { NUMBER_TEXT } from "./json-values";
import { type Token, jsonTokens } from "./lexer";

// CloudWatch quotas for JSON patterns.
const MAX_REGEXES = 2;
const MAX_WILDCARD_SELECTORS = 3;

const COMPARISONS = new Set<string>(["=", "!=", "<", "<=", ">", ">="]);
const RELATIONAL = new Set<string>(["<", "<=", ">", ">="]);
const IS_KEYWORDS = new Map<string, PredicateKeyword>([
  ["NULL", "IS NULL"],
  ["TRUE", "IS TRUE"],
  ["FALSE", "IS FALSE"],
]);
const OPERATOR_EXPECTED = "an operator (=, !=, <, <=, >, >=), IS or NOT EXISTS after the selector";

/** Parses `{ ... }`; `&&` binds tighter than `||`, parentheses group. */
export function parseJsonPattern(pattern: string): JsonPatternAst {
  return new JsonPatternParser(pattern).parse();
}

class JsonPatternParser {
  private readonly tokens: Generator<Token, void, undefined>;
  private lookahead: Token | undefined;
  private regexes = 0;
  private wildcardSelectors = 0;

  constructor(private readonly pattern: string) {
    this.tokens = jsonTokens(pattern);
  }

  parse(): JsonPatternAst {
    this.next(); // the opening brace: the caller dispatched on it
    const expression = this.parseOr();
    this.expect("}", "'&&', '||' or '}'");
    this.expect("end", "end of pattern after '}'");
    return { kind: "json", expression };
  }

  private parseOr(): JsonExpression {
    const operands: JsonExpression[] = [];
    do {
      const operand = this.parseAnd();
      if (operand.type === "or") operands.push(...operand.operands);
      else operands.push(operand);
    } while (this.accept("||"));
    return operands.length === 1 ? operands[0] : { type: "or", operands };
  }

  private parseAnd(): JsonExpression {
    const operands: JsonExpression[] = [];
    do {
      const operand = this.parsePrimary();
      if (operand.type === "and") operands.push(...operand.operands);
      else operands.push(operand);
    } while (this.accept("&&"));
    return operands.length === 1 ? operands[0] : { type: "and", operands };
  }

  private parsePrimary(): JsonExpression {
    const token = this.next();
    if (token.type === "(") {
      const inner = this.parseOr();
      this.expect(")", "'&&', '||' or ')'");
      return inner;
    }
    if (token.type === "selector") return this.parseCondition(token.selector, token);
    throw this.error(token, "a selector such as $.eventName, or '('");
  }

  private parseCondition(selector: Selector, selectorToken: Token): JsonExpression {
    if (selector.steps.some((step) => step.kind === "wildcard")) {
      if (++this.wildcardSelectors > MAX_WILDCARD_SELECTORS) {
        throw this.error(selectorToken, "at most three wildcard selectors in a pattern (CloudWatch quota)");
      }
    }
    const token = this.next();
    if (COMPARISONS.has(token.type)) {
      const operator = token.type as ComparisonOperator;
      return { type: "comparison", selector, operator, value: this.parseValue(operator) };
    }
    if (token.type === "word" && token.text === "IS") return this.parseIs(selector);
    if (token.type === "word" && token.text === "NOT") {
      this.expectWord("EXISTS", "EXISTS after NOT");
      return { type: "predicate", selector, predicate: "NOT EXISTS" };
    }
    if (token.type === "word" && /^(is|not)$/i.test(token.text)) {
      throw this.error(token, OPERATOR_EXPECTED, "write keywords in upper case: IS NULL, NOT EXISTS");
    }
    if (token.type === "word" && token.text === "EXISTS") {
      throw this.error(
        token,
        OPERATOR_EXPECTED,
        "CloudWatch has NOT EXISTS but no EXISTS; use $.field = * instead",
      );
    }
    throw this.error(token, OPERATOR_EXPECTED);
  }

  private parseIs(selector: Selector): JsonPredicate {
    const token = this.next();
    const predicate = token.type === "word" ? IS_KEYWORDS.get(token.text) : undefined;
    if (predicate !== undefined) return { type: "predicate", selector, predicate };
    const fix = token.text === "NOT" ? "CloudWatch does not support IS NOT; use != or NOT EXISTS" : undefined;
    throw this.error(token, "NULL, TRUE or FALSE after IS", fix);
  }

  private parseValue(operator: ComparisonOperator): JsonValue {
    const token = this.next();
    if (RELATIONAL.has(operator)) {
      if (token.type === "word" && NUMBER_TEXT.test(token.text)) {
        return { type: "number", text: token.text, value: Number(token.text) };
      }
      const fix =
        token.type === "string" ? "numeric comparisons take a bare number, without quotes" : undefined;
      throw this.error(token, `a number after '${operator}'`, fix);
    }
    switch (token.type) {
      case "string":
        return { type: "string", text: token.text.slice(1, -1), quoted: true, segments: token.segments };
      case "regex":
        if (++this.regexes > MAX_REGEXES) {
          throw this.error(token, "at most two regexes in a JSON pattern (CloudWatch quota)");
        }
        return { type: "regex", source: token.source, re2Source: token.re2Source };
      case "word":
        if (NUMBER_TEXT.test(token.text))
          return { type: "number", text: token.text, value: Number(token.text) };
        return { type: "string", text: token.text, quoted: false, segments: token.text.split("*") };
    }
    const fix = token.type === "=" ? "compare with a single '='" : undefined;
    throw this.error(token, `a value after '${operator}'`, fix);
  }

  /** Lexes lazily, so a lexical problem after a grammar problem is not reported first. */
  private peek(): Token {
    if (this.lookahead === undefined) {
      const result = this.tokens.next();
      if (result.done) throw new Error("jsonTokens ended without an end token");
      this.lookahead = result.value;
    }
    return this.lookahead;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== "end") this.lookahead = undefined;
    return token;
  }

  private accept(type: Token["type"]): boolean {
    if (this.peek().type !== type) return false;
    this.next();
    return true;
  }

  private expect(type: Token["type"], expected: string): void {
    const token = this.next();
    if (token.type !== type) throw this.error(token, expected);
  }

  private expectWord(text: string, expected: string): void {
    const token = this.next();
    if (token.type !== "word" || token.text !== text) throw this.error(token, expected);
  }

  private error(token: Token, expected: string, fix?: string): FilterPatternSyntaxError {
    const found = token.type === "end" ? "end of pattern" : quoteFound(token.text);
    return new FilterPatternSyntaxError(columnAt(this.pattern, token.start), expected, found, fix);
  }
}

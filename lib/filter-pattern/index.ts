import { compileDelimitedPattern } from "./compile-delimited";
import { compileJsonPattern } from "./compile-json";
import { compileTermsPattern } from "./compile-terms";
import { parseFilterPattern } from "./parser";

export { FilterPatternSyntaxError } from "./errors";
export { parseFilterPattern } from "./parser";
export { splitDelimitedEvent } from "./compile-delimited";
export type * from "./ast";

export interface FilterMatcher {
  readonly source: string;
  readonly kind: "json" | "terms" | "delimited";
  /** Match a log event that is already parsed JSON (a CloudTrail record). Other patterns match its JSON text. */
  matchesRecord(record: unknown): boolean;
  /** Match a raw log event message (JSON text is parsed once for JSON patterns; non-JSON never matches them). */
  matchesMessage(message: string): boolean;
}

/** Parses and compiles a CloudWatch Logs filter pattern; throws FilterPatternSyntaxError when malformed. */
export function compileFilterPattern(pattern: string): FilterMatcher {
  const ast = parseFilterPattern(pattern);
  if (ast.kind === "json") {
    const test = compileJsonPattern(ast);
    return Object.freeze({
      source: pattern,
      kind: "json" as const,
      matchesRecord: test,
      matchesMessage: (message: string) => {
        let record: unknown;
        try {
          record = JSON.parse(message);
        } catch {
          return false;
        }
        return test(record);
      },
    });
  }
  const match = ast.kind === "delimited" ? compileDelimitedPattern(ast) : compileTermsPattern(ast);
  return Object.freeze({
    source: pattern,
    kind: ast.kind,
    matchesRecord: (record: unknown) => match(jsonText(record)),
    matchesMessage: match,
  });
}

/** The compact JSON text of a record; values JSON cannot represent have no text. */
function jsonText(record: unknown): string {
  try {
    return JSON.stringify(record) ?? "";
  } catch {
    return "";
  }
}

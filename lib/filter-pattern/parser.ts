import type { FilterPatternAst } from "./ast";
import { FilterPatternSyntaxError } from "./errors";
import { parseDelimitedPattern } from "./delimited-parser";
import { parseJsonPattern } from "./json-parser";
import { parseTermsPattern } from "./terms-parser";

// CloudWatch rejects longer filter patterns (PutMetricFilter / PutSubscriptionFilter limit).
const MAX_PATTERN_LENGTH = 1024;

/** A pattern starting with `{` is a JSON pattern, one starting with `[` a space-delimited one; else terms. */
export function parseFilterPattern(pattern: string): FilterPatternAst {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    const length = [...pattern].length;
    if (length > MAX_PATTERN_LENGTH) {
      throw new FilterPatternSyntaxError(
        MAX_PATTERN_LENGTH + 1,
        `at most ${MAX_PATTERN_LENGTH} characters (CloudWatch limit)`,
        `${length} characters`,
      );
    }
  }
  if (pattern.startsWith("{")) return parseJsonPattern(pattern);
  if (pattern.trimStart().startsWith("[")) return parseDelimitedPattern(pattern);
  return parseTermsPattern(pattern);
}

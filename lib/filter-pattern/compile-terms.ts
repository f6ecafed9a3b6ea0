import type { TermsPatternAst, TextTerm } from "./ast";
import type { TextMatcher } from "./glob";
import { compileRegex } from "./regex";

/**
 * Terms are case-sensitive substrings of the event text. Every plain term must occur and no `-` term may;
 * `?` terms are alternatives (one must occur), but CloudWatch ignores them once the pattern has any plain
 * or `-` term. A phrase of only whitespace (`""`, `" "`) matches every event.
 */
export function compileTermsPattern(ast: TermsPatternAst): TextMatcher {
  const [first] = ast.terms;
  if (first?.type === "regex") {
    const regex = compileRegex(first.regex.re2Source);
    return (text) => regex.test(text);
  }
  const textTerms = ast.terms.filter((term): term is TextTerm => term.type === "text");
  const required = texts(textTerms, "required");
  const excluded = texts(textTerms, "excluded");
  const hasOtherTerms = textTerms.some((term) => term.mode !== "optional");
  const optional = hasOtherTerms ? [] : texts(textTerms, "optional");
  if (optional.some(matchesEverything)) return () => true;
  const mustContain = required.filter((text) => !matchesEverything(text));
  return (text) => {
    for (const term of mustContain) if (!text.includes(term)) return false;
    for (const term of excluded) if (text.includes(term)) return false;
    if (optional.length === 0) return true;
    for (const term of optional) if (text.includes(term)) return true;
    return false;
  };
}

function texts(terms: readonly TextTerm[], mode: TextTerm["mode"]): string[] {
  return terms.filter((term) => term.mode === mode).map((term) => term.text);
}

function matchesEverything(text: string): boolean {
  return text.trim() === "";
}

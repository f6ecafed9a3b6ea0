export type TextMatcher = (text: string) => boolean;

/**
 * Matches text against literal `segments` that were separated by `*` wildcards. Each wildcard takes the
 * leftmost next occurrence of the following segment, which is enough for `*`-only globs: no backtracking,
 * so the cost stays linear in the text for a given pattern.
 */
export function compileGlob(segments: readonly string[]): TextMatcher {
  if (segments.length === 1) {
    const [exact] = segments;
    return (text) => text === exact;
  }
  const prefix = segments[0];
  const suffix = segments[segments.length - 1];
  const middles = segments.slice(1, -1).filter((segment) => segment !== "");
  if (middles.length === 0) return prefixSuffixMatcher(prefix, suffix);
  if (middles.length === 1 && prefix === "" && suffix === "") {
    const [inner] = middles;
    return (text) => text.includes(inner);
  }
  const fixedLength = prefix.length + suffix.length;
  return (text) => {
    if (text.length < fixedLength || !text.startsWith(prefix) || !text.endsWith(suffix)) return false;
    const limit = text.length - suffix.length;
    let from = prefix.length;
    for (const middle of middles) {
      const at = text.indexOf(middle, from);
      if (at < 0 || at + middle.length > limit) return false;
      from = at + middle.length;
    }
    return true;
  };
}

function prefixSuffixMatcher(prefix: string, suffix: string): TextMatcher {
  if (prefix === "" && suffix === "") return () => true;
  if (suffix === "") return (text) => text.startsWith(prefix);
  if (prefix === "") return (text) => text.endsWith(suffix);
  const fixedLength = prefix.length + suffix.length;
  return (text) => text.length >= fixedLength && text.startsWith(prefix) && text.endsWith(suffix);
}

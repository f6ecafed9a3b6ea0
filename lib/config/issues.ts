import type { z } from "zod";

type PathKey = PropertyKey;

/** `["accounts", 3, "state"]` → `accounts[3].state`, appended to an optional prefix. */
export function formatPath(path: readonly PathKey[], prefix = ""): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" || out.endsWith(":") ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(top level)" : out;
}

/** The value found at `path` inside `root`, or `undefined` when the path leaves the document. */
export function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** A short, single-line rendering of a user-supplied value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // A cycle, or nesting too deep to stringify (String() of nested arrays recurses just as deep).
    if (Array.isArray(value)) text = "an array";
    else text = value !== null && typeof value === "object" ? "an object" : String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Turns zod issues into one line each: `<path>: <what is wrong> (got <value>)`. Unknown keys are reported
 * per key, with its full path, so a typo points at itself.
 */
export function formatIssues(issues: readonly z.core.$ZodIssue[], root: unknown, prefix = ""): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        lines.push(`${formatPath([...issue.path, key], prefix)}: unknown key; remove it or fix its spelling`);
      }
      continue;
    }
    if (issue.code === "invalid_union" && issue.errors.length > 0 && issue.message === "Invalid input") {
      // A branch's issues are relative to the union's own position in the document.
      const branch = issue.errors[0].map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }));
      lines.push(...formatIssues(branch, root, prefix));
      continue;
    }
    if (issue.code === "invalid_key") {
      // The bad value is the key itself, not the value stored under it.
      const where = formatPath(issue.path.slice(0, -1), prefix);
      const key = issue.path[issue.path.length - 1];
      for (const inner of issue.issues) {
        lines.push(`${where}: ${expectation(inner.message)} (got ${describeValue(key)})`);
      }
      continue;
    }
    const got = valueAt(root, issue.path);
    const where = formatPath(issue.path, prefix);
    lines.push(`${where}: ${expectation(issue.message)} (got ${describeValue(got)})`);
  }
  return lines;
}

function expectation(zodMessage: string): string {
  const message = zodMessage.replace(/^(Invalid (input|option|type)?|Too (small|big)):?\s*/, "");
  return /^(a|an|at|one of|matching|[<>]=?|\d)\b/.test(message) ? `expected ${message}` : message;
}

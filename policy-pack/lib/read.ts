import { isUnknown } from "./unknown";

/**
 * The value at a property path, e.g. `["rule", "defaultRetention", "days"]`. An unknown value anywhere
 * on the way is returned as is, so callers can tell "not set" from "not known yet".
 */
export function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let current = root;
  for (const key of path) {
    if (isUnknown(current)) return current;
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

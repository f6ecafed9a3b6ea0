import { UnknownValueError } from "@pulumi/policy";

/**
 * The strings the Pulumi engine sends in place of values that are not known during preview, one per
 * value kind (they are the `unknown*Value` sentinels of @pulumi/policy, which does not export them).
 */
export const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
  UNKNOWN_STRING,
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
  "030794c1-ac77-496b-92df-f27374a8bd58", // asset
  "e48ece36-62e2-4504-bad9-02848725956a", // archive
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

export function isUnknown(value: unknown): boolean {
  return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

/** True when the value, or anything nested inside it, is not known yet. */
export function containsUnknown(value: unknown): boolean {
  if (isUnknown(value)) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (value !== null && typeof value === "object") return Object.values(value).some(containsUnknown);
  return false;
}

/**
 * A plain copy of resource properties as @pulumi/policy hands them over. The SDK wraps them in a proxy
 * that throws on every read of an unknown value, which would abort the whole policy; the copy keeps the
 * sentinel instead, so each rule can say precisely what it cannot judge yet.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  const source = value as Record<PropertyKey, unknown>;
  // Indices are read one by one: Array methods would read every element through the proxy themselves.
  if (Array.isArray(value))
    return Array.from({ length: value.length }, (_, index) => readPlain(source, index));
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = readPlain(source, key);
  return copy;
}

export function toPlainProps(props: unknown): Record<string, unknown> {
  const plain = toPlain(props);
  return plain !== null && typeof plain === "object" && !Array.isArray(plain)
    ? (plain as Record<string, unknown>)
    : {};
}

function readPlain(source: Record<PropertyKey, unknown>, key: PropertyKey): unknown {
  try {
    return toPlain(source[key]);
  } catch (error) {
    if (error instanceof UnknownValueError) {
      const sentinel: unknown = (error as { unknownTypeSentinel?: unknown }).unknownTypeSentinel;
      return isUnknown(sentinel) ? sentinel : UNKNOWN_STRING;
    }
    throw error;
  }
}

import { s3ResourceCoverage } from "./arn";

export type PolicyDocumentVerdict = "denies-insecure-transport" | "allows-insecure-transport" | "invalid";

/**
 * Whether a bucket policy document (JSON text or object) has a blanket Deny for requests without TLS:
 * Effect Deny, Principal "*", Action s3:* (or *), Condition aws:SecureTransport false and nothing else,
 * on the bucket and all its objects.
 */
export function judgeTransportPolicy(document: unknown, bucket: string): PolicyDocumentVerdict {
  const parsed = typeof document === "string" ? parseJson(document) : document;
  if (parsed === null || typeof parsed !== "object") return "invalid";
  const statements = listOf((parsed as { Statement?: unknown }).Statement);
  return statements.some((statement) => deniesInsecureTransport(statement, bucket))
    ? "denies-insecure-transport"
    : "allows-insecure-transport";
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A policy field's values; a missing or null field becomes one item that no check accepts. */
function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function deniesInsecureTransport(statement: unknown, bucket: string): boolean {
  if (statement === null || typeof statement !== "object") return false;
  const s = statement as Record<string, unknown>;
  if (s.Effect !== "Deny" || "NotPrincipal" in s || "NotAction" in s || "NotResource" in s) return false;
  return (
    everyone(s.Principal) &&
    allS3Actions(s.Action) &&
    onlyInsecureTransport(s.Condition) &&
    wholeBucket(s.Resource, bucket)
  );
}

function everyone(principal: unknown): boolean {
  if (principal === "*") return true;
  return listOf((principal as { AWS?: unknown } | null | undefined)?.AWS).includes("*");
}

function allS3Actions(action: unknown): boolean {
  return listOf(action).some(
    (item) => typeof item === "string" && ["s3:*", "*"].includes(item.toLowerCase()),
  );
}

/** The condition must be aws:SecureTransport = false alone; any other key would narrow the Deny. */
function onlyInsecureTransport(condition: unknown): boolean {
  if (condition === null || typeof condition !== "object") return false;
  const blocks = Object.entries(condition as Record<string, unknown>);
  if (blocks.length !== 1) return false;
  const [operator, keys] = blocks[0];
  if (!["Bool", "BoolIfExists"].includes(operator)) return false;
  // Stryker disable next-line ConditionalExpression: a string or number has no key named aws:SecureTransport, so the checks below refuse it anyway
  if (keys === null || typeof keys !== "object") return false;
  const entries = Object.entries(keys as Record<string, unknown>);
  if (entries.length !== 1) return false;
  const [key, value] = entries[0];
  const values = listOf(value).map((item) => String(item).toLowerCase());
  return (
    key.toLowerCase() === "aws:securetransport" &&
    values.length > 0 &&
    values.every((item) => item === "false")
  );
}

function wholeBucket(resource: unknown, bucket: string): boolean {
  const coverage = listOf(resource)
    .filter((item): item is string => typeof item === "string")
    .map((pattern) => s3ResourceCoverage(pattern, bucket));
  return coverage.some((c) => c.bucket) && coverage.some((c) => c.objects);
}

import { containsUnknown } from "./unknown";
import type { TrailProps } from "./trail";

/** One advanced event selector field, as the trail's `advancedEventSelectors[].fieldSelectors[]` holds it. */
interface FieldSelector {
  readonly field?: unknown;
  readonly equals?: unknown;
  readonly notEquals?: unknown;
  readonly startsWiths?: unknown;
  readonly notStartsWiths?: unknown;
  readonly endsWiths?: unknown;
  readonly notEndsWiths?: unknown;
}

const OPERATORS = [
  "equals",
  "notEquals",
  "startsWiths",
  "notStartsWiths",
  "endsWiths",
  "notEndsWiths",
] as const;

export type Selectors =
  | { readonly kind: "unknown" }
  | { readonly kind: "advanced"; readonly selectors: readonly (readonly FieldSelector[])[] }
  | { readonly kind: "basic"; readonly selectors: readonly Readonly<Record<string, unknown>>[] }
  | { readonly kind: "default" };

/**
 * Which selector style the trail uses. CloudTrail keeps one style at a time; a trail with neither logs
 * all management events, read and write, and no data events.
 */
export function selectorsOf(trail: TrailProps): Selectors {
  const advanced = trail.advancedEventSelectors;
  const basic = trail.eventSelectors;
  if (containsUnknown(advanced) || containsUnknown(basic)) return { kind: "unknown" };
  if (Array.isArray(advanced) && advanced.length > 0) {
    return { kind: "advanced", selectors: advanced.map((selector) => fieldSelectorsOf(selector)) };
  }
  if (Array.isArray(basic) && basic.length > 0) {
    return { kind: "basic", selectors: basic.filter(isRecord) };
  }
  return { kind: "default" };
}

function fieldSelectorsOf(selector: unknown): FieldSelector[] {
  const fields = isRecord(selector) ? selector.fieldSelectors : undefined;
  return Array.isArray(fields) ? fields.filter(isRecord) : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/**
 * Keys of a field selector that are neither `field` nor an operator the provider knows, e.g. the singular
 * `notStartsWith`. The provider would not send them to CloudTrail, so a selector relying on one selects
 * more (or less) than its author meant: it never counts as an exclusion.
 */
function unknownOperatorsOf(field: FieldSelector): string[] {
  return Object.keys(field).filter(
    (key) => key !== "field" && !(OPERATORS as readonly string[]).includes(key),
  );
}

/** The operators a field selector uses, e.g. `eventSource notEquals [kms.amazonaws.com]`. */
function describeField(field: FieldSelector): string {
  const unknown = unknownOperatorsOf(field);
  if (unknown.length > 0) {
    return `${String(field.field)} uses unknown operator ${unknown.join(", ")} (known: ${OPERATORS.join(", ")})`;
  }
  const used = OPERATORS.filter((operator) => strings(field[operator]).length > 0).map(
    (operator) => `${operator} [${strings(field[operator]).join(", ")}]`,
  );
  return `${String(field.field)} ${used.join(" ")}`.trim();
}

function fieldNamed(selector: readonly FieldSelector[], name: string): FieldSelector | undefined {
  return selector.find((field) => field.field === name);
}

/** Which read-only values (`"true"` = reads, `"false"` = writes) an advanced selector keeps. */
function readOnlyScope(selector: readonly FieldSelector[]): { reads: boolean; writes: boolean } {
  const readOnly = fieldNamed(selector, "readOnly");
  if (!readOnly) return { reads: true, writes: true };
  const kept = strings(readOnly.equals);
  const dropped = strings(readOnly.notEquals);
  const keeps = (value: string) => (kept.length === 0 || kept.includes(value)) && !dropped.includes(value);
  return { reads: keeps("true"), writes: keeps("false") };
}

export interface ManagementCoverage {
  readonly reads: boolean;
  readonly writes: boolean;
  /** Conditions that narrow otherwise matching management selectors, e.g. excluded event sources. */
  readonly narrowedBy: readonly string[];
}

/** Whether the trail captures every management event, read and write, from every event source. */
export function managementCoverage(selectors: Exclude<Selectors, { kind: "unknown" }>): ManagementCoverage {
  switch (selectors.kind) {
    case "default":
      return { reads: true, writes: true, narrowedBy: [] };
    case "basic":
      return basicManagementCoverage(selectors.selectors);
    case "advanced":
      return advancedManagementCoverage(selectors.selectors);
  }
}

function basicManagementCoverage(
  selectors: readonly Readonly<Record<string, unknown>>[],
): ManagementCoverage {
  let reads = false;
  let writes = false;
  const narrowedBy: string[] = [];
  for (const selector of selectors) {
    if (selector.includeManagementEvents === false) continue;
    const excluded = strings(selector.excludeManagementEventSources);
    if (excluded.length > 0) {
      narrowedBy.push(`excludeManagementEventSources [${excluded.join(", ")}]`);
      continue;
    }
    const type = typeof selector.readWriteType === "string" ? selector.readWriteType : "All";
    reads ||= type === "All" || type === "ReadOnly";
    writes ||= type === "All" || type === "WriteOnly";
  }
  return { reads, writes, narrowedBy };
}

function advancedManagementCoverage(selectors: readonly (readonly FieldSelector[])[]): ManagementCoverage {
  let reads = false;
  let writes = false;
  const narrowedBy: string[] = [];
  for (const selector of selectors) {
    const category = fieldNamed(selector, "eventCategory");
    if (!category || !strings(category.equals).includes("Management")) continue;
    const narrowing = selector.filter(
      (field) =>
        (field.field !== "eventCategory" && field.field !== "readOnly") ||
        unknownOperatorsOf(field).length > 0,
    );
    if (narrowing.length > 0) {
      narrowedBy.push(...narrowing.map(describeField));
      continue;
    }
    const scope = readOnlyScope(selector);
    reads ||= scope.reads;
    writes ||= scope.writes;
  }
  return { reads, writes, narrowedBy };
}

export interface DataEventCoverage {
  readonly covered: boolean;
  /** Why matching selectors fall short, e.g. "resources.ARN startsWith [arn:aws:s3:::one-bucket/]". */
  readonly shortfalls: readonly string[];
}

/**
 * Exclusions that stay within named buckets: excluding the trail's own bucket avoids a logging loop.
 * `notEndsWiths`, or a value shorter than `arn:<partition>:s3:::<bucket>/`, skips objects of every bucket.
 */
const BUCKET_EXCLUDING_OPERATORS = ["notEquals", "notStartsWiths"] as const;
const WITHIN_A_NAMED_BUCKET = /^arn:[^:]+:s3:::[^/]+\//;

/** Whether the trail logs write data events (PutObject, DeleteObject, ...) for all S3 objects. */
export function s3WriteDataCoverage(selectors: Exclude<Selectors, { kind: "unknown" }>): DataEventCoverage {
  switch (selectors.kind) {
    case "default":
      return { covered: false, shortfalls: [] };
    case "basic":
      return basicS3WriteCoverage(selectors.selectors);
    case "advanced":
      return advancedS3WriteCoverage(selectors.selectors);
  }
}

function basicS3WriteCoverage(selectors: readonly Readonly<Record<string, unknown>>[]): DataEventCoverage {
  const shortfalls: string[] = [];
  for (const selector of selectors) {
    const resources = Array.isArray(selector.dataResources) ? selector.dataResources.filter(isRecord) : [];
    for (const resource of resources) {
      if (resource.type !== "AWS::S3::Object") continue;
      const values = strings(resource.values);
      const allBuckets = values.some((value) => /^arn:[^:]+:s3(:::)?$/.test(value));
      if (!allBuckets) shortfalls.push(`dataResources values [${values.join(", ")}] name single buckets`);
      else if (selector.readWriteType === "ReadOnly") shortfalls.push("readWriteType ReadOnly");
      else return { covered: true, shortfalls: [] };
    }
  }
  return { covered: false, shortfalls };
}

function advancedS3WriteCoverage(selectors: readonly (readonly FieldSelector[])[]): DataEventCoverage {
  const shortfalls: string[] = [];
  for (const selector of selectors) {
    const category = fieldNamed(selector, "eventCategory");
    const resourceType = fieldNamed(selector, "resources.type");
    if (!category || !strings(category.equals).includes("Data")) continue;
    if (!resourceType || !strings(resourceType.equals).includes("AWS::S3::Object")) continue;
    const narrowing = selector.filter(
      (field) =>
        unknownOperatorsOf(field).length > 0 ||
        (!["eventCategory", "resources.type", "readOnly"].includes(String(field.field)) &&
          !(field.field === "resources.ARN" && onlyExcludes(field))),
    );
    if (narrowing.length > 0) {
      shortfalls.push(...narrowing.map(describeField));
    } else if (!readOnlyScope(selector).writes) {
      shortfalls.push(describeField(fieldNamed(selector, "readOnly") ?? {}));
    } else {
      return { covered: true, shortfalls: [] };
    }
  }
  return { covered: false, shortfalls };
}

function onlyExcludes(field: FieldSelector): boolean {
  return OPERATORS.every((operator) => {
    const values = strings(field[operator]);
    if (values.length === 0) return true;
    return (
      (BUCKET_EXCLUDING_OPERATORS as readonly string[]).includes(operator) &&
      values.every((value) => WITHIN_A_NAMED_BUCKET.test(value))
    );
  });
}

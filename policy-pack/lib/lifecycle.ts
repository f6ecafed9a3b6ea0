import { asArray, valueAt } from "./read";
import { containsUnknown } from "./unknown";

/** A lifecycle rule in the shape shared by aws.s3.BucketLifecycleConfiguration and the bucket's inline rules. */
export interface ExpiryRule {
  readonly id: string;
  readonly enabled: boolean;
  readonly expirationDays: number | undefined;
  readonly expirationDate: string | undefined;
  readonly noncurrentDays: number | undefined;
}

export function rulesOfConfiguration(props: Readonly<Record<string, unknown>>): ExpiryRule[] | "unknown" {
  if (containsUnknown(props.rules)) return "unknown";
  return asArray(props.rules).map((rule, index) => ({
    id: idOf(valueAt(rule, ["id"]), index),
    enabled: valueAt(rule, ["status"]) === "Enabled",
    expirationDays: numberOrUndefined(valueAt(rule, ["expiration", "days"])),
    expirationDate: stringOrUndefined(valueAt(rule, ["expiration", "date"])),
    noncurrentDays: numberOrUndefined(valueAt(rule, ["noncurrentVersionExpiration", "noncurrentDays"])),
  }));
}

/** The deprecated inline `lifecycleRules` of the bucket itself. */
export function rulesOfBucket(props: Readonly<Record<string, unknown>>): ExpiryRule[] | "unknown" {
  if (containsUnknown(props.lifecycleRules)) return "unknown";
  return asArray(props.lifecycleRules).map((rule, index) => ({
    id: idOf(valueAt(rule, ["id"]), index),
    enabled: valueAt(rule, ["enabled"]) === true,
    expirationDays: numberOrUndefined(valueAt(rule, ["expiration", "days"])),
    expirationDate: stringOrUndefined(valueAt(rule, ["expiration", "date"])),
    noncurrentDays: numberOrUndefined(valueAt(rule, ["noncurrentVersionExpiration", "days"])),
  }));
}

/**
 * What an enabled rule deletes too early: current objects younger than `days`, everything on a fixed
 * date, or noncurrent versions sooner than `days` after they were replaced, unless `lockHoldsVersions`:
 * a default Object Lock retention of at least `days` keeps lifecycle from deleting any version before
 * then ("Object Lock considerations", section "Managing S3 Lifecycle policies with Object Lock").
 */
export function earlyExpiries(rule: ExpiryRule, days: number, lockHoldsVersions = false): string[] {
  if (!rule.enabled) return [];
  const problems: string[] = [];
  if (rule.expirationDays !== undefined && rule.expirationDays > 0 && rule.expirationDays < days) {
    problems.push(`expires objects after ${rule.expirationDays} days`);
  }
  if (rule.expirationDate !== undefined && rule.expirationDate !== "") {
    problems.push(`expires objects of any age on ${rule.expirationDate}`);
  }
  const early = rule.noncurrentDays !== undefined && rule.noncurrentDays > 0 && rule.noncurrentDays < days;
  if (early && !lockHoldsVersions) {
    problems.push(`expires noncurrent versions after ${rule.noncurrentDays} days`);
  }
  return problems;
}

function idOf(id: unknown, index: number): string {
  return typeof id === "string" && id !== "" ? id : `#${index + 1}`;
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

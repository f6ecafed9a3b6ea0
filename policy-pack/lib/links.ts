import { isUnknown } from "./unknown";
import { type Stack, type StackResource, dependenciesOf, ofType, referenceOf } from "./stack";

/** Where a reference from one resource to another leads. */
export type Link =
  | { readonly kind: "found"; readonly resource: StackResource }
  | { readonly kind: "unknown" }
  | { readonly kind: "outside"; readonly value: string }
  | { readonly kind: "absent" };

/** Whether a candidate is the one a reference value names; "unknown" when its own identity is not known yet. */
export type Matcher = (candidate: StackResource, value: string) => boolean | "unknown";

/**
 * Follows `from.props[property]` to a resource of one of `tokens`. Values are compared when known; in
 * preview, when the value is still unknown, the engine's property dependencies name the source instead.
 */
export function follow(
  stack: Stack,
  from: StackResource,
  property: string,
  tokens: readonly string[],
  matches: Matcher,
): Link {
  const reference = referenceOf(from, property);
  if (reference.kind === "absent") return { kind: "absent" };
  if (reference.kind === "unknown") {
    const [source] = dependenciesOf(stack, from, property, tokens);
    return source ? { kind: "found", resource: source } : { kind: "unknown" };
  }
  const candidates = ofType(stack, tokens);
  const hit = candidates.find((candidate) => matches(candidate, reference.value) === true);
  if (hit) return { kind: "found", resource: hit };
  if (candidates.some((candidate) => matches(candidate, reference.value) === "unknown"))
    return { kind: "unknown" };
  return { kind: "outside", value: reference.value };
}

/** Compares a known reference value with a candidate property that may itself be unknown. */
export function propertyEquals(
  candidate: StackResource,
  property: string,
  value: string,
): boolean | "unknown" {
  const own = candidate.props[property];
  if (isUnknown(own)) return "unknown";
  return own === value;
}

/** The settings resources (versioning, policy, ...) that apply to a bucket, linked by bucket name. */
export interface LinkedSettings {
  readonly linked: readonly StackResource[];
  /** Settings whose bucket cannot be told yet; they might belong to this bucket. */
  readonly undetermined: readonly StackResource[];
}

export function settingsOf(stack: Stack, bucket: StackResource, tokens: readonly string[]): LinkedSettings {
  const bucketName = bucket.props.bucket;
  const linked: StackResource[] = [];
  const undetermined: StackResource[] = [];
  for (const setting of ofType(stack, tokens)) {
    const dependsOnBucket = setting.propertyDependencies.bucket ?? [];
    const reference = referenceOf(setting, "bucket");
    if (reference.kind === "absent") continue;
    if (dependsOnBucket.includes(bucket.urn)) {
      linked.push(setting);
    } else if (reference.kind === "value" && typeof bucketName === "string" && !isUnknown(bucketName)) {
      if (reference.value === bucketName) linked.push(setting);
    } else if (dependsOnBucket.length === 0) {
      undetermined.push(setting);
    }
  }
  return { linked, undetermined };
}

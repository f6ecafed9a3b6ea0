import { settingsOf } from "./links";
import { valueAt } from "./read";
import { BUCKET_OBJECT_LOCK } from "./resource-types";
import type { Stack, StackResource } from "./stack";
import { isUnknown } from "./unknown";

export interface DefaultRetention {
  readonly mode: string | undefined;
  /** `years` count as 365 days each, the way S3 documents them. */
  readonly days: number | undefined;
}

export type ObjectLock =
  | { readonly kind: "unknown"; readonly what: string }
  | { readonly kind: "disabled" }
  | { readonly kind: "enabled"; readonly retention: DefaultRetention | undefined };

/**
 * A bucket's Object Lock state, from its aws.s3.BucketObjectLockConfiguration when there is one, else
 * from the (deprecated) inline settings of the bucket. Enabling Object Lock through the configuration
 * resource alone is valid: S3 accepts it on an existing versioned bucket.
 */
export function objectLockOf(stack: Stack, bucket: StackResource): ObjectLock {
  const { linked, undetermined } = settingsOf(stack, bucket, BUCKET_OBJECT_LOCK);
  if (linked.length > 0) {
    const configuration = linked[0].props;
    const state = configuration.objectLockEnabled ?? "Enabled";
    if (isUnknown(state)) return { kind: "unknown", what: "`objectLockEnabled`" };
    if (state !== "Enabled") return { kind: "disabled" };
    return retentionOf(valueAt(configuration, ["rule", "defaultRetention"]));
  }
  if (undetermined.length > 0) {
    return { kind: "unknown", what: "which bucket the Object Lock configuration belongs to" };
  }
  const flag = bucket.props.objectLockEnabled;
  const inline = bucket.props.objectLockConfiguration;
  const inlineState = valueAt(inline, ["objectLockEnabled"]);
  if (isUnknown(flag) || isUnknown(inlineState)) return { kind: "unknown", what: "`objectLockEnabled`" };
  if (flag !== true && inlineState !== "Enabled") return { kind: "disabled" };
  return retentionOf(valueAt(inline, ["rule", "defaultRetention"]));
}

function retentionOf(defaultRetention: unknown): ObjectLock {
  // An unknown defaultRetention needs no test of its own: valueAt passes the sentinel on to mode below.
  if (defaultRetention === undefined || defaultRetention === null)
    return { kind: "enabled", retention: undefined };
  const mode = valueAt(defaultRetention, ["mode"]);
  const days = valueAt(defaultRetention, ["days"]);
  const years = valueAt(defaultRetention, ["years"]);
  if (isUnknown(mode) || isUnknown(days) || isUnknown(years)) {
    return { kind: "unknown", what: "the default retention" };
  }
  const totalDays = typeof days === "number" ? days : typeof years === "number" ? years * 365 : undefined;
  return {
    kind: "enabled",
    retention: { mode: typeof mode === "string" ? mode : undefined, days: totalDays },
  };
}

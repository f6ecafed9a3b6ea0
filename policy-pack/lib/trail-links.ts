import { kmsAliasNameOf, kmsKeyIdOf, logGroupNameFromArn, withoutTrailingWildcard } from "./arn";
import { type Link, follow, propertyEquals } from "./links";
import { BUCKET, KMS_ALIAS, KMS_KEY, LOG_GROUP } from "./resource-types";
import type { Stack, StackResource } from "./stack";

/** The archive bucket a trail delivers to, linked by `s3BucketName` == the bucket's `bucket`. */
export function trailBucket(stack: Stack, trail: StackResource): Link {
  return follow(stack, trail, "s3BucketName", BUCKET, (bucket, name) =>
    propertyEquals(bucket, "bucket", name),
  );
}

/** The log group a trail sends to; `cloudWatchLogsGroupArn` is the group ARN with a `:*` suffix. */
export function trailLogGroup(stack: Stack, trail: StackResource): Link {
  return follow(stack, trail, "cloudWatchLogsGroupArn", LOG_GROUP, (group, arn) => {
    const name = logGroupNameFromArn(arn);
    // The name is known in preview already; the ARN only once the group exists.
    return name === undefined
      ? propertyEquals(group, "arn", withoutTrailingWildcard(arn))
      : propertyEquals(group, "name", name);
  });
}

/**
 * The KMS key a trail encrypts with. `kmsKeyId` may name the key by ARN or id, or go through an alias
 * (name or ARN); an alias is followed to its target key.
 */
export function trailKey(stack: Stack, trail: StackResource): Link {
  const direct = follow(stack, trail, "kmsKeyId", KMS_KEY, keyMatches);
  if (direct.kind !== "outside" && direct.kind !== "unknown") return direct;
  const viaAlias = follow(stack, trail, "kmsKeyId", KMS_ALIAS, aliasMatches);
  if (viaAlias.kind !== "found") return direct.kind === "unknown" ? direct : viaAlias;
  return aliasTarget(stack, viaAlias.resource);
}

function aliasTarget(stack: Stack, alias: StackResource): Link {
  const byId = follow(stack, alias, "targetKeyId", KMS_KEY, keyMatches);
  return byId.kind === "absent" ? follow(stack, alias, "targetKeyArn", KMS_KEY, keyMatches) : byId;
}

function keyMatches(key: StackResource, reference: string): boolean | "unknown" {
  const byArn = propertyEquals(key, "arn", reference);
  if (byArn === true) return true;
  const byId = propertyEquals(key, "keyId", kmsKeyIdOf(reference));
  if (byId === true) return true;
  return byArn === "unknown" || byId === "unknown" ? "unknown" : false;
}

function aliasMatches(alias: StackResource, reference: string): boolean | "unknown" {
  const byArn = propertyEquals(alias, "arn", reference);
  if (byArn === true) return true;
  const byName = propertyEquals(alias, "name", kmsAliasNameOf(reference));
  if (byName === true) return true;
  return byArn === "unknown" || byName === "unknown" ? "unknown" : false;
}

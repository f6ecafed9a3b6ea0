import { NO_CONFIG } from "../lib/config";
import { follow, propertyEquals } from "../lib/links";
import type { PolicyMeta } from "../lib/metadata";
import { objectLockOf } from "../lib/object-lock";
import { valueAt } from "../lib/read";
import { BUCKET, BUCKET_LOGGING } from "../lib/resource-types";
import { type Finding, type RuleResult, compliant, nonCompliant, notKnownYet } from "../lib/result";
import { type Stack, type StackResource, label } from "../lib/stack";
import { type BucketContext, bucketTitle, checkTrailBuckets } from "../lib/trail-bucket";
import { isUnknown } from "../lib/unknown";
import { stackPolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "trail-bucket-access-logging",
  description:
    "S3 server access logging records every request to the trail's log archive bucket, in a separate bucket.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps:
    "Add an aws.s3.BucketLogging for the archive bucket whose `targetBucket` is a separate access-log bucket without Object Lock (S3 cannot deliver access logs to a bucket with Object Lock).",
  securityHub: ["CloudTrail.7", "S3.9"],
  cis: ["v1.4.0/3.6", "v3.0.0/3.4"],
};

export function checkBucketAccessLogging(stack: Stack): Finding[] {
  return checkTrailBuckets(stack, judgeLogging);
}

function judgeLogging(context: BucketContext): RuleResult {
  const { bucket, title, settings } = context;
  const { linked, undetermined } = settings(BUCKET_LOGGING);
  if (linked.length > 0) return judgeTarget(context, linked[0], "targetBucket");
  if (undetermined.length > 0) return notKnownYet(`which bucket ${label(undetermined[0])} logs`);
  const inline = valueAt(bucket.props, ["logging"]);
  if (isUnknown(inline)) return notKnownYet(`the access logging of ${title}`);
  if (inline !== null && typeof inline === "object") {
    const view = { ...bucket, props: inline as Record<string, unknown> };
    return judgeTarget(context, view, "targetBucket");
  }
  return nonCompliant(
    `${title} has no server access logging; add an aws.s3.BucketLogging to a separate bucket`,
  );
}

function judgeTarget(
  { stack, bucket, title }: BucketContext,
  logging: StackResource,
  property: string,
): RuleResult {
  const target = follow(stack, logging, property, [...BUCKET], (candidate, name) =>
    propertyEquals(candidate, "bucket", name),
  );
  switch (target.kind) {
    case "absent":
      return nonCompliant(`${title} logs to no target bucket; set \`targetBucket\` to a separate bucket`);
    case "unknown":
      return notKnownYet(`the access-log target bucket of ${title}`);
    // A bucket another stack manages; had the name been the archive's own, follow would have found it.
    case "outside":
      return compliant();
    case "found":
      return judgeTargetBucket(stack, bucket, title, target.resource);
  }
}

function judgeTargetBucket(
  stack: Stack,
  bucket: StackResource,
  title: string,
  target: StackResource,
): RuleResult {
  if (target.urn === bucket.urn) {
    return nonCompliant(`${title} writes its access logs into itself; use a separate bucket`);
  }
  const lock = objectLockOf(stack, target);
  if (lock.kind === "unknown")
    return notKnownYet(`whether access-log ${bucketTitle(target)} has Object Lock`);
  if (lock.kind === "enabled") {
    return nonCompliant(
      `${title} sends access logs to ${bucketTitle(target)}, which has Object Lock, so S3 cannot deliver them; use a target bucket without Object Lock`,
    );
  }
  return compliant();
}

export const trailBucketAccessLogging = stackPolicy(meta, NO_CONFIG, checkBucketAccessLogging);

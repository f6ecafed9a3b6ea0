import type { s3 } from "@pulumi/aws/types/input";
import type { Unwrap } from "@pulumi/pulumi";
import type { LogArchiveConfig } from "../config/validate";

/** One lifecycle rule: the provider's own input type, with plain values. */
export type LifecycleRule = Unwrap<s3.BucketLifecycleConfigurationRule>;
type Transition = NonNullable<LifecycleRule["transitions"]>[number];

/** Multipart uploads CloudTrail abandoned are invisible but billed; a week is ample to finish one. */
export const ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS = 7;

/**
 * Days a log version stays noncurrent before S3 deletes it for good. In a versioned bucket, expiring a
 * log only adds a delete marker and makes the log version noncurrent ("Expiring objects", S3 user guide);
 * this is what deletes it, one day later. Object Lock keeps lifecycle from deleting a version that is
 * still locked ("Object Lock considerations", section "Managing S3 Lifecycle policies with Object Lock").
 */
export const NONCURRENT_DELETION_DAYS = 1;

/**
 * The archive bucket's lifecycle: transitions per config and, only when `expireAfterDays` is set, the
 * expiry (validation has made sure it is not before the lock retention) with the permanent deletion of
 * the expired version {@link NONCURRENT_DELETION_DAYS} day later. Without an expiry nothing is ever
 * deleted: not even a version someone made noncurrent with a delete marker.
 */
export function archiveLifecycleRules(lifecycle: LogArchiveConfig["lifecycle"]): LifecycleRule[] {
  const transitions: Transition[] = [];
  if (lifecycle.infrequentAccessAfterDays !== undefined)
    transitions.push({ days: lifecycle.infrequentAccessAfterDays, storageClass: "STANDARD_IA" });
  if (lifecycle.glacierAfterDays !== undefined)
    transitions.push({ days: lifecycle.glacierAfterDays, storageClass: "GLACIER" });
  if (lifecycle.deepArchiveAfterDays !== undefined)
    transitions.push({ days: lifecycle.deepArchiveAfterDays, storageClass: "DEEP_ARCHIVE" });
  return [
    {
      id: "archive-trail-logs",
      status: "Enabled",
      filter: {},
      ...(transitions.length > 0 ? { transitions } : {}),
      ...(lifecycle.expireAfterDays !== undefined
        ? {
            expiration: { days: lifecycle.expireAfterDays },
            noncurrentVersionExpiration: { noncurrentDays: NONCURRENT_DELETION_DAYS },
          }
        : {}),
      abortIncompleteMultipartUpload: { daysAfterInitiation: ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS },
    },
  ];
}

/** Access logs are for investigations of recent access: a year, then gone. */
export const ACCESS_LOG_RETENTION_DAYS = 365;

export function accessLogLifecycleRules(): LifecycleRule[] {
  return [
    {
      id: "expire-access-logs",
      status: "Enabled",
      filter: {},
      expiration: { days: ACCESS_LOG_RETENTION_DAYS },
      noncurrentVersionExpiration: { noncurrentDays: 30 },
      abortIncompleteMultipartUpload: { daysAfterInitiation: ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS },
    },
  ];
}

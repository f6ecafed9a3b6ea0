import type { LogArchiveConfig } from "../config/validate";

export interface LifecycleRule {
  id: string;
  status: "Enabled";
  filter: Record<string, never>;
  transitions?: { days: number; storageClass: "STANDARD_IA" | "GLACIER" | "DEEP_ARCHIVE" }[];
  expiration?: { days: number };
  noncurrentVersionExpiration?: { noncurrentDays: number };
  abortIncompleteMultipartUpload: { daysAfterInitiation: number };
}

/** Multipart uploads CloudTrail abandoned are invisible but billed; a week is ample to finish one. */
export const ABORT_INCOMPLETE_UPLOADS_AFTER_DAYS = 7;

/**
 * The archive bucket's lifecycle: transitions per config, expiry only if configured (validation has
 * made sure it is not before the lock retention), and noncurrent versions kept at least as long as the
 * lock retention, so a lifecycle rule never deletes what Object Lock still protects.
 */
export function archiveLifecycleRules(
  lifecycle: LogArchiveConfig["lifecycle"],
  retentionDays: number,
): LifecycleRule[] {
  const transitions: NonNullable<LifecycleRule["transitions"]> = [];
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
      ...(lifecycle.expireAfterDays !== undefined ? { expiration: { days: lifecycle.expireAfterDays } } : {}),
      noncurrentVersionExpiration: {
        noncurrentDays: Math.max(retentionDays, lifecycle.expireAfterDays ?? 0),
      },
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

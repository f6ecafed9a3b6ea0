/**
 * Logical names of everything that keeps the organization trail delivering: with `protect` on (the
 * default) each is protected and retained, so no config change (`trail.create: false` included) can
 * silently stop organization-wide logging.
 */
export const TRAIL_LIFELINE = [
  "organization-trail-cloudtrail",
  "log-archive-key",
  "log-archive-bucket",
  "log-archive-bucket-policy",
  "log-archive-bucket-object-lock",
  "log-archive-bucket-encryption",
  "log-archive-bucket-versioning",
  "log-archive-bucket-public-access",
  "log-archive-bucket-ownership",
  "log-archive-bucket-logging",
  "log-archive-access-logs",
  "log-archive-access-logs-policy",
  "trail-logs-key",
  "trail-logs-log-group",
  "trail-logs-role",
  "trail-logs-role-policy",
] as const;

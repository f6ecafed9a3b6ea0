/**
 * Names and ARNs of everything the program creates, derived from the organization and the stack config.
 * Pure and deterministic: names never depend on optional settings, so toggling a setting never renames
 * (and so never replaces) the archive bucket, the keys or the trail.
 */

/**
 * The AWS partition of a region, by its prefix: `aws-cn`, `aws-us-gov`, the ISO partitions, the European
 * Sovereign Cloud, else `aws` (the AWS SDK's partition table has the same prefixes).
 */
export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("us-isob-")) return "aws-iso-b";
  if (region.startsWith("us-isof-")) return "aws-iso-f";
  if (region.startsWith("us-iso-")) return "aws-iso";
  if (region.startsWith("eu-isoe-")) return "aws-iso-e";
  if (region.startsWith("eusc-")) return "aws-eusc";
  return "aws";
}

export interface TrailIdentity {
  partition: string;
  region: string;
  managementAccountId: string;
  trailName: string;
}

/** The trail's ARN, known before the trail exists: bucket and key policies must name it first. */
export function trailArn({ partition, region, managementAccountId, trailName }: TrailIdentity): string {
  return `arn:${partition}:cloudtrail:${region}:${managementAccountId}:trail/${trailName}`;
}

/** Any trail of the management account, in any region: the encryption context CloudTrail sets. */
export function managementTrailsArnPattern(partition: string, managementAccountId: string): string {
  return `arn:${partition}:cloudtrail:*:${managementAccountId}:trail/*`;
}

/** S3 bucket names are global: the account id and region make them unique without randomness. */
export function archiveBucketName(archiveAccountId: string, region: string): string {
  return `org-trail-archive-${archiveAccountId}-${region}`;
}

export function accessLogBucketName(archiveAccountId: string, region: string): string {
  return `org-trail-access-logs-${archiveAccountId}-${region}`;
}

/** The prefix under which the archive bucket's server access logs land in the access-log bucket. */
export const ACCESS_LOG_PREFIX = "archive-bucket/";

export function bucketArn(partition: string, bucket: string): string {
  return `arn:${partition}:s3:::${bucket}`;
}

export function logGroupName(trailName: string): string {
  return `/org-governance/cloudtrail/${trailName}`;
}

/** The log group ARN without the `:*` suffix, as KMS encryption contexts carry it. */
export function logGroupArn(partition: string, region: string, accountId: string, name: string): string {
  return `arn:${partition}:logs:${region}:${accountId}:log-group:${name}`;
}

export function roleArn(partition: string, accountId: string, roleName: string): string {
  return `arn:${partition}:iam::${accountId}:role/${roleName}`;
}

export function accountRootArn(partition: string, accountId: string): string {
  return `arn:${partition}:iam::${accountId}:root`;
}

/** Service principals are `<service>.amazonaws.com` in every partition this program supports. */
export function servicePrincipal(service: string): string {
  return `${service}.amazonaws.com`;
}

/** CloudWatch Logs' principal is regional: `logs.<region>.amazonaws.com`. */
export function logsServicePrincipal(region: string): string {
  return `logs.${region}.amazonaws.com`;
}

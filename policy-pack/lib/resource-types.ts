/**
 * Pulumi type tokens this pack reads, checked against the `__pulumiType` of @pulumi/aws 7. S3 settings
 * resources also exist under a deprecated `...V2` token with the same properties; stacks created with
 * older programs still hold those, so both spellings count.
 */
export const TRAIL = ["aws:cloudtrail/trail:Trail"] as const;
export const BUCKET = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"] as const;
export const BUCKET_VERSIONING = [
  "aws:s3/bucketVersioning:BucketVersioning",
  "aws:s3/bucketVersioningV2:BucketVersioningV2",
] as const;
export const BUCKET_OBJECT_LOCK = [
  "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
  "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2",
] as const;
export const BUCKET_ENCRYPTION = [
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
] as const;
export const BUCKET_LOGGING = [
  "aws:s3/bucketLogging:BucketLogging",
  "aws:s3/bucketLoggingV2:BucketLoggingV2",
] as const;
export const BUCKET_LIFECYCLE = [
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
] as const;
export const BUCKET_PUBLIC_ACCESS_BLOCK = ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"] as const;
export const ACCOUNT_PUBLIC_ACCESS_BLOCK = [
  "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
] as const;
export const BUCKET_POLICY = ["aws:s3/bucketPolicy:BucketPolicy"] as const;
export const KMS_KEY = ["aws:kms/key:Key"] as const;
export const KMS_ALIAS = ["aws:kms/alias:Alias"] as const;
export const LOG_GROUP = ["aws:cloudwatch/logGroup:LogGroup"] as const;
export const LOG_METRIC_FILTER = ["aws:cloudwatch/logMetricFilter:LogMetricFilter"] as const;
export const METRIC_ALARM = ["aws:cloudwatch/metricAlarm:MetricAlarm"] as const;
export const SNS_TOPIC = ["aws:sns/topic:Topic"] as const;

export function isOneOf(type: string, tokens: readonly string[]): boolean {
  return tokens.includes(type);
}

/** Organization policies (SCPs, RCPs, …) and their attachments to roots, OUs and accounts. */
export const ORGANIZATION_POLICY = ["aws:organizations/policy:Policy"] as const;
export const ORGANIZATION_POLICY_ATTACHMENT = [
  "aws:organizations/policyAttachment:PolicyAttachment",
] as const;

import * as kms from "@pulumi/aws/kms";
import * as s3 from "@pulumi/aws/s3";
import * as pulumi from "@pulumi/pulumi";
import { accessLogLifecycleRules, archiveLifecycleRules } from "../lib/archive/lifecycle-rules";
import type { LogArchiveConfig } from "../lib/config/validate";
import {
  ACCESS_LOG_PREFIX,
  accessLogBucketName,
  archiveBucketName,
  bucketArn,
  managementTrailsArnPattern,
} from "../lib/naming";
import { accessLogBucketPolicy } from "../lib/policies/access-log-bucket-policy";
import { archiveBucketPolicy } from "../lib/policies/archive-bucket-policy";
import { archiveKeyPolicy } from "../lib/policies/archive-key-policy";

export interface LogArchiveArgs {
  partition: string;
  region: string;
  organizationId: string;
  managementAccountId: string;
  /** The member account that owns the archive; the component's provider must act in it. */
  archiveAccountId: string;
  /** The ARN the trail will have: the bucket and key policies must name it before it exists. */
  trailArn: string;
  objectLock: LogArchiveConfig["objectLock"];
  lifecycle: LogArchiveConfig["lifecycle"];
  /**
   * Protect and retain everything that keeps the trail's archive working: the key, both buckets and every
   * bucket setting (policy, Object Lock, encryption, versioning, public-access block, ownership, logging,
   * lifecycle). The engine refuses to delete or replace them, and a removal from the program (for example
   * `trail.create: false`) leaves them in AWS instead of silently breaking the organization's logging.
   * @default true
   */
  protect?: boolean;
}

/** Days AWS KMS waits before deleting a key scheduled for deletion; 30 is the maximum. */
export const KEY_DELETION_WINDOW_DAYS = 30;

/**
 * The log archive in its own account: a KMS key, an Object-Locked archive bucket the organization trail
 * writes to, and a separate bucket for the archive's server access logs (S3 cannot deliver those to a
 * locked or SSE-KMS bucket).
 */
export class LogArchive extends pulumi.ComponentResource {
  readonly key: kms.Key;
  readonly bucket: s3.Bucket;
  readonly bucketPolicy: s3.BucketPolicy;
  /**
   * The bucket's settings that must be in force before the trail delivers its first log file: public
   * access blocked, versioning, Object Lock (or the first files land unlocked) and SSE-KMS encryption.
   */
  readonly bucketSettings: pulumi.Resource[];
  readonly accessLogBucket: s3.Bucket;
  readonly bucketName: string;
  readonly bucketArn: string;
  readonly accessLogBucketName: string;

  constructor(name: string, args: LogArchiveArgs, opts?: pulumi.ComponentResourceOptions) {
    super("org-governance:index:LogArchive", name, {}, opts);
    const keep = args.protect ?? true;
    const guarded = { parent: this, protect: keep, retainOnDelete: keep };
    const child = { parent: this };

    this.bucketName = archiveBucketName(args.archiveAccountId, args.region);
    this.bucketArn = bucketArn(args.partition, this.bucketName);
    const accessLogName = accessLogBucketName(args.archiveAccountId, args.region);
    this.accessLogBucketName = accessLogName;
    const accessLogArn = bucketArn(args.partition, accessLogName);

    this.key = new kms.Key(
      `${name}-key`,
      {
        description: `Encrypts the organization trail's logs of ${args.organizationId}`,
        enableKeyRotation: true,
        deletionWindowInDays: KEY_DELETION_WINDOW_DAYS,
        policy: JSON.stringify(
          archiveKeyPolicy({
            partition: args.partition,
            archiveAccountId: args.archiveAccountId,
            trailArn: args.trailArn,
            managementTrailsArnPattern: managementTrailsArnPattern(args.partition, args.managementAccountId),
          }),
        ),
      },
      guarded,
    );
    new kms.Alias(
      `${name}-key-alias`,
      { name: "alias/org-trail-archive", targetKeyId: this.key.keyId },
      // An alias is a name only: losing it stops nothing.
      child,
    );

    this.bucket = new s3.Bucket(
      `${name}-bucket`,
      { bucket: this.bucketName, objectLockEnabled: true, forceDestroy: false },
      guarded,
    );
    const bucket = this.bucket.bucket;
    const blockPublicAccess = new s3.BucketPublicAccessBlock(
      `${name}-bucket-public-access`,
      {
        bucket,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      },
      guarded,
    );
    new s3.BucketOwnershipControls(
      `${name}-bucket-ownership`,
      { bucket, rule: { objectOwnership: "BucketOwnerEnforced" } },
      guarded,
    );
    const versioning = new s3.BucketVersioning(
      `${name}-bucket-versioning`,
      { bucket, versioningConfiguration: { status: "Enabled" } },
      guarded,
    );
    const objectLock = new s3.BucketObjectLockConfiguration(
      `${name}-bucket-object-lock`,
      {
        bucket,
        objectLockEnabled: "Enabled",
        rule: {
          defaultRetention:
            args.objectLock.years !== undefined
              ? { mode: args.objectLock.mode, years: args.objectLock.years }
              : { mode: args.objectLock.mode, days: args.objectLock.retentionDays },
        },
      },
      // Object Lock needs versioning; say so rather than rely on S3 enabling it with the lock.
      { ...guarded, dependsOn: [versioning] },
    );
    const encryption = new s3.BucketServerSideEncryptionConfiguration(
      `${name}-bucket-encryption`,
      {
        bucket,
        rules: [
          {
            applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: this.key.arn },
            bucketKeyEnabled: true,
          },
        ],
      },
      guarded,
    );
    new s3.BucketLifecycleConfiguration(
      `${name}-bucket-lifecycle`,
      { bucket, rules: archiveLifecycleRules(args.lifecycle) },
      { ...guarded, dependsOn: [versioning] },
    );
    this.bucketPolicy = new s3.BucketPolicy(
      `${name}-bucket-policy`,
      {
        bucket,
        policy: JSON.stringify(
          archiveBucketPolicy({
            bucketArn: this.bucketArn,
            trailArn: args.trailArn,
            organizationId: args.organizationId,
            managementAccountId: args.managementAccountId,
          }),
        ),
      },
      // S3 rejects a policy that would be public while the block is being applied; order them.
      { ...guarded, dependsOn: [blockPublicAccess] },
    );

    this.bucketSettings = [blockPublicAccess, versioning, objectLock, encryption];

    this.accessLogBucket = new s3.Bucket(
      `${name}-access-logs`,
      { bucket: accessLogName, forceDestroy: false },
      guarded,
    );
    const logs = this.accessLogBucket.bucket;
    const logsPublicAccess = new s3.BucketPublicAccessBlock(
      `${name}-access-logs-public-access`,
      {
        bucket: logs,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      },
      guarded,
    );
    const logsOwnership = new s3.BucketOwnershipControls(
      `${name}-access-logs-ownership`,
      { bucket: logs, rule: { objectOwnership: "BucketOwnerEnforced" } },
      guarded,
    );
    const logsVersioning = new s3.BucketVersioning(
      `${name}-access-logs-versioning`,
      { bucket: logs, versioningConfiguration: { status: "Enabled" } },
      guarded,
    );
    new s3.BucketServerSideEncryptionConfiguration(
      `${name}-access-logs-encryption`,
      // SSE-S3: S3 server access logging cannot deliver to a bucket whose default encryption is SSE-KMS.
      { bucket: logs, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] },
      guarded,
    );
    new s3.BucketLifecycleConfiguration(
      `${name}-access-logs-lifecycle`,
      { bucket: logs, rules: accessLogLifecycleRules() },
      { ...guarded, dependsOn: [logsVersioning] },
    );
    const logsPolicy = new s3.BucketPolicy(
      `${name}-access-logs-policy`,
      {
        bucket: logs,
        policy: JSON.stringify(
          accessLogBucketPolicy({
            accessLogBucketArn: accessLogArn,
            sourceBucketArn: this.bucketArn,
            sourceAccountId: args.archiveAccountId,
            prefix: ACCESS_LOG_PREFIX,
          }),
        ),
      },
      { ...guarded, dependsOn: [logsPublicAccess] },
    );
    new s3.BucketLogging(
      `${name}-bucket-logging`,
      { bucket, targetBucket: logs, targetPrefix: ACCESS_LOG_PREFIX },
      // With owner-enforced ownership, delivery is authorized by the target's bucket policy alone.
      { ...guarded, dependsOn: [logsPolicy, logsOwnership] },
    );

    this.registerOutputs({
      bucketName: this.bucketName,
      bucketArn: this.bucketArn,
      keyArn: this.key.arn,
      accessLogBucketName: accessLogName,
    });
  }
}

import assert from "node:assert/strict";
import { TRAIL_LIFELINE } from "../support/trail-lifeline";
import { named, ofType, plan, policyOf, settingsOf, stackConfig, statement } from "../support/plan";

const ARCHIVE = "org-trail-archive-222233334444-eu-west-1";
const ACCESS_LOGS = "org-trail-access-logs-222233334444-eu-west-1";
const TRAIL_ARN = "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org-governance";
const S3 = "aws:s3/";

describe("LogArchive", () => {
  it("creates every archive resource through the log-archive account's provider", async () => {
    const result = await plan(stackConfig());
    const provider = named(result, "log-archive-account");
    // The engine hands provider configuration over as JSON text, and so do the mocks.
    assert.deepEqual(JSON.parse(provider.inputs.allowedAccountIds as string), ["222233334444"]);
    const assumed = JSON.parse(provider.inputs.assumeRoles as string) as { roleArn: string }[];
    assert.equal(assumed[0].roleArn, "arn:aws:iam::222233334444:role/OrganizationAccountAccessRole");
    const archiveResources = result.resources.filter((r) => r.parent?.endsWith("::log-archive") && r.custom);
    assert.ok(archiveResources.length >= 17);
    for (const r of archiveResources)
      assert.ok(r.provider?.startsWith(provider.urn), `${r.urn} uses ${r.provider}`);
  });

  it("uses the configured role name", async () => {
    const result = await plan(
      stackConfig({ logArchive: { account: "Log Archive", roleName: "AuditDeployer" } }),
    );
    const assumed = JSON.parse(named(result, "log-archive-account").inputs.assumeRoles as string) as {
      roleArn: string;
    }[];
    assert.equal(assumed[0].roleArn, "arn:aws:iam::222233334444:role/AuditDeployer");
  });

  describe("KMS key", () => {
    it("rotates, waits 30 days before deletion and is protected", async () => {
      const key = named(await plan(stackConfig()), "log-archive-key");
      assert.equal(key.inputs.enableKeyRotation, true);
      assert.equal(key.inputs.deletionWindowInDays, 30);
      assert.equal(key.protect, true);
      assert.equal(key.retainOnDelete, true);
    });

    it("lets CloudTrail encrypt only for this trail of the management account", async () => {
      const policy = policyOf(named(await plan(stackConfig()), "log-archive-key"));
      const encrypt = statement(policy, "CloudTrailEncryptsLogs");
      assert.deepEqual(encrypt.Condition, {
        StringEquals: { "aws:SourceArn": TRAIL_ARN },
        StringLike: {
          "kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:111122223333:trail/*",
        },
      });
      const readers = statement(policy, "LogArchiveReadersDecryptTrailLogs");
      assert.deepEqual(readers.Principal, { AWS: "arn:aws:iam::222233334444:root" });
      assert.ok((readers.Condition as Record<string, object>).StringLike);
    });
  });

  describe("archive bucket", () => {
    it("is created with Object Lock, never force-destroyed, protected", async () => {
      const bucket = named(await plan(stackConfig()), "log-archive-bucket");
      assert.equal(bucket.inputs.bucket, ARCHIVE);
      assert.equal(bucket.inputs.objectLockEnabled, true);
      assert.equal(bucket.inputs.forceDestroy, false);
      assert.equal(bucket.protect, true);
      assert.equal(bucket.retainOnDelete, true);
    });

    it("has a default retention from config: COMPLIANCE 365 days by default, GOVERNANCE or years when set", async () => {
      const lock = settingsOf(
        await plan(stackConfig()),
        `${S3}bucketObjectLockConfiguration:BucketObjectLockConfiguration`,
        ARCHIVE,
      );
      assert.equal(lock.inputs.objectLockEnabled, "Enabled");
      assert.deepEqual(lock.inputs.rule, { defaultRetention: { mode: "COMPLIANCE", days: 365 } });
      const custom = await plan(
        stackConfig({ logArchive: { account: "Log Archive", objectLock: { mode: "GOVERNANCE", years: 7 } } }),
      );
      const lock7 = settingsOf(
        custom,
        `${S3}bucketObjectLockConfiguration:BucketObjectLockConfiguration`,
        ARCHIVE,
      );
      assert.deepEqual(lock7.inputs.rule, { defaultRetention: { mode: "GOVERNANCE", years: 7 } });
    });

    it("is versioned, SSE-KMS with a bucket key, owner-enforced and blocks all public access", async () => {
      const result = await plan(stackConfig());
      const key = named(result, "log-archive-key");
      assert.deepEqual(
        settingsOf(result, `${S3}bucketVersioning:BucketVersioning`, ARCHIVE).inputs.versioningConfiguration,
        {
          status: "Enabled",
        },
      );
      const sse = settingsOf(
        result,
        `${S3}bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration`,
        ARCHIVE,
      );
      assert.deepEqual(sse.inputs.rules, [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.outputs.arn },
          bucketKeyEnabled: true,
        },
      ]);
      const block = settingsOf(
        result,
        `${S3}bucketPublicAccessBlock:BucketPublicAccessBlock`,
        ARCHIVE,
      ).inputs;
      for (const flag of [
        "blockPublicAcls",
        "blockPublicPolicy",
        "ignorePublicAcls",
        "restrictPublicBuckets",
      ]) {
        assert.equal(block[flag], true, flag);
      }
      const ownership = settingsOf(result, `${S3}bucketOwnershipControls:BucketOwnershipControls`, ARCHIVE);
      assert.deepEqual(ownership.inputs.rule, { objectOwnership: "BucketOwnerEnforced" });
    });

    it("deletes nothing without an expiry and aborts incomplete uploads", async () => {
      const result = await plan(
        stackConfig({ logArchive: { account: "Log Archive", objectLock: { days: 400 } } }),
      );
      const [rule] = settingsOf(
        result,
        `${S3}bucketLifecycleConfiguration:BucketLifecycleConfiguration`,
        ARCHIVE,
      ).inputs.rules as Record<string, { noncurrentDays?: number; daysAfterInitiation?: number }>[];
      assert.equal(rule.noncurrentVersionExpiration, undefined, "no version is ever deleted");
      assert.equal(rule.abortIncompleteMultipartUpload.daysAfterInitiation, 7);
      assert.equal(rule.expiration, undefined, "logs never expire unless configured");
    });

    // "Expiring objects" (S3 user guide): expiring a log in a versioned bucket adds a delete marker and
    // makes the log noncurrent; the noncurrent expiration then deletes it for good. So a 7-year setting
    // keeps a log 7 years and a day, not about 14.
    it("deletes an expired log for good one day after expireAfterDays", async () => {
      const result = await plan(
        stackConfig({
          logArchive: {
            account: "Log Archive",
            objectLock: { years: 7 },
            lifecycle: { glacierAfterDays: 90, expireAfterDays: 2555 },
          },
        }),
      );
      const [rule] = settingsOf(
        result,
        `${S3}bucketLifecycleConfiguration:BucketLifecycleConfiguration`,
        ARCHIVE,
      ).inputs.rules as Record<string, { days?: number; noncurrentDays?: number }>[];
      assert.equal(rule.expiration.days, 2555);
      assert.equal(rule.noncurrentVersionExpiration.noncurrentDays, 1);
    });

    it("lets CloudTrail write under both the organization and the management account prefixes, for this trail only", async () => {
      const policy = policyOf(
        settingsOf(await plan(stackConfig()), `${S3}bucketPolicy:BucketPolicy`, ARCHIVE),
      );
      const write = statement(policy, "CloudTrailWrite");
      assert.deepEqual(write.Resource, [
        `arn:aws:s3:::${ARCHIVE}/AWSLogs/o-7xk2p9q4ab/*`,
        `arn:aws:s3:::${ARCHIVE}/AWSLogs/111122223333/*`,
      ]);
      assert.equal(
        (write.Condition as { StringEquals: Record<string, string> }).StringEquals["aws:SourceArn"],
        TRAIL_ARN,
      );
      const acl = statement(policy, "CloudTrailAclCheck");
      assert.deepEqual(acl.Condition, { StringEquals: { "aws:SourceArn": TRAIL_ARN } });
      assert.equal(statement(policy, "DenyInsecureTransport").Effect, "Deny");
      assert.equal(statement(policy, "DenyBucketDeletion").Action, "s3:DeleteBucket");
    });

    it("sends its server access logs to the separate access-log bucket", async () => {
      const logging = settingsOf(await plan(stackConfig()), `${S3}bucketLogging:BucketLogging`, ARCHIVE);
      assert.equal(logging.inputs.targetBucket, ACCESS_LOGS);
      assert.equal(logging.inputs.targetPrefix, "archive-bucket/");
    });
  });

  describe("access-log bucket", () => {
    it("is SSE-S3 without Object Lock, owner-enforced, private, with its own lifecycle", async () => {
      const result = await plan(stackConfig());
      const bucket = named(result, "log-archive-access-logs");
      assert.equal(bucket.inputs.bucket, ACCESS_LOGS);
      assert.notEqual(bucket.inputs.objectLockEnabled, true);
      assert.equal(bucket.protect, true);
      const sse = settingsOf(
        result,
        `${S3}bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration`,
        ACCESS_LOGS,
      );
      assert.deepEqual(sse.inputs.rules, [
        { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } },
      ]);
      const block = settingsOf(
        result,
        `${S3}bucketPublicAccessBlock:BucketPublicAccessBlock`,
        ACCESS_LOGS,
      ).inputs;
      assert.equal(block.restrictPublicBuckets, true);
      assert.equal(
        (
          settingsOf(result, `${S3}bucketOwnershipControls:BucketOwnershipControls`, ACCESS_LOGS).inputs
            .rule as { objectOwnership: string }
        ).objectOwnership,
        "BucketOwnerEnforced",
      );
      assert.ok(
        settingsOf(result, `${S3}bucketLifecycleConfiguration:BucketLifecycleConfiguration`, ACCESS_LOGS),
      );
      assert.equal(
        ofType(result, `${S3}bucketObjectLockConfiguration:BucketObjectLockConfiguration`).length,
        1,
      );
    });

    it("accepts deliveries from S3 logging for the archive bucket only", async () => {
      const policy = policyOf(
        settingsOf(await plan(stackConfig()), `${S3}bucketPolicy:BucketPolicy`, ACCESS_LOGS),
      );
      const delivery = statement(policy, "S3ServerAccessLogsDelivery");
      assert.deepEqual(delivery.Principal, { Service: "logging.s3.amazonaws.com" });
      assert.deepEqual(delivery.Condition, {
        ArnEquals: { "aws:SourceArn": `arn:aws:s3:::${ARCHIVE}` },
        StringEquals: { "aws:SourceAccount": "222233334444" },
      });
    });
  });

  it("drops protection from everything that keeps the trail alive only when protect is false", async () => {
    const result = await plan(stackConfig({ logArchive: { account: "Log Archive", protect: false } }));
    for (const name of TRAIL_LIFELINE) {
      assert.equal(named(result, name).protect, false, name);
      assert.equal(named(result, name).retainOnDelete, false, name);
    }
    assert.equal(named(result, "log-archive-bucket").inputs.forceDestroy, false, "forceDestroy is never set");
  });
});

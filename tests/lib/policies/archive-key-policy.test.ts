import assert from "node:assert/strict";
import { KEY_ADMINISTRATION_ACTIONS } from "../../../lib/policies/document";
import { ADMINISTRATOR, simulateResourcePolicy } from "../../support/iam-simulation";
import {
  actionCovers,
  ARCHIVE_ACCOUNT_ID,
  buildArchiveKeyPolicy,
  conditionOn,
  listOf,
  MANAGEMENT_ACCOUNT_ID,
  REGION,
  statement,
  TRAIL_ARN,
} from "../../support/policy-fixtures";

const CLOUDTRAIL_CONTEXT = "kms:EncryptionContext:aws:cloudtrail:arn";
const MANAGEMENT_TRAILS = `arn:aws:cloudtrail:*:${MANAGEMENT_ACCOUNT_ID}:trail/*`;
const ARCHIVE_ROOT = `arn:aws:iam::${ARCHIVE_ACCOUNT_ID}:root`;

/** Actions that use the key's material: whoever may call these reads or writes the logs. */
const CRYPTOGRAPHIC_ACTIONS = [
  "kms:Decrypt",
  "kms:Encrypt",
  "kms:GenerateDataKey",
  "kms:GenerateDataKeyWithoutPlaintext",
  "kms:GenerateDataKeyPair",
  "kms:ReEncryptFrom",
  "kms:ReEncryptTo",
];

describe("archiveKeyPolicy", () => {
  const policy = buildArchiveKeyPolicy();

  it("has the administration, CloudTrail and reader statements", () => {
    assert.deepEqual(
      policy.Statement.map((s) => s.Sid),
      [
        "LogArchiveAccountAdministers",
        "CloudTrailEncryptsLogs",
        "CloudTrailDescribesKey",
        "LogArchiveReadersDecryptTrailLogs",
      ],
    );
  });

  // "Configure AWS KMS key policies for CloudTrail" (CloudTrail user guide): with an S3 Bucket Key,
  // kms:Decrypt is required to create or update a trail with SSE-KMS.
  it("lets CloudTrail generate data keys and decrypt (S3 Bucket Key) only for the management account's trails, on behalf of this trail", () => {
    const encrypt = statement(policy, "CloudTrailEncryptsLogs");
    assert.equal(encrypt.Effect, "Allow");
    assert.deepEqual(encrypt.Principal, { Service: "cloudtrail.amazonaws.com" });
    assert.deepEqual(listOf(encrypt.Action), ["kms:GenerateDataKey*", "kms:Decrypt"]);
    assert.deepEqual(encrypt.Condition, {
      StringEquals: { "aws:SourceArn": TRAIL_ARN },
      StringLike: { [CLOUDTRAIL_CONTEXT]: MANAGEMENT_TRAILS },
    });
  });

  it("lets CloudTrail describe the key on behalf of this trail only", () => {
    assert.deepEqual(statement(policy, "CloudTrailDescribesKey"), {
      Sid: "CloudTrailDescribesKey",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "kms:DescribeKey",
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceArn": TRAIL_ARN } },
    });
  });

  it("lets the log-archive account's readers decrypt only objects with the CloudTrail context", () => {
    const readers = statement(policy, "LogArchiveReadersDecryptTrailLogs");
    assert.equal(readers.Effect, "Allow");
    assert.deepEqual(readers.Principal, { AWS: ARCHIVE_ROOT });
    assert.deepEqual(listOf(readers.Action).sort(), ["kms:Decrypt", "kms:ReEncryptFrom"]);
    assert.deepEqual(conditionOn(readers, CLOUDTRAIL_CONTEXT), {
      operator: "StringLike",
      value: MANAGEMENT_TRAILS,
    });
    assert.deepEqual(conditionOn(readers, "kms:CallerAccount"), {
      operator: "StringEquals",
      value: ARCHIVE_ACCOUNT_ID,
    });
  });

  it("lets the log-archive account administer the key without using it", () => {
    const admin = statement(policy, "LogArchiveAccountAdministers");
    assert.deepEqual(admin.Principal, { AWS: ARCHIVE_ROOT });
    assert.deepEqual(listOf(admin.Action), KEY_ADMINISTRATION_ACTIONS);
    for (const pattern of listOf(admin.Action)) {
      for (const action of CRYPTOGRAPHIC_ACTIONS) {
        assert.ok(!actionCovers(pattern, action), `${pattern} grants ${action}`);
      }
    }
    assert.ok(KEY_ADMINISTRATION_ACTIONS.some((a) => actionCovers(a, "kms:ScheduleKeyDeletion")));
    assert.ok(KEY_ADMINISTRATION_ACTIONS.some((a) => actionCovers(a, "kms:PutKeyPolicy")));
  });

  it("allows every cryptographic action only under the CloudTrail encryption context", () => {
    for (const s of policy.Statement.filter((s) => s.Effect === "Allow")) {
      const usesKey = listOf(s.Action).some((pattern) =>
        CRYPTOGRAPHIC_ACTIONS.some((a) => actionCovers(pattern, a)),
      );
      if (usesKey) assert.equal(conditionOn(s, CLOUDTRAIL_CONTEXT).value, MANAGEMENT_TRAILS, s.Sid);
    }
  });

  it("never lets the management account use or administer the archive key", () => {
    assert.ok(!JSON.stringify(policy).includes(`iam::${MANAGEMENT_ACCOUNT_ID}`));
  });

  // Judged by a real IAM evaluator (@cloud-copilot/iam-simulate). "Configure AWS KMS key policies for
  // CloudTrail": with an S3 Bucket Key CloudTrail needs kms:Decrypt as well as kms:GenerateDataKey*; readers
  // decrypt log files (and re-encrypt them from this key) only under the CloudTrail encryption context.
  it("gives CloudTrail and the archive's readers exactly the cryptographic calls they make", async () => {
    const keyArn = `arn:aws:kms:${REGION}:${ARCHIVE_ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const context = { [CLOUDTRAIL_CONTEXT]: TRAIL_ARN };
    const reader = `arn:aws:iam::${ARCHIVE_ACCOUNT_ID}:role/Auditor`;
    const decide = async (principal: string, action: string, extra: Record<string, string>) => {
      const outcome = await simulateResourcePolicy(policy, {
        intent: `${principal} ${action}`,
        principal,
        callerPolicies: principal.startsWith("arn:") ? [ADMINISTRATOR] : [],
        action,
        resource: keyArn,
        resourceAccount: ARCHIVE_ACCOUNT_ID,
        context: { ...context, ...extra },
        expected: "Allowed",
      });
      assert.deepEqual(outcome.ignoredContextKeys, [], `${action}: context keys ignored`);
      return outcome.decision;
    };
    const cloudTrail = { "aws:SourceArn": TRAIL_ARN };
    const readerContext = { "kms:CallerAccount": ARCHIVE_ACCOUNT_ID };
    assert.deepEqual(
      {
        generate: await decide("cloudtrail.amazonaws.com", "kms:GenerateDataKey", cloudTrail),
        decrypt: await decide("cloudtrail.amazonaws.com", "kms:Decrypt", cloudTrail),
        encrypt: await decide("cloudtrail.amazonaws.com", "kms:Encrypt", cloudTrail),
        readerDecrypts: await decide(reader, "kms:Decrypt", readerContext),
        readerReEncryptsFrom: await decide(reader, "kms:ReEncryptFrom", readerContext),
        readerGenerates: await decide(reader, "kms:GenerateDataKey", readerContext),
      },
      {
        generate: "Allowed",
        decrypt: "Allowed",
        encrypt: "ImplicitlyDenied",
        readerDecrypts: "Allowed",
        readerReEncryptsFrom: "Allowed",
        readerGenerates: "ImplicitlyDenied",
      },
    );
  });
});

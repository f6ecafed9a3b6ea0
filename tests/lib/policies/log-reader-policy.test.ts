import assert from "node:assert/strict";
import { runSimulation, type Simulation } from "@cloud-copilot/iam-simulate";
import { archiveBucketName, managementTrailsArnPattern } from "../../../lib/naming";
import { archiveKeyPolicy } from "../../../lib/policies/archive-key-policy";
import { logReaderPolicy } from "../../../lib/policies/log-reader-policy";
import { ARCHIVE_ACCOUNT_ID, MANAGEMENT_ACCOUNT_ID, TRAIL_ARN } from "../../support/policy-fixtures";

// Evaluated by @cloud-copilot/iam-simulate, a real IAM evaluator. The permissions follow "Validating
// CloudTrail log file integrity with the AWS CLI" (read access to the digest and log files),
// "Configure AWS KMS key policies for CloudTrail" (decrypt with the CloudTrail encryption context) and
// the ListPublicKeys API reference.

const BUCKET = archiveBucketName(ARCHIVE_ACCOUNT_ID, "eu-west-1");
const KEY_ARN = `arn:aws:kms:eu-west-1:${ARCHIVE_ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const AUDIT_ACCOUNT_ID = "333344445555";
/** A reader in the log-archive account (identity policy alone suffices there) and one in an audit account. */
const READER_ROLE = `arn:aws:iam::${ARCHIVE_ACCOUNT_ID}:role/LogReader`;
const AUDIT_READER_ROLE = `arn:aws:iam::${AUDIT_ACCOUNT_ID}:role/LogReader`;
const TRAILS = managementTrailsArnPattern("aws", MANAGEMENT_ACCOUNT_ID);
const LOG_KEY = `AWSLogs/o-7xk2p9q4ab/${MANAGEMENT_ACCOUNT_ID}/CloudTrail/eu-west-1/2026/05/10/x.json.gz`;

const reader = logReaderPolicy({
  partition: "aws",
  bucket: BUCKET,
  archiveKeyArn: KEY_ARN,
  managementTrailsArnPattern: TRAILS,
});

async function decide(
  action: string,
  resource: string,
  context: Record<string, string | string[]> = {},
  options: { accountId?: string } = {},
): Promise<string> {
  const simulation: Simulation = {
    request: {
      principal: READER_ROLE,
      action,
      resource: { resource, accountId: options.accountId ?? ARCHIVE_ACCOUNT_ID },
      contextVariables: context,
    },
    identityPolicies: [{ name: "log-reader", policy: reader }],
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  };
  const result = await runSimulation(simulation, {});
  if (result.resultType === "error") throw new Error(JSON.stringify(result.errors));
  // A wildcard-only action names no resource, hence no account to compare: the identity policy decides.
  if (resource === "*" && result.resultType === "single")
    return result.result.analysis.identityAnalysis?.result ?? "";
  return result.overallResult;
}

describe("logReaderPolicy (iam-simulate)", () => {
  it("lets the reader list the trail's prefix, and nothing else of the bucket", async () => {
    assert.equal(
      await decide("s3:ListBucket", `arn:aws:s3:::${BUCKET}`, { "s3:prefix": "AWSLogs/o-7xk2p9q4ab/" }),
      "Allowed",
    );
    assert.equal(
      await decide("s3:ListBucket", `arn:aws:s3:::${BUCKET}`, { "s3:prefix": "" }),
      "ImplicitlyDenied",
    );
  });

  it("lets the reader get objects and their versions under AWSLogs/, and never write or delete", async () => {
    const object = `arn:aws:s3:::${BUCKET}/${LOG_KEY}`;
    assert.equal(await decide("s3:GetObject", object), "Allowed");
    assert.equal(await decide("s3:GetObjectVersion", object), "Allowed");
    assert.equal(await decide("s3:GetObject", `arn:aws:s3:::${BUCKET}/other/file`), "ImplicitlyDenied");
    assert.equal(await decide("s3:PutObject", object), "ImplicitlyDenied");
    assert.equal(await decide("s3:DeleteObjectVersion", object), "ImplicitlyDenied");
  });

  // The simulator drops `kms:EncryptionContext:<key>` context keys whose <key> holds colons
  // (`aws:cloudtrail:arn`), so the KMS statements are pinned by their text: the condition is what makes them
  // least privilege.
  it("lets the reader decrypt the archive key only with the CloudTrail encryption context of the management account's trails", () => {
    assert.deepEqual(
      reader.Statement.find((s) => s.Sid === "DecryptTrailLogs"),
      {
        Sid: "DecryptTrailLogs",
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: KEY_ARN,
        Condition: { StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": TRAILS } },
      },
    );
  });

  it("lets the reader call cloudtrail:ListPublicKeys", async () => {
    assert.equal(await decide("cloudtrail:ListPublicKeys", "*"), "Allowed");
  });

  it("grants exactly s3:ListBucket, s3:GetObject, s3:GetObjectVersion, kms:Decrypt and cloudtrail:ListPublicKeys", () => {
    assert.deepEqual(reader.Statement.flatMap((s) => [s.Action].flat()).sort(), [
      "cloudtrail:ListPublicKeys",
      "kms:Decrypt",
      "s3:GetObject",
      "s3:GetObjectVersion",
      "s3:ListBucket",
    ]);
  });
});

describe("archiveKeyPolicy with logArchive.readerRoleArns", () => {
  const base = {
    partition: "aws",
    archiveAccountId: ARCHIVE_ACCOUNT_ID,
    trailArn: TRAIL_ARN,
    managementTrailsArnPattern: TRAILS,
  };

  it("adds no statement when no reader is configured", () => {
    assert.deepEqual(archiveKeyPolicy(base), archiveKeyPolicy({ ...base, readerRoleArns: [] }));
    assert.ok(!archiveKeyPolicy(base).Statement.some((s) => s.Sid === "LogReaderRolesDecryptTrailLogs"));
  });

  it("grants the configured reader roles kms:Decrypt and nothing else, with the CloudTrail context only", () => {
    const policy = archiveKeyPolicy({ ...base, readerRoleArns: [AUDIT_READER_ROLE] });
    assert.deepEqual(policy.Statement.at(-1), {
      Sid: "LogReaderRolesDecryptTrailLogs",
      Effect: "Allow",
      Principal: { AWS: [AUDIT_READER_ROLE] },
      Action: "kms:Decrypt",
      Resource: "*",
      Condition: { StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": TRAILS } },
    });
    assert.deepEqual(policy.Statement.slice(0, -1), archiveKeyPolicy(base).Statement);
  });
});

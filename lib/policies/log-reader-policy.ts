import { bucketArn } from "../naming";
import { policyDocument, type PolicyDocument } from "./document";

export interface LogReaderPolicyArgs {
  partition: string;
  /** The archive bucket. */
  bucket: string;
  /** The archive's KMS key. */
  archiveKeyArn: string;
  /** `arn:<partition>:cloudtrail:*:<managementAccountId>:trail/*`: the encryption context CloudTrail sets. */
  managementTrailsArnPattern: string;
}

/** The S3 key prefix under which CloudTrail writes every log and digest file ("Finding your CloudTrail log files"). */
export const TRAIL_KEY_PREFIX = "AWSLogs/";

/**
 * The identity policy of whoever runs `npm run validate-logs`: list the trail's prefix, read objects and
 * their versions, decrypt only what CloudTrail encrypted for the management account's trails, and read
 * CloudTrail's public keys (ListPublicKeys has no resource-level permission, hence `*`).
 */
export function logReaderPolicy(args: LogReaderPolicyArgs): PolicyDocument {
  const bucket = bucketArn(args.partition, args.bucket);
  return policyDocument(
    {
      Sid: "ListTrailPrefix",
      Effect: "Allow",
      Action: "s3:ListBucket",
      Resource: bucket,
      Condition: { StringLike: { "s3:prefix": [TRAIL_KEY_PREFIX, `${TRAIL_KEY_PREFIX}*`] } },
    },
    {
      Sid: "ReadTrailObjects",
      Effect: "Allow",
      Action: ["s3:GetObject", "s3:GetObjectVersion"],
      Resource: `${bucket}/${TRAIL_KEY_PREFIX}*`,
    },
    {
      Sid: "DecryptTrailLogs",
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: args.archiveKeyArn,
      Condition: {
        StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": args.managementTrailsArnPattern },
      },
    },
    {
      Sid: "ReadCloudTrailPublicKeys",
      Effect: "Allow",
      Action: "cloudtrail:ListPublicKeys",
      Resource: "*",
    },
  );
}

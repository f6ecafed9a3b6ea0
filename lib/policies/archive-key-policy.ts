import { accountRootArn } from "../naming";
import { keyAdministrators, policyDocument, PolicyDocument } from "./document";

export interface ArchiveKeyPolicyArgs {
  partition: string;
  /** The log-archive account: it owns and administers the key. */
  archiveAccountId: string;
  trailArn: string;
  /** `arn:<partition>:cloudtrail:*:<managementAccountId>:trail/*` */
  managementTrailsArnPattern: string;
}

/**
 * The key that encrypts the archived logs. CloudTrail may use it only for trails of the management
 * account (the encryption context CloudTrail sets) and only on behalf of this trail (`aws:SourceArn`),
 * to generate data keys and, because the bucket uses an S3 Bucket Key, to decrypt them;
 * principals of the log-archive account may decrypt only objects that carry that CloudTrail context.
 */
export function archiveKeyPolicy(args: ArchiveKeyPolicyArgs): PolicyDocument {
  const accountRoot = accountRootArn(args.partition, args.archiveAccountId);
  const cloudTrailContext = { "kms:EncryptionContext:aws:cloudtrail:arn": args.managementTrailsArnPattern };
  return policyDocument(
    keyAdministrators("LogArchiveAccountAdministers", args.partition, args.archiveAccountId),
    {
      Sid: "CloudTrailEncryptsLogs",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      // kms:Decrypt as well: the archive bucket uses an S3 Bucket Key, and "Configure AWS KMS key policies
      // for CloudTrail" says that then CloudTrail needs kms:Decrypt to create or update a trail with SSE-KMS.
      Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceArn": args.trailArn }, StringLike: cloudTrailContext },
    },
    {
      Sid: "CloudTrailDescribesKey",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "kms:DescribeKey",
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceArn": args.trailArn } },
    },
    {
      Sid: "LogArchiveReadersDecryptTrailLogs",
      Effect: "Allow",
      Principal: { AWS: accountRoot },
      Action: ["kms:Decrypt", "kms:ReEncryptFrom"],
      Resource: "*",
      Condition: {
        StringEquals: { "kms:CallerAccount": args.archiveAccountId },
        StringLike: cloudTrailContext,
      },
    },
  );
}

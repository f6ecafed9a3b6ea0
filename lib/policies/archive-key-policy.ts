import { policyDocument, PolicyDocument } from "./document";

/**
 * Administration without use: with `kms:*` here, any principal of the account could decrypt without the
 * CloudTrail context and the reader statement below would mean nothing.
 */
export const KEY_ADMINISTRATION_ACTIONS = [
  // CreateAlias, not Create*: CreateGrant would let an administrator hand itself Decrypt.
  "kms:CreateAlias",
  "kms:Describe*",
  "kms:Enable*",
  "kms:List*",
  "kms:Put*",
  "kms:Update*",
  "kms:Revoke*",
  "kms:Disable*",
  "kms:Get*",
  "kms:Delete*",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:ScheduleKeyDeletion",
  "kms:CancelKeyDeletion",
  "kms:RotateKeyOnDemand",
];

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
 * account (the encryption context CloudTrail sets) and only on behalf of this trail (`aws:SourceArn`);
 * principals of the log-archive account may decrypt only objects that carry that CloudTrail context.
 */
export function archiveKeyPolicy(args: ArchiveKeyPolicyArgs): PolicyDocument {
  const accountRoot = `arn:${args.partition}:iam::${args.archiveAccountId}:root`;
  const cloudTrailContext = { "kms:EncryptionContext:aws:cloudtrail:arn": args.managementTrailsArnPattern };
  return policyDocument(
    {
      Sid: "LogArchiveAccountAdministers",
      Effect: "Allow",
      Principal: { AWS: accountRoot },
      Action: KEY_ADMINISTRATION_ACTIONS,
      Resource: "*",
    },
    {
      Sid: "CloudTrailEncryptsLogs",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "kms:GenerateDataKey*",
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

import { accountRootArn } from "../naming";

/** An IAM policy document in the JSON shape AWS reads, typed just enough to be checked by tests. */
export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: PolicyStatement[];
}

export type Principal = "*" | { AWS?: string | string[]; Service?: string | string[] };
export type ConditionBlock = Record<string, Record<string, string | string[]>>;

export interface PolicyStatement {
  Sid: string;
  Effect: "Allow" | "Deny";
  Principal?: Principal;
  Action: string | string[];
  /** Absent in trust policies, which IAM rejects with a Resource. */
  Resource?: string | string[];
  Condition?: ConditionBlock;
}

export function policyDocument(...statements: PolicyStatement[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}

/** Denies every request that does not use TLS (Security Hub S3.5). */
export function denyInsecureTransport(bucketArn: string): PolicyStatement {
  return {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "s3:*",
    Resource: [bucketArn, `${bucketArn}/*`],
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}

/** Denies publishing to a topic without TLS. */
export function denyInsecurePublish(topicArn: string): PolicyStatement {
  return {
    Sid: "DenyInsecureTransport",
    Effect: "Deny",
    Principal: "*",
    Action: "sns:Publish",
    Resource: topicArn,
    Condition: { Bool: { "aws:SecureTransport": "false" } },
  };
}

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

/** The account's administrators manage a key without using it. */
export function keyAdministrators(sid: string, partition: string, accountId: string): PolicyStatement {
  return {
    Sid: sid,
    Effect: "Allow",
    Principal: { AWS: accountRootArn(partition, accountId) },
    Action: KEY_ADMINISTRATION_ACTIONS,
    Resource: "*",
  };
}

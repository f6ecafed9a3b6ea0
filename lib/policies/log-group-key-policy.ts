import { keyAdministrators, policyDocument, PolicyDocument } from "./document";

export interface LogGroupKeyPolicyArgs {
  partition: string;
  region: string;
  /** The management account: it owns the key and the log group. */
  accountId: string;
  /** The log group ARN without `:*`. */
  logGroupArn: string;
}

/**
 * The key of the trail's log group. CloudWatch Logs may use it only for that one log group: the service
 * sets the log group's ARN as encryption context on every request, which pins the caller's resource.
 */
export function logGroupKeyPolicy(args: LogGroupKeyPolicyArgs): PolicyDocument {
  return policyDocument(keyAdministrators("AccountAdministers", args.partition, args.accountId), {
    Sid: "CloudWatchLogsEncryptsTrailLogGroup",
    Effect: "Allow",
    Principal: { Service: `logs.${args.region}.amazonaws.com` },
    Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
    Resource: "*",
    // The documented pin for CloudWatch Logs: it does not send aws:SourceArn/SourceAccount to KMS, but
    // sets the log group's ARN (account included) as encryption context on every request.
    Condition: { ArnEquals: { "kms:EncryptionContext:aws:logs:arn": args.logGroupArn } },
  });
}

import { denyInsecureTransport, policyDocument, PolicyDocument } from "./document";

export interface AccessLogBucketPolicyArgs {
  accessLogBucketArn: string;
  /** The bucket whose server access logs are delivered here. */
  sourceBucketArn: string;
  sourceAccountId: string;
  prefix: string;
}

/**
 * Lets S3's logging service deliver the archive bucket's access logs, and nothing else: the source bucket
 * and account are pinned so no other bucket can use this one as its log target (confused deputy).
 */
export function accessLogBucketPolicy(args: AccessLogBucketPolicyArgs): PolicyDocument {
  return policyDocument(
    {
      Sid: "S3ServerAccessLogsDelivery",
      Effect: "Allow",
      Principal: { Service: "logging.s3.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${args.accessLogBucketArn}/${args.prefix}*`,
      Condition: {
        ArnEquals: { "aws:SourceArn": args.sourceBucketArn },
        StringEquals: { "aws:SourceAccount": args.sourceAccountId },
      },
    },
    denyInsecureTransport(args.accessLogBucketArn),
  );
}

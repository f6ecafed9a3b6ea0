import { denyInsecurePublish, keyAdministrators, policyDocument, PolicyDocument } from "./document";

export interface TrailNotificationPolicyArgs {
  partition: string;
  /** The management account: it owns the trail, the topic and the key. */
  accountId: string;
  trailArn: string;
}

/**
 * The trail's delivery notification topic: only CloudTrail, publishing for this one trail, over TLS.
 * CloudTrail checks this policy at CreateTrail ("Amazon SNS topic policy for CloudTrail", CloudTrail user
 * guide, which recommends the `aws:SourceArn` condition).
 */
export function trailNotificationTopicPolicy(
  args: TrailNotificationPolicyArgs & { topicArn: string },
): PolicyDocument {
  return policyDocument(
    {
      Sid: "CloudTrailPublishesForThisTrail",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "sns:Publish",
      Resource: args.topicArn,
      Condition: { StringEquals: { "aws:SourceArn": args.trailArn } },
    },
    denyInsecurePublish(args.topicArn),
  );
}

/**
 * The topic's key. A service that publishes to an encrypted topic needs `kms:GenerateDataKey*` and
 * `kms:Decrypt` on its key ("Encrypting Amazon SNS topics: enable compatibility between event sources from
 * AWS services and encrypted topics", SNS developer guide); the AWS managed SNS key cannot grant that.
 */
export function trailNotificationKeyPolicy(args: TrailNotificationPolicyArgs): PolicyDocument {
  return policyDocument(keyAdministrators("AccountAdministers", args.partition, args.accountId), {
    Sid: "CloudTrailEncryptsNotifications",
    Effect: "Allow",
    Principal: { Service: "cloudtrail.amazonaws.com" },
    Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
    Resource: "*",
    Condition: { StringEquals: { "aws:SourceArn": args.trailArn } },
  });
}

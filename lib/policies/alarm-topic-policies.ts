import { denyInsecurePublish, keyAdministrators, policyDocument, PolicyDocument } from "./document";

export interface AlarmTopicPolicyArgs {
  partition: string;
  accountId: string;
  topicArn: string;
  /** `arn:<partition>:cloudwatch:<region>:<account>:alarm:<prefix>*`: the alarms this program creates. */
  alarmArnPattern: string;
}

/** Only this account's alarms of this program may publish, and only over TLS. */
export function alarmTopicPolicy(args: AlarmTopicPolicyArgs): PolicyDocument {
  return policyDocument(
    {
      Sid: "CloudWatchAlarmsPublish",
      Effect: "Allow",
      Principal: { Service: "cloudwatch.amazonaws.com" },
      Action: "sns:Publish",
      Resource: args.topicArn,
      Condition: {
        ArnLike: { "aws:SourceArn": args.alarmArnPattern },
        StringEquals: { "aws:SourceAccount": args.accountId },
      },
    },
    denyInsecurePublish(args.topicArn),
  );
}

/**
 * The topic's key. CloudWatch needs Decrypt and GenerateDataKey* to publish to an encrypted topic (the
 * AWS managed SNS key cannot grant it), pinned to this account's alarms of this program.
 */
export function alarmTopicKeyPolicy(args: Omit<AlarmTopicPolicyArgs, "topicArn">): PolicyDocument {
  return policyDocument(keyAdministrators("AccountAdministers", args.partition, args.accountId), {
    Sid: "CloudWatchAlarmsUseKey",
    Effect: "Allow",
    Principal: { Service: "cloudwatch.amazonaws.com" },
    Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
    Resource: "*",
    Condition: {
      ArnLike: { "aws:SourceArn": args.alarmArnPattern },
      StringEquals: { "aws:SourceAccount": args.accountId },
    },
  });
}

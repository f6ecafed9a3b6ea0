import * as kms from "@pulumi/aws/kms";
import * as sns from "@pulumi/aws/sns";
import * as pulumi from "@pulumi/pulumi";
import { stackNames } from "../lib/stack-names";
import {
  trailNotificationKeyPolicy,
  trailNotificationTopicPolicy,
} from "../lib/policies/trail-notification-policies";
import { KEY_DELETION_WINDOW_DAYS } from "./log-archive";

export interface TrailNotificationsArgs {
  partition: string;
  region: string;
  /** The management account, where the trail lives. */
  accountId: string;
  trailName: string;
  /** The ARN the trail will have: the topic and key policies name it before it exists. */
  trailArn: string;
  /** @default true */
  protect?: boolean;
}

/**
 * The topic CloudTrail notifies after every log file it delivers, encrypted with a customer managed key
 * that only this trail may use. A consumer (a SIEM, a queue) subscribes to it; a silent topic means the
 * deliveries stopped.
 */
export class TrailNotifications extends pulumi.ComponentResource {
  readonly key: kms.Key;
  readonly topic: sns.Topic;
  readonly topicPolicy: sns.TopicPolicy;

  constructor(name: string, args: TrailNotificationsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("org-governance:index:TrailNotifications", name, {}, opts);
    const keep = args.protect ?? true;
    const guarded = { parent: this, protect: keep, retainOnDelete: keep };
    const topicName = `${args.trailName}-log-deliveries`;
    const topicArn = `arn:${args.partition}:sns:${args.region}:${args.accountId}:${topicName}`;
    const policyArgs = { partition: args.partition, accountId: args.accountId, trailArn: args.trailArn };

    this.key = new kms.Key(
      `${name}-key`,
      {
        description: `Encrypts the log delivery notifications of ${args.trailName}`,
        enableKeyRotation: true,
        deletionWindowInDays: KEY_DELETION_WINDOW_DAYS,
        policy: JSON.stringify(trailNotificationKeyPolicy(policyArgs)),
      },
      guarded,
    );
    new kms.Alias(
      `${name}-key-alias`,
      { name: stackNames(args.trailName).notificationsKeyAlias, targetKeyId: this.key.keyId },
      { parent: this },
    );
    this.topic = new sns.Topic(`${name}-topic`, { name: topicName, kmsMasterKeyId: this.key.arn }, guarded);
    this.topicPolicy = new sns.TopicPolicy(
      `${name}-topic-policy`,
      {
        arn: this.topic.arn,
        policy: JSON.stringify(trailNotificationTopicPolicy({ ...policyArgs, topicArn })),
      },
      guarded,
    );
    this.registerOutputs({ topicArn: this.topic.arn });
  }
}

import * as cloudwatch from "@pulumi/aws/cloudwatch";
import * as kms from "@pulumi/aws/kms";
import * as sns from "@pulumi/aws/sns";
import * as pulumi from "@pulumi/pulumi";
import type { MonitoringControl } from "../lib/controls";
import { alarmTopicKeyPolicy, alarmTopicPolicy } from "../lib/policies/alarm-topic-policies";
import { ORIGINAL_TRAIL_NAME, stackNames } from "../lib/stack-names";
import { KEY_DELETION_WINDOW_DAYS } from "./log-archive";

/** CIS / Security Hub: alarm when the metric's sum reaches 1 within 5 minutes. */
export const ALARM_PERIOD_SECONDS = 300;

export interface SecurityMonitoringArgs {
  partition: string;
  region: string;
  accountId: string;
  /** The log group the trail delivers to: this program's, or an existing trail's (Control Tower). */
  logGroupName: string;
  controls: readonly MonitoringControl[];
  /**
   * The stack's trail name: the topic, key alias, filter and alarm names derive from it.
   * @default "org-governance"
   */
  trailName?: string;
  /** @default "OrgGovernance" for the original trail name, else "OrgGovernance/<trail name>" */
  namespace?: string;
  /** E-mail subscriptions of the alarm topic. @default [] */
  emails?: string[];
  /** Resources the log group depends on, when this program creates it. @default [] */
  logGroupDependencies?: pulumi.Resource[];
}

/**
 * One metric filter and one alarm per monitoring control, notifying an SNS topic encrypted with a
 * customer managed key that CloudWatch may use.
 */
export class SecurityMonitoring extends pulumi.ComponentResource {
  readonly topic: sns.Topic;
  readonly key: kms.Key;
  readonly filters: cloudwatch.LogMetricFilter[] = [];
  readonly alarms: cloudwatch.MetricAlarm[] = [];

  constructor(name: string, args: SecurityMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    super("org-governance:index:SecurityMonitoring", name, {}, opts);
    const names = stackNames(args.trailName ?? ORIGINAL_TRAIL_NAME);
    const namespace = args.namespace ?? names.defaultMetricNamespace;
    const topicName = names.alarmTopic;
    const topicArn = `arn:${args.partition}:sns:${args.region}:${args.accountId}:${topicName}`;
    const alarmArnPattern = `arn:${args.partition}:cloudwatch:${args.region}:${args.accountId}:alarm:${names.alarmPrefix}*`;

    this.key = new kms.Key(
      `${name}-key`,
      {
        description: "Encrypts the security alarm topic; CloudWatch alarms may use it",
        enableKeyRotation: true,
        deletionWindowInDays: KEY_DELETION_WINDOW_DAYS,
        policy: JSON.stringify(
          alarmTopicKeyPolicy({ partition: args.partition, accountId: args.accountId, alarmArnPattern }),
        ),
      },
      { parent: this },
    );
    new kms.Alias(
      `${name}-key-alias`,
      { name: names.alarmsKeyAlias, targetKeyId: this.key.keyId },
      { parent: this },
    );
    this.topic = new sns.Topic(
      `${name}-topic`,
      { name: topicName, kmsMasterKeyId: this.key.arn },
      { parent: this },
    );
    new sns.TopicPolicy(
      `${name}-topic-policy`,
      {
        arn: this.topic.arn,
        policy: JSON.stringify(
          alarmTopicPolicy({
            partition: args.partition,
            accountId: args.accountId,
            topicArn,
            alarmArnPattern,
          }),
        ),
      },
      { parent: this },
    );
    for (const email of args.emails ?? []) {
      new sns.TopicSubscription(
        `${name}-email-${email}`,
        { topic: this.topic.arn, protocol: "email", endpoint: email },
        { parent: this },
      );
    }

    for (const control of args.controls) {
      const resourceName = `${names.alarmPrefix}${control.id}`;
      const filter = new cloudwatch.LogMetricFilter(
        `${name}-${control.id}-filter`,
        {
          name: resourceName,
          logGroupName: args.logGroupName,
          pattern: control.filterPattern,
          metricTransformation: { name: control.metricName, namespace, value: "1", defaultValue: "0" },
        },
        { parent: this, dependsOn: args.logGroupDependencies ?? [] },
      );
      this.filters.push(filter);
      this.alarms.push(
        new cloudwatch.MetricAlarm(
          `${name}-${control.id}-alarm`,
          {
            name: resourceName,
            alarmDescription: `${control.title}. ${control.rationale}`,
            namespace,
            metricName: control.metricName,
            statistic: "Sum",
            period: ALARM_PERIOD_SECONDS,
            evaluationPeriods: 1,
            threshold: 1,
            comparisonOperator: "GreaterThanOrEqualToThreshold",
            treatMissingData: "notBreaching",
            alarmActions: [this.topic.arn],
          },
          // The metric exists once the filter does; an alarm on it before that would sit in INSUFFICIENT_DATA.
          { parent: this, dependsOn: [filter] },
        ),
      );
    }
    this.registerOutputs({ topicArn: this.topic.arn, controls: args.controls.map((c) => c.id) });
  }
}

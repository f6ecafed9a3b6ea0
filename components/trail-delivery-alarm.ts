import * as cloudwatch from "@pulumi/aws/cloudwatch";
import * as pulumi from "@pulumi/pulumi";
import { stackNames } from "../lib/stack-names";

/** @default 60: an organization's trail is never an hour without an event. */
export const DEFAULT_QUIET_MINUTES = 60;

export interface TrailDeliveryAlarmArgs {
  /**
   * The stack's trail name: the alarm's name starts with its alarm prefix, which the alarm topic's
   * policies pin.
   */
  trailName: string;
  /** The log group the trail delivers to. */
  logGroupName: string;
  /** Minutes without a single event that count as a broken delivery. @default 60 */
  quietMinutes?: number;
  /** Where the alarm goes: the security alarm topic. */
  alarmTopicArn: pulumi.Input<string>;
  /** Resources the log group depends on, when this program creates it. @default [] */
  logGroupDependencies?: pulumi.Resource[];
}

/**
 * Alarms when the trail's log group receives no events for `quietMinutes`: a broken key or bucket policy,
 * a deleted delivery role or a stopped trail all look like silence, never like an error. The metric is
 * `IncomingLogEvents` of namespace `AWS/Logs` per `LogGroupName` ("CloudWatch Logs metrics and
 * dimensions", CloudWatch Logs user guide). CloudWatch Logs publishes no data point for a period without
 * events, so missing data counts as breaching.
 */
export class TrailDeliveryAlarm extends pulumi.ComponentResource {
  readonly alarm: cloudwatch.MetricAlarm;

  constructor(name: string, args: TrailDeliveryAlarmArgs, opts?: pulumi.ComponentResourceOptions) {
    super("org-governance:index:TrailDeliveryAlarm", name, {}, opts);
    const minutes = args.quietMinutes ?? DEFAULT_QUIET_MINUTES;
    this.alarm = new cloudwatch.MetricAlarm(
      `${name}-quiet-log-group`,
      {
        name: `${stackNames(args.trailName).alarmPrefix}trail-delivery-stopped`,
        alarmDescription: `No CloudTrail event reached ${args.logGroupName} for ${minutes} minutes: check the trail's logging status, its key and bucket policies and its CloudWatch Logs role`,
        namespace: "AWS/Logs",
        metricName: "IncomingLogEvents",
        dimensions: { LogGroupName: args.logGroupName },
        statistic: "Sum",
        period: minutes * 60,
        evaluationPeriods: 1,
        threshold: 1,
        comparisonOperator: "LessThanThreshold",
        treatMissingData: "breaching",
        alarmActions: [args.alarmTopicArn],
        okActions: [args.alarmTopicArn],
      },
      { parent: this, dependsOn: args.logGroupDependencies ?? [] },
    );
    this.registerOutputs({ alarmName: this.alarm.name });
  }
}

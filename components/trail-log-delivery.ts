import * as cloudwatch from "@pulumi/aws/cloudwatch";
import * as iam from "@pulumi/aws/iam";
import * as kms from "@pulumi/aws/kms";
import * as pulumi from "@pulumi/pulumi";
import { logGroupArn, logGroupName } from "../lib/naming";
import { logGroupKeyPolicy } from "../lib/policies/log-group-key-policy";
import { trailLogsAssumeRolePolicy, trailLogsDeliveryPolicy } from "../lib/policies/trail-logs-role";
import { KEY_DELETION_WINDOW_DAYS } from "./log-archive";

export interface TrailLogDeliveryArgs {
  partition: string;
  region: string;
  managementAccountId: string;
  organizationId: string;
  trailName: string;
  /** @default 365 */
  retentionDays?: number;
  /**
   * Protect and retain the key, the log group, the delivery role and its policy: without any of them
   * CloudTrail stops delivering to CloudWatch Logs, and the monitoring alarms go silent.
   * @default true
   */
  protect?: boolean;
}

/**
 * Delivery of the trail's events to CloudWatch Logs in the management account: a KMS-encrypted log group
 * that the monitoring filters read, and the role CloudTrail assumes to write to it.
 */
export class TrailLogDelivery extends pulumi.ComponentResource {
  readonly logGroup: cloudwatch.LogGroup;
  readonly key: kms.Key;
  readonly role: iam.Role;
  readonly rolePolicy: iam.RolePolicy;
  readonly logGroupName: string;
  readonly logGroupArn: string;

  constructor(name: string, args: TrailLogDeliveryArgs, opts?: pulumi.ComponentResourceOptions) {
    super("org-governance:index:TrailLogDelivery", name, {}, opts);
    const keep = args.protect ?? true;
    const guarded = { parent: this, protect: keep, retainOnDelete: keep };
    this.logGroupName = logGroupName(args.trailName);
    this.logGroupArn = logGroupArn(args.partition, args.region, args.managementAccountId, this.logGroupName);
    const roleArgs = {
      managementAccountId: args.managementAccountId,
      organizationId: args.organizationId,
      region: args.region,
      logGroupArn: this.logGroupArn,
    };

    this.key = new kms.Key(
      `${name}-key`,
      {
        description: `Encrypts the CloudWatch Logs group ${this.logGroupName}`,
        enableKeyRotation: true,
        deletionWindowInDays: KEY_DELETION_WINDOW_DAYS,
        policy: JSON.stringify(
          logGroupKeyPolicy({
            partition: args.partition,
            region: args.region,
            accountId: args.managementAccountId,
            logGroupArn: this.logGroupArn,
          }),
        ),
      },
      guarded,
    );
    new kms.Alias(
      `${name}-key-alias`,
      { name: "alias/org-trail-log-group", targetKeyId: this.key.keyId },
      { parent: this },
    );

    this.logGroup = new cloudwatch.LogGroup(
      `${name}-log-group`,
      {
        name: this.logGroupName,
        retentionInDays: args.retentionDays ?? 365,
        kmsKeyId: this.key.arn,
        deletionProtectionEnabled: keep,
      },
      guarded,
    );

    this.role = new iam.Role(
      `${name}-role`,
      {
        name: `${args.trailName}-cloudwatch-logs`,
        description: `Lets CloudTrail deliver ${args.trailName} events to ${this.logGroupName}`,
        assumeRolePolicy: JSON.stringify(trailLogsAssumeRolePolicy()),
      },
      guarded,
    );
    this.rolePolicy = new iam.RolePolicy(
      `${name}-role-policy`,
      { role: this.role.name, policy: JSON.stringify(trailLogsDeliveryPolicy(roleArgs)) },
      guarded,
    );

    this.registerOutputs({
      logGroupName: this.logGroupName,
      logGroupArn: this.logGroupArn,
      keyArn: this.key.arn,
    });
  }
}

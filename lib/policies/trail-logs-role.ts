import { policyDocument, PolicyDocument } from "./document";

export interface TrailLogsRoleArgs {
  managementAccountId: string;
  organizationId: string;
  region: string;
  /** The log group ARN without `:*`. */
  logGroupArn: string;
}

/** The trust policy's one statement: the only service grant of the program that is not pinned. */
export const DELIVERY_ROLE_TRUST_SID = "CloudTrailAssumesDeliveryRole";

/**
 * The service grants that carry no `aws:SourceArn`/`aws:SourceAccount` pin, and why. The CloudTrail user
 * guide page "Role policy document for CloudTrail to use CloudWatch Logs for monitoring"
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-required-policy-for-cloudwatch-logs.html)
 * says confused-deputy prevention does not apply to this role and that its policy does not support those
 * keys: CloudTrail rejects a pinned trust policy with `InvalidCloudWatchLogsRoleArnException`. The role's
 * permissions policy is what keeps it narrow: it writes only to this trail's streams of one log group.
 */
export const UNPINNED_SERVICE_GRANTS: Readonly<Record<string, string>> = {
  [DELIVERY_ROLE_TRUST_SID]:
    'CloudTrail\'s CloudWatch Logs delivery role: "Role policy document for CloudTrail to use CloudWatch Logs for monitoring" says aws:SourceArn/aws:SourceAccount are not supported here',
};

/** CloudTrail may assume the delivery role; see UNPINNED_SERVICE_GRANTS for why it carries no condition. */
export function trailLogsAssumeRolePolicy(): PolicyDocument {
  return policyDocument({
    Sid: DELIVERY_ROLE_TRUST_SID,
    Effect: "Allow",
    Principal: { Service: "cloudtrail.amazonaws.com" },
    Action: "sts:AssumeRole",
  });
}

/**
 * Writes to the trail's streams in its one log group. An organization trail names its streams
 * `<managementAccountId>_CloudTrail_<region>…` for the management account and `<organizationId>_…` for
 * the member accounts.
 */
export function trailLogsDeliveryPolicy(args: TrailLogsRoleArgs): PolicyDocument {
  return policyDocument({
    Sid: "DeliverTrailEventsToLogGroup",
    Effect: "Allow",
    Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
    Resource: [
      `${args.logGroupArn}:log-stream:${args.managementAccountId}_CloudTrail_${args.region}*`,
      `${args.logGroupArn}:log-stream:${args.organizationId}_*`,
    ],
  });
}

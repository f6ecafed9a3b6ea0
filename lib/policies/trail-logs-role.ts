import { policyDocument, PolicyDocument } from "./document";

export interface TrailLogsRoleArgs {
  trailArn: string;
  managementAccountId: string;
  organizationId: string;
  region: string;
  /** The log group ARN without `:*`. */
  logGroupArn: string;
}

/** Only CloudTrail, acting for this one trail of this account, may assume the delivery role. */
export function trailLogsAssumeRolePolicy(args: TrailLogsRoleArgs): PolicyDocument {
  return policyDocument({
    Sid: "CloudTrailAssumesForThisTrail",
    Effect: "Allow",
    Principal: { Service: "cloudtrail.amazonaws.com" },
    Action: "sts:AssumeRole",
    Condition: {
      StringEquals: { "aws:SourceArn": args.trailArn, "aws:SourceAccount": args.managementAccountId },
    },
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

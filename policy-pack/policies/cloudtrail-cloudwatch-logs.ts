import { logGroupNameFromArn } from "../lib/arn";
import { NO_CONFIG } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import { type RuleResult, compliant, firstProblem, nonCompliant } from "../lib/result";
import { type TrailProps, expectText, onTrail } from "../lib/trail";
import { type ResourceView, resourcePolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "cloudtrail-cloudwatch-logs",
  description:
    "The trail also delivers to a CloudWatch Logs group, where metric filters and alarms watch it.",
  enforcementLevel: "mandatory",
  severity: "low",
  remediationSteps:
    "Set `cloudWatchLogsGroupArn` to the log group ARN followed by `:*` and `cloudWatchLogsRoleArn` to a role that cloudtrail.amazonaws.com can assume with logs:CreateLogStream and logs:PutLogEvents on that group.",
  securityHub: ["CloudTrail.5"],
  cis: ["v1.4.0/3.4"],
};

export function checkCloudWatchLogs(resource: ResourceView): RuleResult {
  return onTrail(resource, (trail) =>
    firstProblem(
      () =>
        expectText(
          trail,
          "cloudWatchLogsGroupArn",
          "no metric filter or alarm sees the trail's events",
          "set it to the log group ARN followed by `:*`",
        ),
      () => groupArnShape(trail),
      () =>
        expectText(
          trail,
          "cloudWatchLogsRoleArn",
          "CloudTrail has no role to write to the log group",
          "set it to a role CloudTrail can assume",
        ),
    ),
  );
}

/** CloudTrail only accepts the log group ARN with the log-stream wildcard. */
function groupArnShape(trail: TrailProps): RuleResult {
  const arn = String(trail.cloudWatchLogsGroupArn);
  if (logGroupNameFromArn(arn) !== undefined && arn.endsWith(":*")) return compliant();
  return nonCompliant(
    `\`cloudWatchLogsGroupArn\` is "${arn}": CloudTrail needs the log group ARN followed by ":*"; append ":*" to the group's ARN`,
  );
}

export const cloudtrailCloudWatchLogs = resourcePolicy(meta, NO_CONFIG, checkCloudWatchLogs);

import { z } from "zod";
import { policyConfig } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import { type Finding, type RuleResult, compliant, nonCompliant, notKnownYet } from "../lib/result";
import { type Stack, type StackResource, label } from "../lib/stack";
import { checkTrailLinks } from "../lib/trail-linked";
import { trailLogGroup } from "../lib/trail-links";
import { isUnknown } from "../lib/unknown";
import { stackPolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "trail-log-group-retention",
  description:
    "The CloudWatch Logs group that receives the trail keeps events for at least the required time.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps:
    "Set `retentionInDays` on the aws.cloudwatch.LogGroup to 365 or more (one of CloudWatch's allowed values, e.g. 365, 400, 545, 731), or leave it unset to never expire.",
  securityHub: ["CloudWatch.16"],
  cis: [],
};

const config = policyConfig(
  z.strictObject({
    minimumRetentionDays: z
      .number()
      .int()
      .min(1)
      .default(365)
      .describe("Shortest acceptable retention in days; a group that never expires always passes"),
  }),
);

export type LogGroupRetentionConfig = ReturnType<typeof config.parse>;

export function checkLogGroupRetention(stack: Stack, settings: LogGroupRetentionConfig): Finding[] {
  return checkTrailLinks(
    stack,
    trailLogGroup,
    { noun: "log group", property: "cloudWatchLogsGroupArn", reportedBy: "cloudtrail-cloudwatch-logs" },
    (group) => judgeRetention(group, settings.minimumRetentionDays),
  );
}

function judgeRetention(group: StackResource, minimumDays: number): RuleResult {
  const days = group.props.retentionInDays;
  if (isUnknown(days)) return notKnownYet(`\`retentionInDays\` of ${label(group)}`);
  // 0 or unset means the events never expire.
  if (days === undefined || days === null || days === 0) return compliant();
  if (typeof days === "number" && days >= minimumDays) return compliant();
  return nonCompliant(
    `${label(group)} keeps events ${JSON.stringify(days)} days, fewer than the required ${minimumDays}; raise \`retentionInDays\``,
  );
}

export const trailLogGroupRetention = stackPolicy(meta, config, checkLogGroupRetention);

import { NO_CONFIG } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import { type Finding, type RuleResult, compliant, nonCompliant, notKnownYet } from "../lib/result";
import { KMS_ALIAS, KMS_KEY } from "../lib/resource-types";
import { type Stack, type StackResource, dependenciesOf, label } from "../lib/stack";
import { checkTrailLinks } from "../lib/trail-linked";
import { trailLogGroup } from "../lib/trail-links";
import { isUnknown } from "../lib/unknown";
import { stackPolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "trail-log-group-encryption",
  description:
    "The CloudWatch Logs group that receives the trail is encrypted with a customer managed KMS key.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps:
    "Set `kmsKeyId` on the aws.cloudwatch.LogGroup to the ARN of a KMS key whose policy lets logs.<region>.amazonaws.com use it.",
  securityHub: [],
  cis: [],
};

export function checkLogGroupEncryption(stack: Stack): Finding[] {
  return checkTrailLinks(
    stack,
    trailLogGroup,
    { noun: "log group", property: "cloudWatchLogsGroupArn", reportedBy: "cloudtrail-cloudwatch-logs" },
    (group) => judgeEncryption(stack, group),
  );
}

function judgeEncryption(stack: Stack, group: StackResource): RuleResult {
  const key = group.props.kmsKeyId;
  if (isUnknown(key)) {
    // In preview the key ARN is unknown, but the engine records the key it will come from.
    const sources = dependenciesOf(stack, group, "kmsKeyId", [...KMS_KEY, ...KMS_ALIAS]);
    return sources.length > 0 ? compliant() : notKnownYet(`\`kmsKeyId\` of ${label(group)}`);
  }
  if (typeof key === "string" && key.trim() !== "") return compliant();
  return nonCompliant(
    `${label(group)} has no \`kmsKeyId\`, so trail events sit under a service-owned key; set it`,
  );
}

export const trailLogGroupEncryption = stackPolicy(meta, NO_CONFIG, checkLogGroupEncryption);

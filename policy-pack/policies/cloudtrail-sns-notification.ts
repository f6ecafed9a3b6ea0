import { NO_CONFIG } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import type { RuleResult } from "../lib/result";
import { expectText, onTrail } from "../lib/trail";
import { type ResourceView, resourcePolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "cloudtrail-sns-notification",
  description:
    "The trail notifies an SNS topic when it delivers a log file, so missing deliveries can be noticed.",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps:
    "Create an aws.sns.Topic whose policy lets cloudtrail.amazonaws.com publish, and set the trail's `snsTopicName` to its name or ARN.",
  securityHub: [],
  cis: [],
};

export function checkSnsNotification(resource: ResourceView): RuleResult {
  return onTrail(resource, (trail) =>
    expectText(
      trail,
      "snsTopicName",
      "nobody hears about log deliveries",
      "set it to an SNS topic name or ARN",
    ),
  );
}

export const cloudtrailSnsNotification = resourcePolicy(meta, NO_CONFIG, checkSnsNotification);

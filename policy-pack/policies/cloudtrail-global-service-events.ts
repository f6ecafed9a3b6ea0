import { NO_CONFIG } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import type { RuleResult } from "../lib/result";
import { expectFlag, onTrail } from "../lib/trail";
import { type ResourceView, resourcePolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "cloudtrail-global-service-events",
  description: "The trail records events of global services such as IAM, STS and CloudFront.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Remove `includeGlobalServiceEvents: false` from the trail (AWS defaults it to true).",
  securityHub: ["CloudTrail.1"],
  cis: ["v1.4.0/3.1", "v3.0.0/3.1"],
};

export function checkGlobalServiceEvents(resource: ResourceView): RuleResult {
  return onTrail(resource, (trail) =>
    expectFlag(trail, "includeGlobalServiceEvents", true, true, "IAM and STS activity goes unrecorded"),
  );
}

export const cloudtrailGlobalServiceEvents = resourcePolicy(meta, NO_CONFIG, checkGlobalServiceEvents);

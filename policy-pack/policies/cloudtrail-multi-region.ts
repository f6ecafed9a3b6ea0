import { NO_CONFIG } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import type { RuleResult } from "../lib/result";
import { expectFlag, onTrail } from "../lib/trail";
import { type ResourceView, resourcePolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "cloudtrail-multi-region",
  description: "The trail records API activity in every AWS Region, not only its home Region.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Set `isMultiRegionTrail: true` on the aws.cloudtrail.Trail.",
  securityHub: ["CloudTrail.1"],
  cis: ["v1.4.0/3.1", "v3.0.0/3.1"],
};

export function checkMultiRegion(resource: ResourceView): RuleResult {
  return onTrail(resource, (trail) =>
    expectFlag(trail, "isMultiRegionTrail", true, false, "activity in other Regions goes unrecorded"),
  );
}

export const cloudtrailMultiRegion = resourcePolicy(meta, NO_CONFIG, checkMultiRegion);

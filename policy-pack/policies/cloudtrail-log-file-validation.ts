import { NO_CONFIG } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import type { RuleResult } from "../lib/result";
import { expectFlag, onTrail } from "../lib/trail";
import { type ResourceView, resourcePolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "cloudtrail-log-file-validation",
  description: "The trail writes signed digest files, so changed or deleted log files can be detected.",
  enforcementLevel: "mandatory",
  severity: "low",
  remediationSteps: "Set `enableLogFileValidation: true` on the trail.",
  securityHub: ["CloudTrail.4"],
  cis: ["v1.4.0/3.2", "v3.0.0/3.2"],
};

export function checkLogFileValidation(resource: ResourceView): RuleResult {
  return onTrail(resource, (trail) =>
    expectFlag(
      trail,
      "enableLogFileValidation",
      true,
      false,
      "tampering with delivered log files goes unnoticed",
    ),
  );
}

export const cloudtrailLogFileValidation = resourcePolicy(meta, NO_CONFIG, checkLogFileValidation);

import { NO_CONFIG } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import type { RuleResult } from "../lib/result";
import { expectFlag, onTrail } from "../lib/trail";
import { type ResourceView, resourcePolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "cloudtrail-logging-enabled",
  description: "The trail is logging: it has not been stopped.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps: "Remove `enableLogging: false` from the trail (AWS defaults it to true).",
  securityHub: ["CloudTrail.3"],
  cis: ["v1.4.0/3.1", "v3.0.0/3.1"],
};

export function checkLoggingEnabled(resource: ResourceView): RuleResult {
  return onTrail(resource, (trail) =>
    expectFlag(trail, "enableLogging", true, true, "the trail is stopped and records nothing"),
  );
}

export const cloudtrailLoggingEnabled = resourcePolicy(meta, NO_CONFIG, checkLoggingEnabled);

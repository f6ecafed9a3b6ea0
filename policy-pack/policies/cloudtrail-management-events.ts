import { NO_CONFIG } from "../lib/config";
import { managementCoverage, selectorsOf } from "../lib/event-selectors";
import type { PolicyMeta } from "../lib/metadata";
import { type RuleResult, compliant, nonCompliant, notKnownYet } from "../lib/result";
import { onTrail } from "../lib/trail";
import { type ResourceView, resourcePolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "cloudtrail-management-events",
  description:
    "The trail captures all management events, read and write, without excluding any event source.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    'Use one advanced event selector `{ fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] }` with no `readOnly` and no `eventSource` field (or leave both selector properties unset).',
  securityHub: ["CloudTrail.1"],
  cis: ["v1.4.0/3.1", "v3.0.0/3.1"],
};

export function checkManagementEvents(resource: ResourceView): RuleResult {
  return onTrail(resource, (trail) => {
    const selectors = selectorsOf(trail);
    if (selectors.kind === "unknown") return notKnownYet("the trail's event selector list");
    const coverage = managementCoverage(selectors);
    if (coverage.reads && coverage.writes) return compliant();
    const missing = [coverage.reads ? [] : ["read"], coverage.writes ? [] : ["write"]].flat().join(" and ");
    const narrowed =
      coverage.narrowedBy.length > 0
        ? ` (selectors narrowed by ${coverage.narrowedBy.join("; ")} do not count)`
        : "";
    return nonCompliant(
      `no ${selectors.kind} event selector captures every ${missing} management event${narrowed}; select eventCategory "Management" without readOnly or eventSource conditions`,
    );
  });
}

export const cloudtrailManagementEvents = resourcePolicy(meta, NO_CONFIG, checkManagementEvents);

import { NO_CONFIG } from "../lib/config";
import { s3WriteDataCoverage, selectorsOf } from "../lib/event-selectors";
import type { PolicyMeta } from "../lib/metadata";
import { type RuleResult, compliant, nonCompliant, notKnownYet } from "../lib/result";
import { onTrail } from "../lib/trail";
import { type ResourceView, resourcePolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "cloudtrail-s3-data-events",
  description: "The trail logs S3 object-level write events (PutObject, DeleteObject, ...) for all buckets.",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps:
    'Add an advanced event selector with `eventCategory` equals ["Data"], `resources.type` equals ["AWS::S3::Object"] and `readOnly` equals ["false"]. Excluding buckets with `resources.ARN` notStartsWith (e.g. the trail\'s own bucket) is allowed.',
  securityHub: ["S3.22"],
  cis: ["v1.4.0/3.10", "v3.0.0/3.8"],
};

export function checkS3DataEvents(resource: ResourceView): RuleResult {
  return onTrail(resource, (trail) => {
    const selectors = selectorsOf(trail);
    if (selectors.kind === "unknown") return notKnownYet("the trail's event selector list");
    const coverage = s3WriteDataCoverage(selectors);
    if (coverage.covered) return compliant();
    const why =
      coverage.shortfalls.length > 0
        ? `the S3 object selectors fall short: ${coverage.shortfalls.join("; ")}`
        : "no event selector selects AWS::S3::Object data events";
    return nonCompliant(`${why}; select all S3 object write events`);
  });
}

export const cloudtrailS3DataEvents = resourcePolicy(meta, NO_CONFIG, checkS3DataEvents);

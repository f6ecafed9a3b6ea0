import { z } from "zod";
import { policyConfig } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import { type RuleResult, compliant, nonCompliant, notKnownYet } from "../lib/result";
import { onTrail } from "../lib/trail";
import { containsUnknown } from "../lib/unknown";
import { type ResourceView, resourcePolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "cloudtrail-insights",
  description: "CloudTrail Insights flags unusual API call and error rates on the trail.",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps:
    'Set `insightSelectors: [{ insightType: "ApiCallRateInsight" }, { insightType: "ApiErrorRateInsight" }]` on the trail (Insights events are billed separately).',
  securityHub: [],
  cis: [],
};

const INSIGHT_TYPES = ["ApiCallRateInsight", "ApiErrorRateInsight"] as const;

const config = policyConfig(
  z.strictObject({
    insightTypes: z
      .array(z.enum(INSIGHT_TYPES))
      .min(1)
      .default([...INSIGHT_TYPES])
      .describe("Insight types the trail must enable"),
  }),
);

export type InsightsConfig = ReturnType<typeof config.parse>;

export function checkInsights(resource: ResourceView, settings: InsightsConfig): RuleResult {
  return onTrail(resource, (trail) => {
    const selectors = trail.insightSelectors;
    if (containsUnknown(selectors)) return notKnownYet("`insightSelectors`");
    const enabled = new Set(
      // Stryker disable next-line ArrayDeclaration: a placeholder entry has no insightType, so enables nothing
      (Array.isArray(selectors) ? selectors : []).map(
        (selector: { insightType?: unknown }) => selector?.insightType,
      ),
    );
    const missing = settings.insightTypes.filter((type) => !enabled.has(type));
    if (missing.length === 0) return compliant();
    return nonCompliant(
      `\`insightSelectors\` lacks ${missing.join(" and ")}; add { insightType: "${missing[0]}" }${missing.length > 1 ? " and the others" : ""}`,
    );
  });
}

export const cloudtrailInsights = resourcePolicy(meta, config, checkInsights);

import { z } from "zod";
import { policyConfig } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import { type RuleResult, compliant, nonCompliant, notKnownYet } from "../lib/result";
import { onTrail } from "../lib/trail";
import { isUnknown } from "../lib/unknown";
import { type ResourceView, resourcePolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "cloudtrail-tags",
  description: "The trail carries tags, including the keys the organization requires.",
  enforcementLevel: "advisory",
  severity: "low",
  remediationSteps: "Add `tags` to the trail with a non-empty value for every required key.",
  securityHub: ["CloudTrail.9"],
  cis: [],
};

const config = policyConfig(
  z.strictObject({
    requiredKeys: z
      .array(z.string().min(1))
      .default([])
      .describe("Tag keys that must be present with a non-empty value; with none, any tag will do"),
  }),
);

export type TagsConfig = ReturnType<typeof config.parse>;

function isTagMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !isUnknown(value) && Object.keys(value).length > 0;
}

export function checkTags(resource: ResourceView, settings: TagsConfig): RuleResult {
  return onTrail(resource, (trail) => {
    // `tagsAll` (state) includes the provider's default tags, the usual way to tag everything.
    const tags = isTagMap(trail.tagsAll) ? trail.tagsAll : trail.tags;
    if (isUnknown(tags)) return notKnownYet("`tags`");
    const values = new Map(tags !== null && typeof tags === "object" ? Object.entries(tags) : []);
    if (settings.requiredKeys.some((key) => isUnknown(values.get(key))))
      return notKnownYet("a required tag value");
    const missing = settings.requiredKeys.filter((key) => {
      const value = values.get(key);
      return typeof value !== "string" || value.trim() === "";
    });
    if (missing.length > 0) {
      return nonCompliant(
        `tags ${missing.map((key) => `"${key}"`).join(", ")} are missing or empty; add them to \`tags\``,
      );
    }
    if (values.size === 0) return nonCompliant("the trail has no tags; add `tags` (e.g. owner, purpose)");
    return compliant();
  });
}

export const cloudtrailTags = resourcePolicy(meta, config, checkTags);

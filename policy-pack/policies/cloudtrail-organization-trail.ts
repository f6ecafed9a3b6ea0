import { z } from "zod";
import { policyConfig } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import { type RuleResult, notApplicable } from "../lib/result";
import { expectFlag, onTrail } from "../lib/trail";
import { type ResourceView, resourcePolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "cloudtrail-organization-trail",
  description: "The trail is an organization trail, so it records every member account, including new ones.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    "Create the trail in the management account (or the CloudTrail delegated administrator) with `isOrganizationTrail: true`. Member-account stacks set `required: false` for this policy.",
  securityHub: [],
  cis: [],
};

const config = policyConfig(
  z.strictObject({
    required: z
      .boolean()
      .default(true)
      .describe("false for stacks in member accounts, whose trails cannot be organization trails"),
  }),
);

export type OrganizationTrailConfig = ReturnType<typeof config.parse>;

export function checkOrganizationTrail(
  resource: ResourceView,
  settings: OrganizationTrailConfig,
): RuleResult {
  return onTrail(resource, (trail) =>
    settings.required
      ? expectFlag(
          trail,
          "isOrganizationTrail",
          true,
          false,
          "member accounts of the organization go unrecorded",
        )
      : notApplicable("the policy config sets `required: false` for this stack"),
  );
}

export const cloudtrailOrganizationTrail = resourcePolicy(meta, config, checkOrganizationTrail);

import { CONFIG_NAMESPACE } from "../../lib/config/schema";
import { validateStackConfig } from "../../lib/config/validate";
import type { PolicyViolation } from "../policy-check/report";
import type { StackPolicyConfig } from "../policy-check/stack-policy-config";
import type { PlanResult } from "./run-plan";

const key = (path: string) => `${CONFIG_NAMESPACE}:${path}`;

/**
 * The stack config key that decides what each policy judges on the program's own resources. Policies
 * missing here judge settings the program fixes (encryption, validation, public access), which no stack
 * key changes.
 */
export const POLICY_CONFIG_KEYS: Readonly<Record<string, string>> = {
  "trail-bucket-object-lock": `${key("logArchive.objectLock.days")} (or .years, .mode)`,
  "trail-bucket-lifecycle": `${key("logArchive.lifecycle")} (expireAfterDays and the transitions)`,
  "trail-log-group-retention": key("trail.cloudWatchLogs.retentionDays"),
  "cloudtrail-insights": key("trail.insights"),
  "cloudtrail-s3-data-events": key("trail.dataEvents.s3"),
  "cloudtrail-tags": key("tags"),
  "cis-monitoring-coverage": key("monitoring.controls"),
  "cloudtrail-organization-trail": key("trail.create"),
};

/**
 * What the plan's policy check takes from the planned stack: its own choice of monitoring controls (the
 * pack's cis-monitoring-coverage defaults to the CIS set, which would fail any other selection).
 */
export function stackPolicyConfig(plan: PlanResult): StackPolicyConfig {
  const { controls } = validateStackConfig(plan.config).monitoring;
  return {
    stack: `stack ${plan.stack}`,
    config: { "cis-monitoring-coverage": { properties: { controls } } },
    keys: { "cis-monitoring-coverage": { controls: key("monitoring.controls") } },
  };
}

/** "change org-governance:…" for a finding on a setting the stack decides, else undefined. */
export function configKeyOf(violation: PolicyViolation): string | undefined {
  return POLICY_CONFIG_KEYS[violation.policyName];
}

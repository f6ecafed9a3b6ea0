import { z } from "zod";
import { policyConfig } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import { objectLockOf } from "../lib/object-lock";
import { type Finding, type RuleResult, compliant, nonCompliant, notKnownYet } from "../lib/result";
import type { Stack } from "../lib/stack";
import { type BucketContext, checkTrailBuckets } from "../lib/trail-bucket";
import { stackPolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "trail-bucket-object-lock",
  description:
    "The trail's log archive bucket has S3 Object Lock with a default retention, so delivered logs cannot be deleted or overwritten.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    'Create the bucket with `objectLockEnabled: true` and add an aws.s3.BucketObjectLockConfiguration with `rule: { defaultRetention: { mode: "COMPLIANCE", days: 365 } }` (or the mode and days from the policy config).',
  securityHub: ["S3.15"],
  cis: [],
};

const config = policyConfig(
  z.strictObject({
    mode: z
      .enum(["COMPLIANCE", "GOVERNANCE"])
      .default("COMPLIANCE")
      .describe("Weakest acceptable retention mode; COMPLIANCE also satisfies GOVERNANCE"),
    minimumRetentionDays: z
      .number()
      .int()
      .min(1)
      .default(365)
      .describe("Shortest acceptable default retention in days (a year counts as 365 days)"),
  }),
);

export type ObjectLockConfig = ReturnType<typeof config.parse>;

export function checkBucketObjectLock(stack: Stack, settings: ObjectLockConfig): Finding[] {
  return checkTrailBuckets(stack, (context) => judgeLock(context, settings));
}

function judgeLock({ stack, bucket, title }: BucketContext, settings: ObjectLockConfig): RuleResult {
  const lock = objectLockOf(stack, bucket);
  if (lock.kind === "unknown") return notKnownYet(`${lock.what} of ${title}`);
  if (lock.kind === "disabled") {
    return nonCompliant(
      `${title} has no Object Lock: delivered logs can be deleted; enable it (\`objectLockEnabled: true\`) and add a default retention`,
    );
  }
  const retention = lock.retention;
  if (!retention) {
    return nonCompliant(
      `${title} has Object Lock but no default retention, so new log files are not locked; add \`rule.defaultRetention\``,
    );
  }
  if (settings.mode === "COMPLIANCE" && retention.mode !== "COMPLIANCE") {
    return nonCompliant(
      `${title} locks in ${retention.mode ?? "no"} mode: principals with s3:BypassGovernanceRetention can delete logs; use mode "COMPLIANCE"`,
    );
  }
  if (retention.days === undefined || retention.days < settings.minimumRetentionDays) {
    return nonCompliant(
      `${title} retains logs for ${retention.days ?? "no"} days, fewer than the required ${settings.minimumRetentionDays}; raise \`defaultRetention.days\``,
    );
  }
  return compliant();
}

export const trailBucketObjectLock = stackPolicy(meta, config, checkBucketObjectLock);

import { z } from "zod";
import { policyConfig } from "../lib/config";
import { type ExpiryRule, earlyExpiries, rulesOfBucket, rulesOfConfiguration } from "../lib/lifecycle";
import type { PolicyMeta } from "../lib/metadata";
import { objectLockOf } from "../lib/object-lock";
import { BUCKET_LIFECYCLE } from "../lib/resource-types";
import { type Finding, type RuleResult, compliant, nonCompliant, notKnownYet } from "../lib/result";
import { type Stack, label } from "../lib/stack";
import { type BucketContext, checkTrailBuckets } from "../lib/trail-bucket";
import { stackPolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "trail-bucket-lifecycle",
  description:
    "No lifecycle rule of the trail's log archive bucket expires log objects, current or noncurrent, before their lock retention ends.",
  enforcementLevel: "mandatory",
  severity: "high",
  remediationSteps:
    "Raise `expiration.days` and `noncurrentVersionExpiration.noncurrentDays` to at least the retention (or transition objects to a colder storage class instead), and drop date-based expirations.",
  securityHub: [],
  cis: [],
};

const config = policyConfig(
  z.strictObject({
    minimumRetentionDays: z
      .number()
      .int()
      .min(1)
      .default(365)
      .describe("Days log objects must survive; the bucket's Object Lock retention raises it when longer"),
  }),
);

export type LifecycleConfig = ReturnType<typeof config.parse>;

export function checkBucketLifecycle(stack: Stack, settings: LifecycleConfig): Finding[] {
  return checkTrailBuckets(stack, (context) => judgeLifecycle(context, settings));
}

function judgeLifecycle(
  { stack, bucket, title, settings }: BucketContext,
  policy: LifecycleConfig,
): RuleResult {
  const lock = objectLockOf(stack, bucket);
  if (lock.kind === "unknown") return notKnownYet(`${lock.what} of ${title}`);
  const lockDays = lock.kind === "enabled" ? (lock.retention?.days ?? 0) : 0;
  const days = Math.max(policy.minimumRetentionDays, lockDays);
  // Versions are locked from creation for lockDays: lifecycle cannot delete one, noncurrent or not, sooner.
  const lockHoldsVersions = lockDays >= days;
  const { linked, undetermined } = settings(BUCKET_LIFECYCLE);
  if (linked.length === 0 && undetermined.length > 0) {
    return notKnownYet(`which bucket ${label(undetermined[0])} applies to`);
  }
  const ruleSets = [
    ...linked.map((configuration) => rulesOfConfiguration(configuration.props)),
    rulesOfBucket(bucket.props),
  ];
  if (ruleSets.includes("unknown")) return notKnownYet(`the lifecycle rules of ${title}`);
  const problems = (ruleSets as ExpiryRule[][])
    .flat()
    .flatMap((rule) =>
      earlyExpiries(rule, days, lockHoldsVersions).map((problem) => `rule "${rule.id}" ${problem}`),
    );
  if (problems.length === 0) return compliant();
  return nonCompliant(
    `${title} must keep logs ${days} days, but ${problems.join("; ")}; lengthen or remove those expirations`,
  );
}

export const trailBucketLifecycle = stackPolicy(meta, config, checkBucketLifecycle);

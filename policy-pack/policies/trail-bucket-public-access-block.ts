import { NO_CONFIG } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import { ACCOUNT_PUBLIC_ACCESS_BLOCK, BUCKET_PUBLIC_ACCESS_BLOCK } from "../lib/resource-types";
import { type Finding, type RuleResult, compliant, nonCompliant, notKnownYet } from "../lib/result";
import { type Stack, type StackResource, label, ofType } from "../lib/stack";
import { type BucketContext, checkTrailBuckets } from "../lib/trail-bucket";
import { isUnknown } from "../lib/unknown";
import { stackPolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "trail-bucket-public-access-block",
  description: "All four S3 Block Public Access settings protect the trail's log archive bucket.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps:
    "Add an aws.s3.BucketPublicAccessBlock for the bucket with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets all true (an aws.s3.AccountPublicAccessBlock with all four, under the same provider, also counts).",
  securityHub: ["S3.8", "CloudTrail.6"],
  cis: ["v1.4.0/2.1.5", "v1.4.0/3.3", "v3.0.0/2.1.4"],
};

const SETTINGS = [
  "blockPublicAcls",
  "blockPublicPolicy",
  "ignorePublicAcls",
  "restrictPublicBuckets",
] as const;

export function checkBucketPublicAccessBlock(stack: Stack): Finding[] {
  return checkTrailBuckets(stack, judgeBlock);
}

function judgeBlock({ stack, bucket, title, settings }: BucketContext): RuleResult {
  // S3 applies the stricter of the account-level and bucket-level settings.
  const account = ofType(stack, ACCOUNT_PUBLIC_ACCESS_BLOCK).filter(
    (block) => block.provider === bucket.provider,
  );
  if (account.some((block) => offSettings(block).length === 0)) return compliant();
  const { linked, undetermined } = settings(BUCKET_PUBLIC_ACCESS_BLOCK);
  if (linked.length === 0 && undetermined.length > 0) {
    return notKnownYet(`which bucket ${label(undetermined[0])} protects`);
  }
  if (linked.length === 0) {
    return nonCompliant(
      `${title} has no aws.s3.BucketPublicAccessBlock; add one with all four settings true`,
    );
  }
  const block = linked[0];
  if (SETTINGS.some((setting) => isUnknown(block.props[setting])))
    return notKnownYet(`the settings of ${label(block)}`);
  const off = offSettings(block);
  if (off.length === 0) return compliant();
  return nonCompliant(`${label(block)} leaves ${off.join(", ")} off for ${title}; set all four to true`);
}

function offSettings(block: StackResource): string[] {
  return SETTINGS.filter((setting) => block.props[setting] !== true);
}

export const trailBucketPublicAccessBlock = stackPolicy(meta, NO_CONFIG, checkBucketPublicAccessBlock);

import { NO_CONFIG } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import { valueAt } from "../lib/read";
import { BUCKET_VERSIONING } from "../lib/resource-types";
import { type Finding, type RuleResult, compliant, nonCompliant, notKnownYet } from "../lib/result";
import { type Stack, label } from "../lib/stack";
import { type BucketContext, checkTrailBuckets } from "../lib/trail-bucket";
import { isUnknown } from "../lib/unknown";
import { stackPolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "trail-bucket-versioning",
  description: "The trail's log archive bucket keeps every version of every object.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps:
    'Add an aws.s3.BucketVersioning for the bucket with `versioningConfiguration: { status: "Enabled" }` (a bucket created with Object Lock has versioning on already).',
  securityHub: ["S3.14"],
  cis: [],
};

export function checkBucketVersioning(stack: Stack): Finding[] {
  return checkTrailBuckets(stack, judgeVersioning);
}

function judgeVersioning({ bucket, title, settings }: BucketContext): RuleResult {
  const { linked, undetermined } = settings(BUCKET_VERSIONING);
  for (const versioning of linked) {
    const status = valueAt(versioning.props, ["versioningConfiguration", "status"]);
    if (isUnknown(status)) return notKnownYet(`the versioning status of ${title}`);
    if (status !== "Enabled") {
      return nonCompliant(
        `${label(versioning)} sets ${title} to ${JSON.stringify(status ?? "no status")}; set \`versioningConfiguration.status\` to "Enabled"`,
      );
    }
  }
  if (linked.length > 0) return compliant();
  if (undetermined.length > 0) return notKnownYet(`which bucket ${label(undetermined[0])} configures`);
  const inline = valueAt(bucket.props, ["versioning", "enabled"]);
  const objectLock = bucket.props.objectLockEnabled;
  if (isUnknown(inline) || isUnknown(objectLock)) return notKnownYet(`the versioning of ${title}`);
  // S3 turns versioning on for a bucket created with Object Lock and refuses to suspend it.
  if (inline === true || objectLock === true) return compliant();
  return nonCompliant(`${title} is not versioned; add an aws.s3.BucketVersioning with status "Enabled"`);
}

export const trailBucketVersioning = stackPolicy(meta, NO_CONFIG, checkBucketVersioning);

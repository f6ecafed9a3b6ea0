import { type LinkedSettings, settingsOf } from "./links";
import { type Finding, type RuleResult, at, nonCompliant, notKnownYet, unknown } from "./result";
import { type Stack, type StackResource, label } from "./stack";
import { NO_TRAIL, trailsIn } from "./trail";
import { trailBucket } from "./trail-links";
import { isUnknown } from "./unknown";

/** A trail's log archive bucket, found in the stack, with what a bucket check needs to look around. */
export interface BucketContext {
  readonly stack: Stack;
  readonly trail: StackResource;
  readonly bucket: StackResource;
  /** `bucket "<name>"` for messages: the S3 name when known, else the Pulumi resource name. */
  readonly title: string;
  settings(tokens: readonly string[]): LinkedSettings;
}

/**
 * Runs a bucket check on the archive bucket of every trail in the stack. A trail whose bucket lives in
 * another stack gets an advisory "cannot verify" finding rather than a pass.
 */
export function checkTrailBuckets(stack: Stack, check: (context: BucketContext) => RuleResult): Finding[] {
  const trails = trailsIn(stack);
  if (trails.length === 0) return [NO_TRAIL];
  return trails.map((trail) => {
    const link = trailBucket(stack, trail);
    switch (link.kind) {
      case "found":
        return at(link.resource.urn, check(bucketContext(stack, trail, link.resource)));
      case "unknown":
        return at(trail.urn, notKnownYet(`which bucket ${label(trail)} delivers to (\`s3BucketName\`)`));
      case "absent":
        return at(
          trail.urn,
          nonCompliant(`${label(trail)} has no \`s3BucketName\`; set it to the log archive bucket`),
        );
      case "outside":
        return at(
          trail.urn,
          unknown(
            `cannot verify: ${label(trail)} delivers to bucket "${link.value}", which this stack does not manage; run the pack against the stack that does`,
          ),
        );
    }
  });
}

export function bucketContext(stack: Stack, trail: StackResource, bucket: StackResource): BucketContext {
  return {
    stack,
    trail,
    bucket,
    title: bucketTitle(bucket),
    settings: (tokens) => settingsOf(stack, bucket, tokens),
  };
}

export function bucketTitle(bucket: StackResource): string {
  const name = bucket.props.bucket;
  return typeof name === "string" && !isUnknown(name)
    ? `bucket "${name}"`
    : `bucket resource "${bucket.name}"`;
}

/** The bucket's S3 name, when known. */
export function bucketName(bucket: StackResource): string | undefined {
  const name = bucket.props.bucket;
  return typeof name === "string" && !isUnknown(name) ? name : undefined;
}

import { judgeTransportPolicy } from "../lib/bucket-policy";
import { NO_CONFIG } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import { BUCKET_POLICY } from "../lib/resource-types";
import { type Finding, type RuleResult, compliant, nonCompliant, notKnownYet } from "../lib/result";
import { type Stack, label } from "../lib/stack";
import { type BucketContext, bucketName, checkTrailBuckets } from "../lib/trail-bucket";
import { containsUnknown } from "../lib/unknown";
import { stackPolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "trail-bucket-tls-only",
  description:
    "The bucket policy of the trail's log archive bucket denies every request that does not use TLS.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps:
    'Add to the aws.s3.BucketPolicy a statement { Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [bucket ARN, bucket ARN + "/*"], Condition: { Bool: { "aws:SecureTransport": "false" } } }.',
  securityHub: ["S3.5"],
  cis: ["v1.4.0/2.1.2", "v3.0.0/2.1.1"],
};

export function checkBucketTlsOnly(stack: Stack): Finding[] {
  return checkTrailBuckets(stack, judgeTransport);
}

function judgeTransport({ bucket, title, settings }: BucketContext): RuleResult {
  const { linked, undetermined } = settings(BUCKET_POLICY);
  const documents = [...linked.map((policy) => policy.props.policy), bucket.props.policy].filter(
    (document) => document !== undefined && document !== null && document !== "",
  );
  const name = bucketName(bucket);
  if (name === undefined) return notKnownYet(`the name of ${title}`);
  // A value still unknown can only fail a check of the judge, never pass one: an unknown document is
  // judged "invalid", an unknown Effect, Principal, Action, Condition or Resource spoils only its statement.
  const verdicts = documents.map((d) => judgeTransportPolicy(d, name));
  if (verdicts.includes("denies-insecure-transport")) return compliant();
  if (documents.some(containsUnknown)) return notKnownYet(`the bucket policy of ${title}`);
  if (documents.length === 0 && undetermined.length > 0)
    return notKnownYet(`which bucket ${label(undetermined[0])} governs`);
  if (documents.length === 0) {
    return nonCompliant(
      `${title} has no bucket policy, so plain HTTP requests are allowed; add a Deny on aws:SecureTransport false`,
    );
  }
  if (verdicts.includes("invalid")) {
    return nonCompliant(`${title} has a bucket policy that is not a JSON policy document; fix the document`);
  }
  return nonCompliant(
    `${title} has no bucket policy statement that denies s3:* to Principal "*" on the bucket and its objects when aws:SecureTransport is false; add one`,
  );
}

export const trailBucketTlsOnly = stackPolicy(meta, NO_CONFIG, checkBucketTlsOnly);

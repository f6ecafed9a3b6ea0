import { NO_CONFIG } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import { asArray, valueAt } from "../lib/read";
import { BUCKET_ENCRYPTION } from "../lib/resource-types";
import { type Finding, type RuleResult, compliant, nonCompliant, notKnownYet } from "../lib/result";
import { type Stack, label } from "../lib/stack";
import { type BucketContext, checkTrailBuckets } from "../lib/trail-bucket";
import { containsUnknown } from "../lib/unknown";
import { stackPolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "trail-bucket-kms-encryption",
  description:
    "The trail's log archive bucket encrypts objects by default with a KMS key (SSE-KMS or DSSE-KMS).",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps:
    'Add an aws.s3.BucketServerSideEncryptionConfiguration with `applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }` and `bucketKeyEnabled: true`.',
  securityHub: ["S3.17"],
  cis: [],
};

const KMS_ALGORITHMS: readonly unknown[] = ["aws:kms", "aws:kms:dsse"];

export function checkBucketKmsEncryption(stack: Stack): Finding[] {
  return checkTrailBuckets(stack, judgeEncryption);
}

function judgeEncryption({ bucket, title, settings }: BucketContext): RuleResult {
  const { linked, undetermined } = settings(BUCKET_ENCRYPTION);
  if (linked.length === 0 && undetermined.length > 0) {
    return notKnownYet(`which bucket ${label(undetermined[0])} encrypts`);
  }
  const algorithms =
    linked.length > 0
      ? linked.flatMap((configuration) =>
          asArray(configuration.props.rules).map((rule) =>
            valueAt(rule, ["applyServerSideEncryptionByDefault", "sseAlgorithm"]),
          ),
        )
      : [
          valueAt(bucket.props, [
            "serverSideEncryptionConfiguration",
            "rule",
            "applyServerSideEncryptionByDefault",
            "sseAlgorithm",
          ]),
        ];
  // Every default that may apply must use KMS: of two configurations, S3 keeps whichever was written last.
  const weak = algorithms.filter(
    (algorithm) => !containsUnknown(algorithm) && !KMS_ALGORITHMS.includes(algorithm),
  );
  if (weak.length === 0 && algorithms.length > 0) {
    return algorithms.some(containsUnknown) ? notKnownYet(`the default encryption of ${title}`) : compliant();
  }
  const used = weak.filter((algorithm) => typeof algorithm === "string");
  const current =
    used.length > 0 ? `uses ${used.join(", ")}` : "has no default encryption, so S3 applies SSE-S3";
  return nonCompliant(`${title} ${current}; set \`sseAlgorithm\` to "aws:kms" with a customer managed key`);
}

export const trailBucketKmsEncryption = stackPolicy(meta, NO_CONFIG, checkBucketKmsEncryption);

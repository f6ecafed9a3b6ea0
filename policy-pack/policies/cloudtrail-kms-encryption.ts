import { NO_CONFIG } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import type { RuleResult } from "../lib/result";
import { expectText, onTrail } from "../lib/trail";
import { type ResourceView, resourcePolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "cloudtrail-kms-encryption",
  description: "The trail encrypts its log files with a customer managed KMS key (SSE-KMS).",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps:
    "Create an aws.kms.Key whose policy lets cloudtrail.amazonaws.com encrypt, and set the trail's `kmsKeyId` to its ARN.",
  securityHub: ["CloudTrail.2"],
  cis: ["v1.4.0/3.7", "v3.0.0/3.5"],
};

export function checkKmsEncryption(resource: ResourceView): RuleResult {
  return onTrail(resource, (trail) =>
    expectText(
      trail,
      "kmsKeyId",
      "log files are encrypted with S3-managed keys that anyone with bucket read access can use",
      "set it to the ARN of a customer managed KMS key",
    ),
  );
}

export const cloudtrailKmsEncryption = resourcePolicy(meta, NO_CONFIG, checkKmsEncryption);

import { NO_CONFIG } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import { type Finding, type RuleResult, compliant, nonCompliant, notKnownYet } from "../lib/result";
import { type Stack, type StackResource, label } from "../lib/stack";
import { checkTrailLinks } from "../lib/trail-linked";
import { trailKey } from "../lib/trail-links";
import { isUnknown } from "../lib/unknown";
import { stackPolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "trail-kms-key-rotation",
  description: "The KMS key that encrypts the trail's log files rotates its key material automatically.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps: "Set `enableKeyRotation: true` on the aws.kms.Key the trail's `kmsKeyId` names.",
  securityHub: ["KMS.4"],
  cis: ["v1.4.0/3.8", "v3.0.0/3.6"],
};

export function checkKeyRotation(stack: Stack): Finding[] {
  return checkTrailLinks(
    stack,
    trailKey,
    { noun: "KMS key", property: "kmsKeyId", reportedBy: "cloudtrail-kms-encryption" },
    judgeKey,
  );
}

function judgeKey(key: StackResource): RuleResult {
  const rotation = key.props.enableKeyRotation;
  if (isUnknown(rotation)) return notKnownYet(`\`enableKeyRotation\` of ${label(key)}`);
  if (rotation === true) return compliant();
  return nonCompliant(
    `${label(key)} does not rotate (\`enableKeyRotation\` is ${rotation ?? "not set"}); set it to true`,
  );
}

export const trailKmsKeyRotation = stackPolicy(meta, NO_CONFIG, checkKeyRotation);

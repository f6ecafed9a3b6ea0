import { NO_CONFIG } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import { type RuleResult, compliant, nonCompliant, notApplicable, notKnownYet } from "../lib/result";
import { isUnknown } from "../lib/unknown";
import { type ResourceView, resourcePolicy } from "../lib/wrap";

/** The token of `aws.athena.Workgroup` in @pulumi/aws 7. */
export const ATHENA_WORKGROUP = "aws:athena/workgroup:Workgroup";

/** Athena's result encryption options ("Encrypting Athena query results stored in Amazon S3"). */
const ENCRYPTION_OPTIONS = ["SSE_S3", "SSE_KMS", "CSE_KMS"];

const meta: PolicyMeta = {
  name: "athena-workgroup-encrypted-results",
  description:
    "An Athena workgroup encrypts query results and enforces it, so no client can write CloudTrail findings to S3 in the clear.",
  enforcementLevel: "advisory",
  severity: "medium",
  remediationSteps:
    'Set on the aws.athena.Workgroup `configuration: { enforceWorkgroupConfiguration: true, resultConfiguration: { outputLocation, encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn } } }`.',
  securityHub: [],
  cis: [],
};

interface WorkgroupConfiguration {
  enforceWorkgroupConfiguration?: unknown;
  resultConfiguration?: { encryptionConfiguration?: { encryptionOption?: unknown } };
}

export function checkWorkgroupEncryptedResults(resource: ResourceView): RuleResult {
  if (resource.type !== ATHENA_WORKGROUP)
    return notApplicable(`applies to ${ATHENA_WORKGROUP} resources only`);
  const configuration = resource.props.configuration as WorkgroupConfiguration | undefined;
  if (isUnknown(configuration)) return notKnownYet(`the configuration of ${resource.name}`);
  // Athena's default (and the provider's) is to enforce the workgroup's settings; only false opts out.
  const enforced = configuration?.enforceWorkgroupConfiguration;
  if (isUnknown(enforced)) return notKnownYet(`\`enforceWorkgroupConfiguration\` of ${resource.name}`);
  const option = configuration?.resultConfiguration?.encryptionConfiguration?.encryptionOption;
  if (isUnknown(option)) return notKnownYet(`the result encryption of ${resource.name}`);
  if (typeof option !== "string" || !ENCRYPTION_OPTIONS.includes(option)) {
    return nonCompliant(
      `workgroup ${resource.name} does not encrypt query results; set resultConfiguration.encryptionConfiguration.encryptionOption to SSE_KMS`,
    );
  }
  if (enforced === false) {
    return nonCompliant(
      `workgroup ${resource.name} lets clients override its result encryption; set enforceWorkgroupConfiguration: true`,
    );
  }
  return compliant();
}

export const athenaWorkgroupEncryptedResults = resourcePolicy(
  meta,
  NO_CONFIG,
  checkWorkgroupEncryptedResults,
);

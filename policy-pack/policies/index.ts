import type { Policies } from "@pulumi/policy";
import { athenaWorkgroupEncryptedResults } from "./athena-workgroup-encrypted-results";
import { cisMonitoringCoverage } from "./cis-monitoring-coverage";
import { cloudtrailCloudWatchLogs } from "./cloudtrail-cloudwatch-logs";
import { cloudtrailGlobalServiceEvents } from "./cloudtrail-global-service-events";
import { cloudtrailInsights } from "./cloudtrail-insights";
import { cloudtrailKmsEncryption } from "./cloudtrail-kms-encryption";
import { cloudtrailLogFileValidation } from "./cloudtrail-log-file-validation";
import { cloudtrailLoggingEnabled } from "./cloudtrail-logging-enabled";
import { cloudtrailManagementEvents } from "./cloudtrail-management-events";
import { cloudtrailMultiRegion } from "./cloudtrail-multi-region";
import { cloudtrailOrganizationTrail } from "./cloudtrail-organization-trail";
import { cloudtrailS3DataEvents } from "./cloudtrail-s3-data-events";
import { cloudtrailSnsNotification } from "./cloudtrail-sns-notification";
import { cloudtrailTags } from "./cloudtrail-tags";
import { guardrailExemptionWildcard } from "./guardrail-exemption-wildcard";
import { trailBucketAccessLogging } from "./trail-bucket-access-logging";
import { trailBucketKmsEncryption } from "./trail-bucket-kms-encryption";
import { trailBucketLifecycle } from "./trail-bucket-lifecycle";
import { trailBucketObjectLock } from "./trail-bucket-object-lock";
import { trailBucketPublicAccessBlock } from "./trail-bucket-public-access-block";
import { trailBucketTlsOnly } from "./trail-bucket-tls-only";
import { trailBucketVersioning } from "./trail-bucket-versioning";
import { trailGuardrails } from "./trail-guardrails";
import { trailKmsKeyRotation } from "./trail-kms-key-rotation";
import { trailLogGroupEncryption } from "./trail-log-group-encryption";
import { trailLogGroupRetention } from "./trail-log-group-retention";

/**
 * Every policy of the pack, in the order reports list them. Kept apart from index.ts because
 * `new PolicyPack(...)` starts a gRPC server, which tests and tooling must not do.
 */
export const POLICIES: Policies = [
  // The trail itself, judged resource by resource.
  cloudtrailMultiRegion,
  cloudtrailGlobalServiceEvents,
  cloudtrailLoggingEnabled,
  cloudtrailManagementEvents,
  cloudtrailLogFileValidation,
  cloudtrailKmsEncryption,
  cloudtrailCloudWatchLogs,
  cloudtrailOrganizationTrail,
  cloudtrailInsights,
  cloudtrailS3DataEvents,
  cloudtrailSnsNotification,
  cloudtrailTags,
  // What the trail relies on, judged across the stack.
  trailBucketObjectLock,
  trailBucketVersioning,
  trailBucketPublicAccessBlock,
  trailBucketKmsEncryption,
  trailBucketAccessLogging,
  trailBucketLifecycle,
  trailBucketTlsOnly,
  trailKmsKeyRotation,
  trailLogGroupRetention,
  trailLogGroupEncryption,
  cisMonitoringCoverage,
  // Preventive guardrails: organization policies that keep the trail and its archive intact.
  trailGuardrails,
  guardrailExemptionWildcard,
  // Reading the trail.
  athenaWorkgroupEncryptedResults,
];

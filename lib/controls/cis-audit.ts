import { callsOn } from "./required-calls";
import type { MonitoringControl } from "./types";
import { apiCall, assumedRole, ordinaryActivity } from "./vectors";

// Security Hub patterns are verbatim from its user guide; the Organizations pattern (no Security Hub
// control) is verbatim from CIS v3.0.0 recommendation 4.15.

export const cloudTrailConfigChanges: MonitoringControl = {
  id: "cloudtrail-config-changes",
  title: "CloudTrail configuration changes",
  cis: { v1_4: "4.5", v3_0: "4.5" },
  securityHub: "CloudWatch.5",
  filterPattern:
    "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging) || ($.eventName=StopLogging)}",
  metricName: "CloudTrailConfigChanges",
  trigger: "`CreateTrail`, `UpdateTrail`, `DeleteTrail`, `StartLogging`, `StopLogging`",
  rationale:
    "Stopping or deleting a trail is the first move of an intruder who wants the rest of the intrusion " +
    "to go unrecorded.",
  set: "cis",
  // CIS v1.2.0 3.5, v1.4.0-v5.0.0 4.5 and CloudWatch.5.
  requires: callsOn(
    "cloudtrail.amazonaws.com",
    ...["CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"],
  ),
  vectors: {
    matches: [
      apiCall("cloudtrail.amazonaws.com", "StopLogging", { requestParameters: { name: "org-trail" } }),
      apiCall("cloudtrail.amazonaws.com", "DeleteTrail", { requestParameters: { name: "org-trail" } }),
      apiCall("cloudtrail.amazonaws.com", "UpdateTrail", { userIdentity: assumedRole() }),
    ],
    ignores: [
      ...ordinaryActivity(),
      apiCall("cloudtrail.amazonaws.com", "DescribeTrails"),
      apiCall("cloudtrail.amazonaws.com", "GetTrailStatus"),
      apiCall("cloudtrail.amazonaws.com", "LookupEvents"),
      // Left to the extended control cloudtrail-event-selector-changes, which the CIS list lacks.
      apiCall("cloudtrail.amazonaws.com", "PutEventSelectors"),
    ],
  },
};

export const kmsKeyDisableOrDeletion: MonitoringControl = {
  id: "kms-key-disable-or-deletion",
  title: "Disabling or scheduled deletion of customer managed KMS keys",
  cis: { v1_4: "4.7", v3_0: "4.7" },
  securityHub: "CloudWatch.7",
  filterPattern:
    "{($.eventSource=kms.amazonaws.com) && (($.eventName=DisableKey) || ($.eventName=ScheduleKeyDeletion))}",
  metricName: "KmsKeyDisableOrDeletion",
  trigger: "KMS `DisableKey` or `ScheduleKeyDeletion`",
  rationale:
    "Data encrypted under a disabled or deleted key is unreadable, so this is both a ransom lever and a " +
    "way to destroy evidence encrypted at rest.",
  set: "cis",
  // CIS v1.2.0 3.7, v1.4.0-v5.0.0 4.7 and CloudWatch.7.
  requires: callsOn("kms.amazonaws.com", "DisableKey", "ScheduleKeyDeletion"),
  vectors: {
    matches: [
      apiCall("kms.amazonaws.com", "ScheduleKeyDeletion", {
        requestParameters: { keyId: "1234abcd-12ab-34cd-56ef-1234567890ab", pendingWindowInDays: 7 },
      }),
      apiCall("kms.amazonaws.com", "DisableKey", { userIdentity: assumedRole() }),
    ],
    ignores: [
      ...ordinaryActivity(),
      apiCall("kms.amazonaws.com", "EnableKey"),
      apiCall("kms.amazonaws.com", "CancelKeyDeletion"),
      apiCall("kms.amazonaws.com", "DisableKeyRotation"),
      apiCall("kms.amazonaws.com", "Decrypt", { userIdentity: assumedRole("app-reader") }),
    ],
  },
};

export const s3BucketPolicyChanges: MonitoringControl = {
  id: "s3-bucket-policy-changes",
  title: "S3 bucket policy changes",
  cis: { v1_4: "4.8", v3_0: "4.8" },
  securityHub: "CloudWatch.8",
  filterPattern:
    "{($.eventSource=s3.amazonaws.com) && (($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) || ($.eventName=PutBucketCors) || ($.eventName=PutBucketLifecycle) || ($.eventName=PutBucketReplication) || ($.eventName=DeleteBucketPolicy) || ($.eventName=DeleteBucketCors) || ($.eventName=DeleteBucketLifecycle) || ($.eventName=DeleteBucketReplication))}",
  metricName: "S3BucketPolicyChanges",
  trigger: "S3 bucket ACL, policy, CORS, lifecycle or replication put/delete",
  rationale:
    "A bucket policy or ACL edit can make data public or readable by a foreign account in one call, and a " +
    "lifecycle or replication change can quietly delete or copy it.",
  set: "cis",
  // CIS v1.2.0 3.8, v1.4.0-v5.0.0 4.8 and CloudWatch.8.
  requires: callsOn(
    "s3.amazonaws.com",
    ...["PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication"],
    ...["DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication"],
  ),
  vectors: {
    matches: [
      apiCall("s3.amazonaws.com", "PutBucketPolicy", { requestParameters: { bucketName: "reports-bucket" } }),
      apiCall("s3.amazonaws.com", "DeleteBucketPolicy", {
        requestParameters: { bucketName: "reports-bucket" },
      }),
      apiCall("s3.amazonaws.com", "PutBucketAcl", { userIdentity: assumedRole() }),
      apiCall("s3.amazonaws.com", "PutBucketReplication"),
    ],
    ignores: [
      ...ordinaryActivity(),
      apiCall("s3.amazonaws.com", "GetBucketPolicy"),
      apiCall("s3.amazonaws.com", "PutObject", { userIdentity: assumedRole("app-writer") }),
      apiCall("s3.amazonaws.com", "PutBucketTagging"),
    ],
  },
};

export const awsConfigChanges: MonitoringControl = {
  id: "aws-config-changes",
  title: "AWS Config configuration changes",
  cis: { v1_4: "4.9", v3_0: "4.9" },
  securityHub: "CloudWatch.9",
  filterPattern:
    "{($.eventSource=config.amazonaws.com) && (($.eventName=StopConfigurationRecorder) || ($.eventName=DeleteDeliveryChannel) || ($.eventName=PutDeliveryChannel) || ($.eventName=PutConfigurationRecorder))}",
  metricName: "AwsConfigChanges",
  trigger: "Config `StopConfigurationRecorder`, `PutConfigurationRecorder`, `Put`/`DeleteDeliveryChannel`",
  rationale:
    "AWS Config is the resource history auditors rely on; a stopped recorder or redirected delivery channel " +
    "leaves a gap nobody notices until it is needed.",
  set: "cis",
  // CIS v1.2.0 3.9, v1.4.0-v5.0.0 4.9 and CloudWatch.9.
  requires: callsOn(
    "config.amazonaws.com",
    ...[
      "StopConfigurationRecorder",
      "DeleteDeliveryChannel",
      "PutDeliveryChannel",
      "PutConfigurationRecorder",
    ],
  ),
  vectors: {
    matches: [
      apiCall("config.amazonaws.com", "StopConfigurationRecorder", {
        requestParameters: { configurationRecorderName: "default" },
      }),
      apiCall("config.amazonaws.com", "DeleteDeliveryChannel"),
      apiCall("config.amazonaws.com", "PutConfigurationRecorder", { userIdentity: assumedRole() }),
    ],
    ignores: [
      ...ordinaryActivity(),
      apiCall("config.amazonaws.com", "DescribeConfigurationRecorderStatus"),
      apiCall("config.amazonaws.com", "StartConfigurationRecorder"),
      apiCall("config.amazonaws.com", "PutEvaluations", { userIdentity: assumedRole("config-rule") }),
    ],
  },
};

export const organizationsChanges: MonitoringControl = {
  id: "organizations-changes",
  title: "AWS Organizations changes",
  cis: { v1_4: "4.15", v3_0: "4.15" },
  filterPattern:
    '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
  metricName: "OrganizationsChanges",
  trigger: "Organizations account, OU, policy (SCP), handshake and membership changes",
  rationale:
    "Detaching an SCP, moving an account out from under its OU or leaving the organization removes the " +
    "guardrails and the organization trail for every workload in that account.",
  set: "cis",
  // CIS v1.4.0-v5.0.0 4.15 (Security Hub has no Organizations control).
  requires: callsOn(
    "organizations.amazonaws.com",
    ...["AcceptHandshake", "AttachPolicy", "CreateAccount", "CreateOrganizationalUnit", "CreatePolicy"],
    ...["DeclineHandshake", "DeleteOrganization", "DeleteOrganizationalUnit", "DeletePolicy", "DetachPolicy"],
    ...["DisablePolicyType", "EnablePolicyType", "InviteAccountToOrganization", "LeaveOrganization"],
    ...["MoveAccount", "RemoveAccountFromOrganization", "UpdatePolicy", "UpdateOrganizationalUnit"],
  ),
  vectors: {
    matches: [
      apiCall("organizations.amazonaws.com", "LeaveOrganization", {
        userIdentity: assumedRole("workload-admin"),
      }),
      apiCall("organizations.amazonaws.com", "DetachPolicy", {
        requestParameters: { policyId: "p-examplescp1", targetId: "ou-ab12-cdef3456" },
      }),
      apiCall("organizations.amazonaws.com", "CreateAccount"),
    ],
    ignores: [
      ...ordinaryActivity(),
      apiCall("organizations.amazonaws.com", "DescribeOrganization"),
      apiCall("organizations.amazonaws.com", "ListAccounts"),
      // Same event names from IAM must not count as Organizations changes.
      apiCall("iam.amazonaws.com", "CreatePolicy"),
      apiCall("iam.amazonaws.com", "DeletePolicy"),
    ],
  },
};

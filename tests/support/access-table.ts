import {
  GUARDED_BUCKET_ACTIONS,
  GUARDED_KEY_ACTIONS,
  GUARDED_OBJECT_ACTIONS,
  GUARDED_TRAIL_ACTIONS,
  LEAVE_ORGANIZATION_ACTION,
} from "../../lib/policies/guardrail-service-control-policy";
import type { PlanResult } from "../../tools/plan/run-plan";
import { querySideRows } from "./access-table-query-side";
import { ADMINISTRATOR, AccessRequest } from "./iam-simulation";
import { named } from "./plan";

/** The names and ARNs a request needs, read from the plan (the mock cloud's ARNs), not rebuilt by hand. */
export interface PlanFacts {
  region: string;
  organizationId: string;
  managementAccountId: string;
  archiveAccountId: string;
  trailArn: string;
  archiveBucketArn: string;
  accessLogBucketArn: string;
  archiveKeyArn: string;
  logGroupKeyArn: string;
  logGroupArn: string;
  deliveryRoleArn: string;
  alarmTopicArn: string;
  alarmKeyArn: string;
  notificationTopicArn: string;
  notificationKeyArn: string;
}

export function planFacts(plan: PlanResult): PlanFacts {
  const output = (name: string, key = "arn") => String(named(plan, name).outputs[key]);
  const trailArn = output("organization-trail-cloudtrail");
  const [, , , region, managementAccountId] = trailArn.split(":");
  const archiveKeyArn = output("log-archive-key");
  return {
    region,
    organizationId: String(plan.outputs.organizationId),
    managementAccountId,
    archiveAccountId: archiveKeyArn.split(":")[4],
    trailArn,
    archiveBucketArn: output("log-archive-bucket"),
    accessLogBucketArn: output("log-archive-access-logs"),
    archiveKeyArn,
    logGroupKeyArn: output("trail-logs-key"),
    logGroupArn: output("trail-logs-log-group"),
    deliveryRoleArn: output("trail-logs-role"),
    alarmTopicArn: output("security-monitoring-topic"),
    alarmKeyArn: output("security-monitoring-key"),
    notificationTopicArn: output("trail-notifications-topic"),
    notificationKeyArn: output("trail-notifications-key"),
  };
}

const TLS = { "aws:SecureTransport": "true" };
const PLAIN_HTTP = { "aws:SecureTransport": "false" };
const ACL = { "s3:x-amz-acl": "bucket-owner-full-control" };

function otherTrailOf(trailArn: string): string {
  return trailArn.replace(/trail\/.*$/, "trail/someone-elses-trail");
}

/** The archive bucket's policy: CloudTrail writes for this trail only, over TLS, and nobody deletes the bucket. */
function archiveBucketRows(f: PlanFacts): AccessRequest[] {
  const document = "log-archive-bucket-policy.policy";
  const logFile = `${f.archiveBucketArn}/AWSLogs/${f.organizationId}/${f.managementAccountId}/CloudTrail/${f.region}/2026/01/01/file.json.gz`;
  const cloudTrail = { document, principal: "cloudtrail.amazonaws.com", resourceAccount: f.archiveAccountId };
  const write = { ...cloudTrail, action: "s3:PutObject", resource: logFile };
  return [
    {
      ...write,
      intent: "CloudTrail delivers this trail's log file under AWSLogs/<org>/<account>/",
      context: { "aws:SourceArn": f.trailArn, ...ACL, ...TLS },
      expected: "Allowed",
    },
    {
      ...write,
      intent: "CloudTrail acting for another trail cannot write",
      context: { "aws:SourceArn": otherTrailOf(f.trailArn), ...ACL, ...TLS },
      expected: "ExplicitlyDenied",
    },
    {
      ...write,
      intent: "CloudTrail cannot write without bucket-owner-full-control",
      context: { "aws:SourceArn": f.trailArn, "s3:x-amz-acl": "private", ...TLS },
      expected: "ImplicitlyDenied",
    },
    {
      ...write,
      resource: `${f.archiveBucketArn}/elsewhere/file.json.gz`,
      intent: "CloudTrail cannot write outside AWSLogs/",
      context: { "aws:SourceArn": f.trailArn, ...ACL, ...TLS },
      expected: "ImplicitlyDenied",
    },
    {
      ...write,
      intent: "plain HTTP is denied, even to CloudTrail",
      context: { "aws:SourceArn": f.trailArn, ...ACL, ...PLAIN_HTTP },
      expected: "ExplicitlyDenied",
    },
    {
      ...cloudTrail,
      action: "s3:GetBucketAcl",
      resource: f.archiveBucketArn,
      intent: "CloudTrail checks the bucket ACL for this trail",
      context: { "aws:SourceArn": f.trailArn, ...TLS },
      expected: "Allowed",
    },
    {
      document,
      principal: `arn:aws:iam::${f.archiveAccountId}:role/Administrator`,
      callerPolicies: [ADMINISTRATOR],
      action: "s3:PutObject",
      resource: logFile,
      resourceAccount: f.archiveAccountId,
      intent:
        "nobody but this trail writes to the archive, not even its account's administrator (no selector can tell CloudTrail's PutObject from theirs)",
      context: { ...ACL, ...TLS },
      expected: "ExplicitlyDenied",
    },
    {
      document,
      principal: `arn:aws:iam::${f.archiveAccountId}:role/Auditor`,
      callerPolicies: [ADMINISTRATOR],
      action: "s3:GetObject",
      resource: logFile,
      resourceAccount: f.archiveAccountId,
      intent: "a reader of the log-archive account reads log files (the read is recorded by the trail)",
      context: TLS,
      expected: "Allowed",
    },
    {
      document,
      principal: `arn:aws:iam::${f.archiveAccountId}:role/Administrator`,
      callerPolicies: [ADMINISTRATOR],
      action: "s3:DeleteBucket",
      resource: f.archiveBucketArn,
      resourceAccount: f.archiveAccountId,
      intent: "an administrator of the log-archive account cannot delete the bucket",
      context: TLS,
      expected: "ExplicitlyDenied",
    },
  ];
}

/** The archive key: CloudTrail encrypts (and, with the S3 Bucket Key, decrypts) for this trail only; readers need the CloudTrail context. */
function archiveKeyRows(f: PlanFacts): AccessRequest[] {
  const document = "log-archive-key.policy";
  const onKey = { document, resource: f.archiveKeyArn, resourceAccount: f.archiveAccountId };
  const cloudTrail = { ...onKey, principal: "cloudtrail.amazonaws.com" };
  const trailContext = { "kms:EncryptionContext:aws:cloudtrail:arn": f.trailArn };
  const reader = {
    ...onKey,
    principal: `arn:aws:iam::${f.archiveAccountId}:role/Auditor`,
    callerPolicies: [ADMINISTRATOR],
  };
  return [
    {
      ...cloudTrail,
      action: "kms:GenerateDataKey",
      intent: "CloudTrail generates data keys for this trail's logs",
      context: { "aws:SourceArn": f.trailArn, ...trailContext },
      expected: "Allowed",
    },
    {
      ...cloudTrail,
      action: "kms:Decrypt",
      intent: "CloudTrail decrypts for this trail, which the S3 Bucket Key needs at CreateTrail",
      context: { "aws:SourceArn": f.trailArn, ...trailContext },
      expected: "Allowed",
    },
    {
      ...cloudTrail,
      action: "kms:GenerateDataKey",
      intent: "CloudTrail acting for another trail cannot use the key",
      context: { "aws:SourceArn": otherTrailOf(f.trailArn), ...trailContext },
      expected: "ImplicitlyDenied",
    },
    {
      ...cloudTrail,
      action: "kms:GenerateDataKey",
      intent: "CloudTrail cannot use the key for another account's trails' context",
      context: {
        "aws:SourceArn": f.trailArn,
        "kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:eu-west-1:999999999999:trail/x",
      },
      expected: "ImplicitlyDenied",
    },
    {
      ...cloudTrail,
      action: "kms:DescribeKey",
      intent: "CloudTrail describes the key for this trail",
      context: { "aws:SourceArn": f.trailArn },
      expected: "Allowed",
    },
    {
      ...reader,
      action: "kms:Decrypt",
      intent: "a reader of the log-archive account decrypts log files (CloudTrail context)",
      context: { "kms:CallerAccount": f.archiveAccountId, ...trailContext },
      expected: "Allowed",
    },
    {
      ...reader,
      action: "kms:Decrypt",
      intent: "a reader without the CloudTrail encryption context cannot decrypt",
      context: { "kms:CallerAccount": f.archiveAccountId },
      expected: "ImplicitlyDenied",
    },
    {
      ...reader,
      action: "kms:ScheduleKeyDeletion",
      intent: "the log-archive account administers the key",
      expected: "Allowed",
    },
    {
      ...onKey,
      principal: `arn:aws:iam::${f.managementAccountId}:role/Administrator`,
      callerPolicies: [ADMINISTRATOR],
      action: "kms:Decrypt",
      intent: "the management account cannot decrypt the archive",
      context: { "kms:CallerAccount": f.managementAccountId, ...trailContext },
      expected: "ImplicitlyDenied",
    },
  ];
}

/** The access-log bucket: only S3 logging, for the archive bucket of the archive account. */
function accessLogRows(f: PlanFacts): AccessRequest[] {
  const base = {
    document: "log-archive-access-logs-policy.policy",
    principal: "logging.s3.amazonaws.com",
    action: "s3:PutObject",
    resource: `${f.accessLogBucketArn}/archive-bucket/2026-01-01-00-00-00-0123456789ABCDEF`,
    resourceAccount: f.archiveAccountId,
  };
  const source = { "aws:SourceArn": f.archiveBucketArn, "aws:SourceAccount": f.archiveAccountId };
  return [
    {
      ...base,
      intent: "S3 delivers the archive bucket's access logs",
      context: { ...source, ...TLS },
      expected: "Allowed",
    },
    {
      ...base,
      intent: "S3 cannot deliver another bucket's access logs here",
      context: { ...source, "aws:SourceArn": "arn:aws:s3:::someone-elses-bucket", ...TLS },
      expected: "ImplicitlyDenied",
    },
    {
      ...base,
      intent: "plain HTTP is denied",
      context: { ...source, ...PLAIN_HTTP },
      expected: "ExplicitlyDenied",
    },
  ];
}

/** CloudWatch Logs delivery: the log group's key, the delivery role's trust and its permissions. */
function logDeliveryRows(f: PlanFacts): AccessRequest[] {
  const logs = `logs.${f.region}.amazonaws.com`;
  const onKey = {
    document: "trail-logs-key.policy",
    resource: f.logGroupKeyArn,
    resourceAccount: f.managementAccountId,
  };
  const role = {
    document: "trail-logs-role-policy.policy",
    principal: f.deliveryRoleArn,
    resourceAccount: f.managementAccountId,
  };
  const trust = {
    document: "trail-logs-role.assumeRolePolicy",
    action: "sts:AssumeRole",
    resource: f.deliveryRoleArn,
    resourceAccount: f.managementAccountId,
  };
  return [
    {
      ...onKey,
      principal: logs,
      action: "kms:GenerateDataKey",
      intent: "CloudWatch Logs encrypts the trail's log group",
      context: { "kms:EncryptionContext:aws:logs:arn": f.logGroupArn },
      expected: "Allowed",
    },
    {
      ...onKey,
      principal: logs,
      action: "kms:Decrypt",
      intent: "CloudWatch Logs cannot use the key for another log group",
      context: { "kms:EncryptionContext:aws:logs:arn": `${f.logGroupArn}-other` },
      expected: "ImplicitlyDenied",
    },
    {
      ...trust,
      principal: "cloudtrail.amazonaws.com",
      intent: "CloudTrail assumes the delivery role (no source conditions: the role does not support them)",
      expected: "Allowed",
    },
    {
      ...trust,
      principal: "lambda.amazonaws.com",
      intent: "no other service assumes the delivery role",
      expected: "ImplicitlyDenied",
    },
    {
      ...role,
      action: "logs:PutLogEvents",
      resource: `${f.logGroupArn}:log-stream:${f.managementAccountId}_CloudTrail_${f.region}`,
      intent: "the role writes the management account's stream",
      expected: "Allowed",
    },
    {
      ...role,
      action: "logs:CreateLogStream",
      resource: `${f.logGroupArn}:log-stream:${f.organizationId}_${f.archiveAccountId}_CloudTrail_${f.region}`,
      intent: "the role creates the member accounts' streams",
      expected: "Allowed",
    },
    {
      ...role,
      action: "logs:PutLogEvents",
      resource: `${f.logGroupArn.replace(/log-group:.*$/, "log-group:other")}:log-stream:${f.managementAccountId}_CloudTrail_${f.region}`,
      intent: "the role writes to no other log group",
      expected: "ImplicitlyDenied",
    },
    {
      ...role,
      action: "logs:DeleteLogGroup",
      resource: f.logGroupArn,
      intent: "the role cannot delete the log group",
      expected: "ImplicitlyDenied",
    },
  ];
}

/** The alarm topic and its key: only this program's alarms publish, over TLS. */
function alarmRows(f: PlanFacts): AccessRequest[] {
  const alarm = `arn:aws:cloudwatch:${f.region}:${f.managementAccountId}:alarm:org-governance-root-account-usage`;
  const source = { "aws:SourceArn": alarm, "aws:SourceAccount": f.managementAccountId };
  const publish = {
    document: "security-monitoring-topic-policy.policy",
    principal: "cloudwatch.amazonaws.com",
    action: "sns:Publish",
    resource: f.alarmTopicArn,
    resourceAccount: f.managementAccountId,
  };
  const onKey = {
    document: "security-monitoring-key.policy",
    principal: "cloudwatch.amazonaws.com",
    resource: f.alarmKeyArn,
    resourceAccount: f.managementAccountId,
  };
  return [
    {
      ...publish,
      intent: "this program's alarms publish",
      context: { ...source, ...TLS },
      expected: "Allowed",
    },
    {
      ...publish,
      intent: "the trail delivery alarm publishes",
      context: {
        ...source,
        "aws:SourceArn": alarm.replace(/alarm:.*$/, "alarm:org-governance-trail-delivery-stopped"),
        ...TLS,
      },
      expected: "Allowed",
    },
    {
      ...publish,
      intent: "another alarm of the account cannot publish",
      context: { ...source, "aws:SourceArn": alarm.replace("org-governance-", "someone-"), ...TLS },
      expected: "ImplicitlyDenied",
    },
    {
      ...publish,
      intent: "plain HTTP is denied",
      context: { ...source, ...PLAIN_HTTP },
      expected: "ExplicitlyDenied",
    },
    {
      ...onKey,
      action: "kms:GenerateDataKey",
      intent: "this program's alarms encrypt messages for the topic",
      context: source,
      expected: "Allowed",
    },
    {
      ...onKey,
      action: "kms:Decrypt",
      intent: "another account's alarms cannot use the topic key",
      context: {
        "aws:SourceArn": alarm.replace(f.managementAccountId, "999999999999"),
        "aws:SourceAccount": "999999999999",
      },
      expected: "ImplicitlyDenied",
    },
  ];
}

/** The trail's delivery notification topic and its key: CloudTrail, for this trail only. */
function notificationRows(f: PlanFacts): AccessRequest[] {
  const publish = {
    document: "trail-notifications-topic-policy.policy",
    principal: "cloudtrail.amazonaws.com",
    action: "sns:Publish",
    resource: f.notificationTopicArn,
    resourceAccount: f.managementAccountId,
  };
  const onKey = {
    document: "trail-notifications-key.policy",
    principal: "cloudtrail.amazonaws.com",
    resource: f.notificationKeyArn,
    resourceAccount: f.managementAccountId,
  };
  return [
    {
      ...publish,
      intent: "CloudTrail notifies a delivery of this trail",
      context: { "aws:SourceArn": f.trailArn, ...TLS },
      expected: "Allowed",
    },
    {
      ...publish,
      intent: "CloudTrail acting for another trail cannot publish",
      context: { "aws:SourceArn": otherTrailOf(f.trailArn), ...TLS },
      expected: "ImplicitlyDenied",
    },
    {
      ...publish,
      intent: "plain HTTP is denied",
      context: { "aws:SourceArn": f.trailArn, ...PLAIN_HTTP },
      expected: "ExplicitlyDenied",
    },
    {
      ...onKey,
      action: "kms:GenerateDataKey",
      intent: "CloudTrail encrypts this trail's notifications",
      context: { "aws:SourceArn": f.trailArn },
      expected: "Allowed",
    },
    {
      ...onKey,
      action: "kms:Decrypt",
      intent: "CloudTrail acting for another trail cannot use the notification key",
      context: { "aws:SourceArn": otherTrailOf(f.trailArn) },
      expected: "ImplicitlyDenied",
    },
  ];
}

/**
 * The guardrails (SCP and RCP) together with the archive's own policies: the trail's deliveries still
 * pass, the archive refuses principals and services outside the organization, and member-account
 * administrators cannot loosen the archive. The deployment role named as exempt keeps managing it.
 */
function guardrailRows(f: PlanFacts): AccessRequest[] {
  const logFile = `${f.archiveBucketArn}/AWSLogs/${f.organizationId}/${f.managementAccountId}/CloudTrail/${f.region}/2026/01/01/file.json.gz`;
  const delivery = {
    document: "guardrails-rcp.content",
    alongWith: ["log-archive-bucket-policy.policy"],
    principal: "cloudtrail.amazonaws.com",
    action: "s3:PutObject",
    resource: logFile,
    resourceAccount: f.archiveAccountId,
  };
  const fromTrail = {
    "aws:SourceArn": f.trailArn,
    "aws:SourceAccount": f.managementAccountId,
    "aws:SourceOrgID": f.organizationId,
    "aws:PrincipalIsAWSService": "true",
    ...ACL,
    ...TLS,
  };
  const administrator = {
    document: "guardrails-scp.content",
    principal: `arn:aws:iam::${f.archiveAccountId}:role/Administrator`,
    callerPolicies: [ADMINISTRATOR],
    resourceAccount: f.archiveAccountId,
  };
  const accessLogObject = `${f.accessLogBucketArn}/archive-bucket/2026-01-01-00-00-00-0123456789ABCDEF`;
  const onArchive = { alongWith: ["log-archive-bucket-policy.policy"] };
  const onAccessLogs = { alongWith: ["log-archive-access-logs-policy.policy"] };
  const onKey = { alongWith: ["log-archive-key.policy"] };
  /** Every guarded action on a resource it guards, with that resource's own policy beside the SCP. */
  const guarded: { action: string; resource: string; resourceAccount?: string; alongWith?: string[] }[] = [
    ...GUARDED_BUCKET_ACTIONS.flatMap((action) => [
      { ...onArchive, action, resource: f.archiveBucketArn },
      { ...onAccessLogs, action, resource: f.accessLogBucketArn },
    ]),
    ...GUARDED_OBJECT_ACTIONS.flatMap((action) => [
      { ...onArchive, action, resource: logFile },
      { ...onAccessLogs, action, resource: accessLogObject },
    ]),
    ...GUARDED_KEY_ACTIONS.map((action) => ({ ...onKey, action, resource: f.archiveKeyArn })),
    // A CloudTrail delegated administrator is a member account acting on the management account's trail.
    ...GUARDED_TRAIL_ACTIONS.map((action) => ({
      action,
      resource: f.trailArn,
      resourceAccount: f.managementAccountId,
    })),
  ];
  const workloadAdministrator = "arn:aws:iam::444455556666:role/Administrator";
  return [
    ...guarded.map((request): AccessRequest => ({
      ...administrator,
      ...request,
      intent: `an administrator of the log-archive account with full permissions is denied ${request.action} on ${request.resource} (SCP)`,
      context: { "aws:PrincipalArn": administrator.principal },
      expected: "ExplicitlyDenied",
    })),
    {
      ...administrator,
      principal: workloadAdministrator,
      action: LEAVE_ORGANIZATION_ACTION,
      resource: "*",
      resourceAccount: "444455556666",
      intent: "a workload account cannot leave the organization, even with full permissions (SCP)",
      context: { "aws:PrincipalArn": workloadAdministrator },
      expected: "ExplicitlyDenied",
    },
    {
      ...delivery,
      intent: "with the RCP in force, CloudTrail still delivers this trail's log files",
      context: fromTrail,
      expected: "Allowed",
    },
    {
      ...delivery,
      intent: "with the RCP in force, a service acting for an account outside the organization cannot write",
      context: { ...fromTrail, "aws:SourceAccount": "999999999999", "aws:SourceOrgID": "o-outsider123" },
      expected: "ExplicitlyDenied",
    },
    {
      document: "guardrails-rcp.content",
      alongWith: ["log-archive-bucket-policy.policy"],
      principal: "arn:aws:iam::999999999999:role/Outsider",
      callerPolicies: [ADMINISTRATOR],
      action: "s3:GetObject",
      resource: logFile,
      resourceAccount: f.archiveAccountId,
      intent: "a principal outside the organization cannot read the archive",
      context: { "aws:PrincipalOrgID": "o-outsider123", "aws:PrincipalIsAWSService": "false", ...TLS },
      expected: "ExplicitlyDenied",
    },
    {
      ...administrator,
      action: "s3:PutBucketPolicy",
      resource: f.archiveBucketArn,
      intent: "a member-account administrator cannot replace the archive's bucket policy (SCP)",
      context: { "aws:PrincipalArn": administrator.principal, ...TLS },
      expected: "ExplicitlyDenied",
    },
    {
      ...administrator,
      principal: `arn:aws:iam::${f.archiveAccountId}:role/OrganizationAccountAccessRole`,
      action: "s3:PutBucketPolicy",
      resource: f.archiveBucketArn,
      intent: "the deployment role named as exempt still manages the archive (SCP)",
      context: {
        "aws:PrincipalArn": `arn:aws:iam::${f.archiveAccountId}:role/OrganizationAccountAccessRole`,
        ...TLS,
      },
      expected: "Allowed",
    },
    {
      ...administrator,
      principal: `arn:aws:iam::${f.archiveAccountId}:role/OrganizationAccountAccessRole`,
      action: LEAVE_ORGANIZATION_ACTION,
      resource: "*",
      intent: "even the exempt deployment role cannot take the account out of the organization (SCP)",
      context: {
        "aws:PrincipalArn": `arn:aws:iam::${f.archiveAccountId}:role/OrganizationAccountAccessRole`,
      },
      expected: "ExplicitlyDenied",
    },
    {
      ...delivery,
      document: "guardrails-rcp.content",
      alongWith: ["log-archive-key.policy"],
      action: "kms:GenerateDataKey",
      resource: f.archiveKeyArn,
      intent: "with the RCP in force, CloudTrail still generates data keys under the archive key",
      context: {
        "aws:SourceArn": f.trailArn,
        "aws:SourceAccount": f.managementAccountId,
        "aws:SourceOrgID": f.organizationId,
        "aws:PrincipalIsAWSService": "true",
        "kms:EncryptionContext:aws:cloudtrail:arn": f.trailArn,
        ...TLS,
      },
      expected: "Allowed",
    },
    {
      ...delivery,
      alongWith: ["log-archive-access-logs-policy.policy"],
      principal: "logging.s3.amazonaws.com",
      resource: accessLogObject,
      intent: "with the RCP in force, S3 still delivers the archive's server access logs",
      context: {
        "aws:SourceArn": f.archiveBucketArn,
        "aws:SourceAccount": f.archiveAccountId,
        "aws:SourceOrgID": f.organizationId,
        "aws:PrincipalIsAWSService": "true",
        ...TLS,
      },
      expected: "Allowed",
    },
  ];
}

/**
 * The access table: every generated document's intended behaviour as requests and decisions. One section
 * per concern; a new document (an SCP, an RCP, a reader role) adds its own section to this list.
 */
export const ACCESS_TABLE_SECTIONS: ((facts: PlanFacts) => AccessRequest[])[] = [
  archiveBucketRows,
  archiveKeyRows,
  accessLogRows,
  logDeliveryRows,
  alarmRows,
  notificationRows,
  guardrailRows,
  querySideRows,
];

export function accessTable(facts: PlanFacts): AccessRequest[] {
  return ACCESS_TABLE_SECTIONS.flatMap((section) => section(facts));
}

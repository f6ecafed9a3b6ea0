import type { PlanResult } from "../../tools/plan/run-plan";
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
      expected: "ImplicitlyDenied",
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
];

export function accessTable(facts: PlanFacts): AccessRequest[] {
  return ACCESS_TABLE_SECTIONS.flatMap((section) => section(facts));
}

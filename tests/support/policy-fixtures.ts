import assert from "node:assert/strict";
import { accessLogBucketPolicy } from "../../lib/policies/access-log-bucket-policy";
import { archiveBucketPolicy } from "../../lib/policies/archive-bucket-policy";
import { alarmTopicKeyPolicy, alarmTopicPolicy } from "../../lib/policies/alarm-topic-policies";
import { archiveKeyPolicy } from "../../lib/policies/archive-key-policy";
import type { PolicyDocument, PolicyStatement } from "../../lib/policies/document";
import { logGroupKeyPolicy } from "../../lib/policies/log-group-key-policy";
import {
  trailLogsAssumeRolePolicy,
  trailLogsDeliveryPolicy,
  TrailLogsRoleArgs,
} from "../../lib/policies/trail-logs-role";
import * as naming from "../../lib/naming";

/** One organization, named as the program names it, for every policy test. */
export const PARTITION = "aws";
export const REGION = "eu-west-1";
export const MANAGEMENT_ACCOUNT_ID = "111122223333";
export const ARCHIVE_ACCOUNT_ID = "222233334444";
export const ORGANIZATION_ID = "o-7xk2p9q4ab";
export const TRAIL_NAME = "org-governance";
export const TRAIL_ARN = naming.trailArn({
  partition: PARTITION,
  region: REGION,
  managementAccountId: MANAGEMENT_ACCOUNT_ID,
  trailName: TRAIL_NAME,
});
export const ARCHIVE_BUCKET_ARN = naming.bucketArn(
  PARTITION,
  naming.archiveBucketName(ARCHIVE_ACCOUNT_ID, REGION),
);
export const ACCESS_LOG_BUCKET_ARN = naming.bucketArn(
  PARTITION,
  naming.accessLogBucketName(ARCHIVE_ACCOUNT_ID, REGION),
);
export const LOG_GROUP_ARN = naming.logGroupArn(
  PARTITION,
  REGION,
  MANAGEMENT_ACCOUNT_ID,
  naming.logGroupName(TRAIL_NAME),
);

export const trailLogsRoleArgs: TrailLogsRoleArgs = {
  managementAccountId: MANAGEMENT_ACCOUNT_ID,
  organizationId: ORGANIZATION_ID,
  region: REGION,
  logGroupArn: LOG_GROUP_ARN,
};

export function buildArchiveBucketPolicy(): PolicyDocument {
  return archiveBucketPolicy({
    bucketArn: ARCHIVE_BUCKET_ARN,
    trailArn: TRAIL_ARN,
    organizationId: ORGANIZATION_ID,
    managementAccountId: MANAGEMENT_ACCOUNT_ID,
  });
}

export function buildArchiveKeyPolicy(): PolicyDocument {
  return archiveKeyPolicy({
    partition: PARTITION,
    archiveAccountId: ARCHIVE_ACCOUNT_ID,
    trailArn: TRAIL_ARN,
    managementTrailsArnPattern: naming.managementTrailsArnPattern(PARTITION, MANAGEMENT_ACCOUNT_ID),
  });
}

export function buildLogGroupKeyPolicy(region = REGION): PolicyDocument {
  const partition = naming.partitionOf(region);
  return logGroupKeyPolicy({
    partition,
    region,
    accountId: MANAGEMENT_ACCOUNT_ID,
    logGroupArn: naming.logGroupArn(
      partition,
      region,
      MANAGEMENT_ACCOUNT_ID,
      naming.logGroupName(TRAIL_NAME),
    ),
  });
}

export function buildAccessLogBucketPolicy(): PolicyDocument {
  return accessLogBucketPolicy({
    accessLogBucketArn: ACCESS_LOG_BUCKET_ARN,
    sourceBucketArn: ARCHIVE_BUCKET_ARN,
    sourceAccountId: ARCHIVE_ACCOUNT_ID,
    prefix: naming.ACCESS_LOG_PREFIX,
  });
}

export const ALARM_TOPIC_ARN = `arn:aws:sns:${REGION}:${MANAGEMENT_ACCOUNT_ID}:org-governance-security-alarms`;
/** The alarms this program creates, as `components/security-monitoring.ts` names them. */
export const ALARM_ARN_PATTERN = `arn:aws:cloudwatch:${REGION}:${MANAGEMENT_ACCOUNT_ID}:alarm:org-governance-*`;

export function buildAlarmTopicPolicy(): PolicyDocument {
  return alarmTopicPolicy({
    partition: PARTITION,
    accountId: MANAGEMENT_ACCOUNT_ID,
    topicArn: ALARM_TOPIC_ARN,
    alarmArnPattern: ALARM_ARN_PATTERN,
  });
}

export function buildAlarmTopicKeyPolicy(): PolicyDocument {
  return alarmTopicKeyPolicy({
    partition: PARTITION,
    accountId: MANAGEMENT_ACCOUNT_ID,
    alarmArnPattern: ALARM_ARN_PATTERN,
  });
}

/** Every policy document the program writes, by name. */
export function allPolicyDocuments(): Record<string, PolicyDocument> {
  return {
    "archive bucket policy": buildArchiveBucketPolicy(),
    "archive key policy": buildArchiveKeyPolicy(),
    "log group key policy": buildLogGroupKeyPolicy(),
    "access log bucket policy": buildAccessLogBucketPolicy(),
    "trail logs assume-role policy": trailLogsAssumeRolePolicy(),
    "trail logs delivery policy": trailLogsDeliveryPolicy(trailLogsRoleArgs),
    "alarm topic policy": buildAlarmTopicPolicy(),
    "alarm topic key policy": buildAlarmTopicKeyPolicy(),
  };
}

export function statement(document: PolicyDocument, sid: string): PolicyStatement {
  const found = document.Statement.find((s) => s.Sid === sid);
  assert.ok(found, `no statement ${sid}; have ${document.Statement.map((s) => s.Sid).join(", ")}`);
  return found;
}

export function listOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The pack's own matcher: tests and the guardrail policies read IAM action patterns the same way. */
export { actionCovers } from "../../policy-pack/lib/organization-policy";

/** Every condition key a statement tests, whatever the operator. */
export function conditionKeys(s: PolicyStatement): string[] {
  return Object.values(s.Condition ?? {}).flatMap((block) => Object.keys(block));
}

/** The value a condition key is tested against, with the operator that tests it. */
export function conditionOn(s: PolicyStatement, key: string): { operator: string; value: string | string[] } {
  for (const [operator, block] of Object.entries(s.Condition ?? {})) {
    if (key in block) return { operator, value: block[key] };
  }
  assert.fail(`statement ${s.Sid} has no condition on ${key}`);
}

import { selectControls } from "../../lib/controls";
import * as types from "../../policy-pack/lib/resource-types";
import type { Stack, StackResource } from "../../policy-pack/lib/stack";
import { UNKNOWN_STRING } from "../../policy-pack/lib/unknown";
import type { ResourceView } from "../../policy-pack/lib/wrap";
import { buildGuardrailServiceControlPolicy } from "../support/guardrail-fixtures";

/** What the engine sends for a value that only exists after `pulumi up`. */
export const UNKNOWN = UNKNOWN_STRING;

export const ACCOUNT = "111122223333";
export const ARCHIVE_BUCKET = `org-trail-archive-${ACCOUNT}`;
export const ACCESS_LOG_BUCKET = `org-trail-access-logs-${ACCOUNT}`;
export const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
export const KEY_ARN = `arn:aws:kms:eu-west-1:${ACCOUNT}:key/${KEY_ID}`;
export const LOG_GROUP_NAME = "org-trail";
export const LOG_GROUP_ARN = `arn:aws:logs:eu-west-1:${ACCOUNT}:log-group:${LOG_GROUP_NAME}`;
export const TOPIC_ARN = `arn:aws:sns:eu-west-1:${ACCOUNT}:org-trail-alerts`;
export const METRIC_NAMESPACE = "OrgGovernance/CIS";

export function urnOf(type: string, name: string): string {
  return `urn:pulumi:dev::org-governance::${type}::${name}`;
}

export function resource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  propertyDependencies: Record<string, readonly string[]> = {},
): StackResource {
  return { type, urn: urnOf(type, name), name, props, propertyDependencies };
}

export function trailProps(): Record<string, unknown> {
  return {
    name: "org-trail",
    isOrganizationTrail: true,
    isMultiRegionTrail: true,
    includeGlobalServiceEvents: true,
    enableLogFileValidation: true,
    enableLogging: true,
    kmsKeyId: KEY_ARN,
    s3BucketName: ARCHIVE_BUCKET,
    cloudWatchLogsGroupArn: `${LOG_GROUP_ARN}:*`,
    cloudWatchLogsRoleArn: `arn:aws:iam::${ACCOUNT}:role/org-trail-to-cloudwatch`,
    advancedEventSelectors: [
      { name: "management", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
      {
        name: "s3-writes",
        fieldSelectors: [
          { field: "eventCategory", equals: ["Data"] },
          { field: "resources.type", equals: ["AWS::S3::Object"] },
          { field: "readOnly", equals: ["false"] },
        ],
      },
    ],
    insightSelectors: [{ insightType: "ApiCallRateInsight" }, { insightType: "ApiErrorRateInsight" }],
    snsTopicName: TOPIC_ARN,
    tags: { owner: "platform-security", "data-classification": "audit" },
  };
}

/** The organization trail as a resource rule sees it; `undefined` in overrides removes a property. */
export function compliantTrail(overrides: Record<string, unknown> = {}): ResourceView {
  return {
    type: types.TRAIL[0],
    urn: urnOf(types.TRAIL[0], "org-trail"),
    name: "org-trail",
    props: merge(trailProps(), overrides),
  };
}

export function otherResource(): ResourceView {
  return {
    type: types.BUCKET[0],
    urn: urnOf(types.BUCKET[0], "archive"),
    name: "archive",
    props: { bucket: ARCHIVE_BUCKET },
  };
}

function tlsOnlyPolicy(bucket: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "AWSCloudTrailWrite",
        Effect: "Allow",
        Principal: { Service: "cloudtrail.amazonaws.com" },
        Action: "s3:PutObject",
        Resource: `arn:aws:s3:::${bucket}/AWSLogs/*`,
      },
      {
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      },
    ],
  });
}

function bucketSettings(prefix: string, bucket: string): StackResource[] {
  return [
    resource(types.BUCKET_VERSIONING[0], `${prefix}-versioning`, {
      bucket,
      versioningConfiguration: { status: "Enabled" },
    }),
    resource(types.BUCKET_ENCRYPTION[0], `${prefix}-encryption`, {
      bucket,
      rules: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY_ARN },
          bucketKeyEnabled: true,
        },
      ],
    }),
    resource(types.BUCKET_PUBLIC_ACCESS_BLOCK[0], `${prefix}-public-access-block`, {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    }),
    resource(types.BUCKET_POLICY[0], `${prefix}-policy`, { bucket, policy: tlsOnlyPolicy(bucket) }),
  ];
}

function monitoring(): StackResource[] {
  return selectControls("cis").flatMap((control) => [
    resource(types.LOG_METRIC_FILTER[0], `${control.id}-filter`, {
      logGroupName: LOG_GROUP_NAME,
      pattern: control.filterPattern,
      metricTransformation: { name: control.metricName, namespace: METRIC_NAMESPACE, value: "1" },
    }),
    resource(types.METRIC_ALARM[0], `${control.id}-alarm`, {
      metricName: control.metricName,
      namespace: METRIC_NAMESPACE,
      statistic: "Sum",
      period: 300,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: "GreaterThanOrEqualToThreshold",
      alarmActions: [TOPIC_ARN],
    }),
  ]);
}

/** The stack the org-governance program deploys, every setting compliant, as `pulumi policy analyze` sees it. */
export function compliantStack(): Stack {
  return [
    resource(types.TRAIL[0], "org-trail", trailProps()),
    resource(types.BUCKET[0], "archive", { bucket: ARCHIVE_BUCKET, objectLockEnabled: true }),
    ...bucketSettings("archive", ARCHIVE_BUCKET),
    resource(types.BUCKET_OBJECT_LOCK[0], "archive-object-lock", {
      bucket: ARCHIVE_BUCKET,
      objectLockEnabled: "Enabled",
      rule: { defaultRetention: { mode: "COMPLIANCE", days: 365 } },
    }),
    resource(types.BUCKET_LOGGING[0], "archive-logging", {
      bucket: ARCHIVE_BUCKET,
      targetBucket: ACCESS_LOG_BUCKET,
      targetPrefix: "archive/",
    }),
    resource(types.BUCKET_LIFECYCLE[0], "archive-lifecycle", {
      bucket: ARCHIVE_BUCKET,
      rules: [
        {
          id: "glacier-after-90-days",
          status: "Enabled",
          transitions: [{ days: 90, storageClass: "GLACIER" }],
        },
        {
          id: "expire-after-7-years",
          status: "Enabled",
          expiration: { days: 2557 },
          noncurrentVersionExpiration: { noncurrentDays: 2557 },
        },
      ],
    }),
    resource(types.BUCKET[0], "access-logs", { bucket: ACCESS_LOG_BUCKET }),
    ...bucketSettings("access-logs", ACCESS_LOG_BUCKET),
    resource(types.KMS_KEY[0], "trail-key", { arn: KEY_ARN, keyId: KEY_ID, enableKeyRotation: true }),
    resource(types.LOG_GROUP[0], "trail-log-group", {
      name: LOG_GROUP_NAME,
      arn: LOG_GROUP_ARN,
      retentionInDays: 365,
      kmsKeyId: KEY_ARN,
    }),
    resource(types.SNS_TOPIC[0], "alerts", { name: "org-trail-alerts", arn: TOPIC_ARN }),
    ...monitoring(),
    ...guardrails(),
  ];
}

export const GUARDRAIL_POLICY_ID = "p-abcd1234";

/** The service control policy that protects the trail and archive, attached to the root. */
function guardrails(): StackResource[] {
  return [
    resource(types.ORGANIZATION_POLICY[0], "guardrails-scp", {
      id: GUARDRAIL_POLICY_ID,
      arn: `arn:aws:organizations::${ACCOUNT}:policy/o-7xk2p9q4ab/service_control_policy/${GUARDRAIL_POLICY_ID}`,
      type: "SERVICE_CONTROL_POLICY",
      content: JSON.stringify(buildGuardrailServiceControlPolicy()),
    }),
    resource(types.ORGANIZATION_POLICY_ATTACHMENT[0], "guardrails-scp-r-7xk2", {
      policyId: GUARDRAIL_POLICY_ID,
      targetId: "r-7xk2",
    }),
  ];
}

/**
 * The same stack as `pulumi preview` sends it before anything exists: ARNs and ids are unknown, and
 * the engine records which resource each of them will come from.
 */
export function previewStack(): Stack {
  const stack = compliantStack();
  const urnNamed = (name: string) => stack.find((r) => r.name === name)?.urn ?? "";
  return stack.map((r) => {
    switch (r.name) {
      case "org-trail":
        return {
          ...r,
          props: {
            ...r.props,
            kmsKeyId: UNKNOWN,
            cloudWatchLogsGroupArn: UNKNOWN,
            cloudWatchLogsRoleArn: UNKNOWN,
          },
          propertyDependencies: {
            kmsKeyId: [urnNamed("trail-key")],
            cloudWatchLogsGroupArn: [urnNamed("trail-log-group")],
            s3BucketName: [urnNamed("archive")],
          },
        };
      case "trail-key":
        return { ...r, props: { ...r.props, arn: UNKNOWN, keyId: UNKNOWN } };
      case "trail-log-group":
        return {
          ...r,
          props: { ...r.props, arn: UNKNOWN, kmsKeyId: UNKNOWN },
          propertyDependencies: { kmsKeyId: [urnNamed("trail-key")] },
        };
      case "alerts":
        return { ...r, props: { ...r.props, arn: UNKNOWN } };
      // The SCP names the archive key, whose ARN exists only once the key does.
      case "guardrails-scp":
        return { ...r, props: { ...r.props, id: UNKNOWN, arn: UNKNOWN, content: UNKNOWN } };
      case "guardrails-scp-r-7xk2":
        return {
          ...r,
          props: { ...r.props, policyId: UNKNOWN },
          propertyDependencies: { policyId: [urnNamed("guardrails-scp")] },
        };
      default:
        if (r.type === types.METRIC_ALARM[0]) {
          return {
            ...r,
            props: { ...r.props, alarmActions: [UNKNOWN] },
            propertyDependencies: { alarmActions: [urnNamed("alerts")] },
          };
        }
        return r;
    }
  });
}

/** The stack with one resource's properties changed; `undefined` removes a property. */
export function withProps(stack: Stack, name: string, overrides: Record<string, unknown>): Stack {
  if (!stack.some((r) => r.name === name)) throw new Error(`fixture has no resource named ${name}`);
  return stack.map((r) => (r.name === name ? { ...r, props: merge(r.props, overrides) } : r));
}

/**
 * The stack plus a copy of resource `name` whose `bucket` is not known yet, as a settings resource of
 * another bucket looks in preview.
 */
export function withUnknownBucketCopy(stack: Stack, name: string): Stack {
  const original = stack.find((r) => r.name === name);
  if (!original) throw new Error(`fixture has no resource named ${name}`);
  return [...stack, resource(original.type, `${name}-elsewhere`, { ...original.props, bucket: UNKNOWN })];
}

export function withDependencies(
  stack: Stack,
  name: string,
  dependencies: Record<string, readonly string[]>,
): Stack {
  return stack.map((r) =>
    r.name === name ? { ...r, propertyDependencies: { ...r.propertyDependencies, ...dependencies } } : r,
  );
}

export function without(stack: Stack, ...names: string[]): Stack {
  for (const name of names)
    if (!stack.some((r) => r.name === name)) throw new Error(`fixture has no resource named ${name}`);
  return stack.filter((r) => !names.includes(r.name));
}

export function urnNamed(stack: Stack, name: string): string {
  const found = stack.find((r) => r.name === name);
  if (!found) throw new Error(`fixture has no resource named ${name}`);
  return found.urn;
}

function merge(
  props: Readonly<Record<string, unknown>>,
  overrides: Record<string, unknown>,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...props, ...overrides };
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete merged[key];
  return merged;
}

/** The one finding a single-trail stack yields; fails loudly when the rule reports more or fewer. */
export function single<T>(findings: readonly T[]): T {
  if (findings.length !== 1)
    throw new Error(`expected exactly one finding, got ${findings.length}: ${JSON.stringify(findings)}`);
  return findings[0];
}

export function reasonOf(result: { status: string; reason?: string }): string {
  return result.reason ?? "";
}

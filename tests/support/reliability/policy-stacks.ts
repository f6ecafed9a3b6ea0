import fc from "fast-check";
import { selectControls } from "../../../lib/controls";
import * as types from "../../../policy-pack/lib/resource-types";
import type { Stack, StackResource } from "../../../policy-pack/lib/stack";
import { UNKNOWN_SENTINELS } from "../../../policy-pack/lib/unknown";
import {
  ACCESS_LOG_BUCKET,
  ARCHIVE_BUCKET,
  compliantStack,
  previewStack,
  resource,
  withProps,
  without,
} from "../../policy-pack/fixtures";
import { buildGuardrailServiceControlPolicy } from "../guardrail-fixtures";
import { SeededRandom } from "../organizations-endpoint/seeded";
import { ATHENA_WORKGROUP } from "../../../policy-pack/policies/athena-workgroup-encrypted-results";

/** A change to a stack, printed by its label when fast-check reports a counterexample. */
export interface StackEdit {
  readonly label: string;
  apply(stack: Stack): Stack;
}

function edit(label: string, apply: StackEdit["apply"]): StackEdit {
  const made = { label, apply, [fc.toStringMethod]: () => label };
  return made;
}

const HUGE = 50_000;

/**
 * What a property may hold when a program, a state file or the engine gets it wrong: preview sentinels,
 * nulls, values of every JSON type, numbers JSON cannot carry, huge arrays and strings.
 */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...UNKNOWN_SENTINELS),
  fc.constantFrom(null, undefined, true, false, 0, -1, 1.5, NaN, Infinity, -Infinity, "", " ", "*"),
  fc.constantFrom("false", "true", "Enabled", "Suspended", "aws:kms", "COMPLIANCE", "arn:aws:s3:::", "{}"),
  fc.jsonValue({ maxDepth: 4 }),
  fc.array(fc.constantFrom(...UNKNOWN_SENTINELS, null, {}, []), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 12 }), fc.constantFrom(...UNKNOWN_SENTINELS, null, 0, "")),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
  fc
    .constantFrom<unknown>(null, "x", {}, [], UNKNOWN_SENTINELS.values().next().value)
    .map((item) => Array.from({ length: HUGE }, () => item)),
  fc.constant("x".repeat(HUGE * 20)),
);

type PropPath = readonly (string | number)[];

/** Every path into a property bag, arrays included, so an edit can reach any nested value. */
function propPaths(value: unknown, prefix: PropPath = []): PropPath[] {
  if (value === null || typeof value !== "object") return [];
  const entries = Array.isArray(value) ? value.map((item, i) => [i, item] as const) : Object.entries(value);
  return entries.flatMap(([key, inner]) => [[...prefix, key], ...propPaths(inner, [...prefix, key])]);
}

function setAt(
  props: Readonly<Record<string, unknown>>,
  path: PropPath,
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(props) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]] = value;
  return copy as Record<string, unknown>;
}

function replaceAt(
  stack: Stack,
  index: number,
  change: (r: StackResource) => StackResource | undefined,
): Stack {
  const target = index % stack.length;
  return stack.flatMap((r, i) => (i === target ? [change(r)].filter((x): x is StackResource => !!x) : [r]));
}

const ALL_TYPES: string[] = Object.values(types).flatMap((value) =>
  Array.isArray(value) ? (value as readonly string[]) : [],
);

/** An edit that may break anything: rules must still answer, not throw. */
export const chaosEdit: fc.Arbitrary<StackEdit> = fc.oneof(
  fc.record({ target: fc.nat(), path: fc.nat(), value: hostileValue }).map(({ target, path, value }) =>
    edit(
      `a nested value of resource #${target} (path #${path}) := ${fc.stringify(value).slice(0, 80)}`,
      (stack) =>
        replaceAt(stack, target, (r) => {
          const paths = propPaths(r.props);
          return paths.length === 0 ? r : { ...r, props: setAt(r.props, paths[path % paths.length], value) };
        }),
    ),
  ),
  fc
    .record({
      target: fc.nat(),
      props: fc.dictionary(fc.string({ maxLength: 30 }), hostileValue, { maxKeys: 6 }),
    })
    .map(({ target, props }) =>
      edit(`resource #${target} gets random properties ${fc.stringify(props).slice(0, 80)}`, (stack) =>
        replaceAt(stack, target, (r) => ({ ...r, props })),
      ),
    ),
  fc
    .record({ target: fc.nat(), type: fc.constantFrom(...ALL_TYPES, "aws:ec2/vpc:Vpc", "") })
    .map(({ target, type }) =>
      edit(`resource #${target} becomes a ${type}`, (stack) =>
        replaceAt(stack, target, (r) => ({ ...r, type })),
      ),
    ),
  fc
    .nat()
    .map((target) =>
      edit(`resource #${target} appears twice`, (stack) => [...stack, stack[target % stack.length]]),
    ),
  fc
    .nat()
    .map((target) =>
      edit(`resource #${target} is gone`, (stack) => replaceAt(stack, target, () => undefined)),
    ),
  fc
    .record({ target: fc.nat(), urns: fc.array(fc.oneof(fc.string(), fc.nat()), { maxLength: 3 }) })
    .map(({ target, urns }) =>
      edit(`resource #${target} depends on ${fc.stringify(urns)}`, (stack) =>
        replaceAt(stack, target, (r) => {
          const property = Object.keys(r.props)[0] ?? "x";
          const resolved = urns.map((u) => (typeof u === "number" ? stack[u % stack.length].urn : u));
          return { ...r, propertyDependencies: { ...r.propertyDependencies, [property]: resolved } };
        }),
      ),
    ),
);

/** The stacks the chaos starts from: as deployed, and as previewed with values not known yet. */
export const baseStack = fc.constantFrom<[string, () => Stack]>(
  ["deployed", compliantStack],
  ["previewed", previewStack],
);

const UNRELATED_TYPES = [
  "aws:ec2/vpc:Vpc",
  "aws:lambda/function:Function",
  "aws:sqs/queue:Queue",
  "random:index/randomId:RandomId",
];

/**
 * Changes no rule may notice: resources of unrelated types, properties no rule reads, another order.
 * A known-good stack must stay good and a known-bad one bad whatever they are.
 */
export const irrelevantNoise: fc.Arbitrary<StackEdit> = fc
  .record({
    extra: fc.array(
      fc.record({
        type: fc.constantFrom(...UNRELATED_TYPES),
        name: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
        props: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
      }),
      { maxLength: 4 },
    ),
    props: fc.array(
      fc.record({
        target: fc.nat(),
        key: fc.string({ maxLength: 10 }),
        value: fc.jsonValue({ maxDepth: 2 }),
      }),
      { maxLength: 4 },
    ),
    order: fc.nat(),
  })
  .map(({ extra, props, order }) =>
    edit(
      `${extra.length} unrelated resources, ${props.length} unread properties, order #${order}`,
      (stack) => {
        let noisy: Stack = [
          ...stack,
          ...extra.map((e, i) => resource(e.type, `noise-${i}-${e.name}`, e.props)),
        ];
        for (const p of props) {
          noisy = replaceAt(noisy, p.target, (r) => ({
            ...r,
            props: { ...r.props, [`x-noise-${p.key}`]: p.value },
          }));
        }
        return shuffled(noisy, order);
      },
    ),
  );

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = new SeededRandom(seed, "shuffle");
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.below(i + 1);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const trail = (props: Record<string, unknown>) => (stack: Stack) => withProps(stack, "org-trail", props);
const managementSelector = {
  name: "management",
  fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }],
};
const s3WriteSelector = {
  name: "s3-writes",
  fieldSelectors: [
    { field: "eventCategory", equals: ["Data"] },
    { field: "resources.type", equals: ["AWS::S3::Object"] },
    { field: "readOnly", equals: ["false"] },
  ],
};
const withoutLock = (stack: Stack) =>
  withProps(without(stack, "archive-object-lock"), "archive", { objectLockEnabled: false });
const allowOnlyPolicy = JSON.stringify({
  Version: "2012-10-17",
  Statement: [
    {
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `arn:aws:s3:::${ARCHIVE_BUCKET}/AWSLogs/*`,
    },
  ],
});
const CIS_IDS = selectControls("cis").map((control) => control.id);

/**
 * For every policy of the pack, the ways a trail (or what it relies on) breaks it. A policy missing
 * here fails the test that runs them, so a new policy cannot go untested.
 */
const denyLeavingOnly = {
  Version: "2012-10-17",
  Statement: [{ Effect: "Deny", Action: "organizations:LeaveOrganization", Resource: "*" }],
};

function scpExempting(pattern: string): string {
  return JSON.stringify(
    buildGuardrailServiceControlPolicy(["arn:aws:iam::111122223333:role/Deployer", pattern]),
  );
}

export const BREAKERS: Record<string, readonly [string, (stack: Stack) => Stack][]> = {
  "cloudtrail-multi-region": [
    ["isMultiRegionTrail false", trail({ isMultiRegionTrail: false })],
    ["isMultiRegionTrail unset", trail({ isMultiRegionTrail: undefined })],
    ["isMultiRegionTrail null", trail({ isMultiRegionTrail: null })],
    ['isMultiRegionTrail "false"', trail({ isMultiRegionTrail: "false" })],
  ],
  "cloudtrail-global-service-events": [
    ["includeGlobalServiceEvents false", trail({ includeGlobalServiceEvents: false })],
    ["includeGlobalServiceEvents 0", trail({ includeGlobalServiceEvents: 0 })],
  ],
  "cloudtrail-logging-enabled": [
    ["enableLogging false", trail({ enableLogging: false })],
    ['enableLogging "false"', trail({ enableLogging: "false" })],
  ],
  "cloudtrail-management-events": [
    ["data selectors only", trail({ advancedEventSelectors: [s3WriteSelector] })],
    [
      "management writes only",
      trail({
        advancedEventSelectors: [
          {
            fieldSelectors: [...managementSelector.fieldSelectors, { field: "readOnly", equals: ["false"] }],
          },
        ],
      }),
    ],
    [
      "an event source excluded",
      trail({
        advancedEventSelectors: [
          {
            fieldSelectors: [
              ...managementSelector.fieldSelectors,
              { field: "eventSource", notEquals: ["kms.amazonaws.com"] },
            ],
          },
        ],
      }),
    ],
    [
      "basic selectors without management",
      trail({ advancedEventSelectors: undefined, eventSelectors: [{ includeManagementEvents: false }] }),
    ],
  ],
  "cloudtrail-log-file-validation": [
    ["enableLogFileValidation false", trail({ enableLogFileValidation: false })],
    ["enableLogFileValidation unset", trail({ enableLogFileValidation: undefined })],
  ],
  "cloudtrail-kms-encryption": [
    ["kmsKeyId unset", trail({ kmsKeyId: undefined })],
    ["kmsKeyId empty", trail({ kmsKeyId: "" })],
    ["kmsKeyId null", trail({ kmsKeyId: null })],
  ],
  "cloudtrail-cloudwatch-logs": [
    ["cloudWatchLogsGroupArn unset", trail({ cloudWatchLogsGroupArn: undefined })],
    ["cloudWatchLogsRoleArn unset", trail({ cloudWatchLogsRoleArn: undefined })],
    ["cloudWatchLogsRoleArn empty", trail({ cloudWatchLogsRoleArn: "" })],
  ],
  "cloudtrail-organization-trail": [
    ["isOrganizationTrail false", trail({ isOrganizationTrail: false })],
    ["isOrganizationTrail unset", trail({ isOrganizationTrail: undefined })],
  ],
  "cloudtrail-insights": [
    ["insightSelectors unset", trail({ insightSelectors: undefined })],
    ["insightSelectors empty", trail({ insightSelectors: [] })],
    ["error-rate insight missing", trail({ insightSelectors: [{ insightType: "ApiCallRateInsight" }] })],
  ],
  "cloudtrail-s3-data-events": [
    ["management selector only", trail({ advancedEventSelectors: [managementSelector] })],
    [
      "S3 reads only",
      trail({
        advancedEventSelectors: [
          managementSelector,
          {
            fieldSelectors: [
              ...s3WriteSelector.fieldSelectors.slice(0, 2),
              { field: "readOnly", equals: ["true"] },
            ],
          },
        ],
      }),
    ],
  ],
  "cloudtrail-sns-notification": [
    ["snsTopicName unset", trail({ snsTopicName: undefined })],
    ["snsTopicName empty", trail({ snsTopicName: "" })],
  ],
  "cloudtrail-tags": [
    ["tags unset", trail({ tags: undefined })],
    ["tags empty", trail({ tags: {} })],
  ],
  "trail-bucket-object-lock": [
    ["no Object Lock", withoutLock],
    [
      "GOVERNANCE mode",
      (s) =>
        withProps(s, "archive-object-lock", {
          rule: { defaultRetention: { mode: "GOVERNANCE", days: 400 } },
        }),
    ],
    [
      "30 days",
      (s) =>
        withProps(s, "archive-object-lock", { rule: { defaultRetention: { mode: "COMPLIANCE", days: 30 } } }),
    ],
    ["no default retention", (s) => withProps(s, "archive-object-lock", { rule: undefined })],
  ],
  "trail-bucket-versioning": [
    [
      "versioning suspended, no Object Lock",
      (s) =>
        withProps(withoutLock(s), "archive-versioning", { versioningConfiguration: { status: "Suspended" } }),
    ],
    ["no versioning, no Object Lock", (s) => without(withoutLock(s), "archive-versioning")],
  ],
  "trail-bucket-public-access-block": [
    ["blockPublicAcls false", (s) => withProps(s, "archive-public-access-block", { blockPublicAcls: false })],
    [
      "restrictPublicBuckets unset",
      (s) => withProps(s, "archive-public-access-block", { restrictPublicBuckets: undefined }),
    ],
    ["no public access block", (s) => without(s, "archive-public-access-block")],
  ],
  "trail-bucket-kms-encryption": [
    [
      "SSE-S3",
      (s) =>
        withProps(s, "archive-encryption", {
          rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
        }),
    ],
    ["no default encryption", (s) => without(s, "archive-encryption")],
  ],
  "trail-bucket-access-logging": [
    ["no access logging", (s) => without(s, "archive-logging")],
    ["logging into itself", (s) => withProps(s, "archive-logging", { targetBucket: ARCHIVE_BUCKET })],
    [
      "logging into a locked bucket",
      (s) => withProps(s, "access-logs", { bucket: ACCESS_LOG_BUCKET, objectLockEnabled: true }),
    ],
  ],
  "trail-bucket-lifecycle": [
    [
      "expiry after 30 days",
      (s) =>
        withProps(s, "archive-lifecycle", {
          rules: [{ id: "short", status: "Enabled", expiration: { days: 30 } }],
        }),
    ],
    [
      // Only without a default Object Lock retention: a lock keeps lifecycle from deleting a version early.
      "noncurrent versions expire after 10 days, without a default lock retention",
      (s) =>
        withProps(without(s, "archive-object-lock"), "archive-lifecycle", {
          rules: [{ id: "short", status: "Enabled", noncurrentVersionExpiration: { noncurrentDays: 10 } }],
        }),
    ],
    [
      "expiry on a date",
      (s) =>
        withProps(s, "archive-lifecycle", {
          rules: [{ id: "dated", status: "Enabled", expiration: { date: "2030-01-01T00:00:00Z" } }],
        }),
    ],
  ],
  "trail-bucket-tls-only": [
    ["no deny statement", (s) => withProps(s, "archive-policy", { policy: allowOnlyPolicy })],
    ["no bucket policy", (s) => without(s, "archive-policy")],
  ],
  "trail-kms-key-rotation": [
    ["rotation off", (s) => withProps(s, "trail-key", { enableKeyRotation: false })],
    ["rotation unset", (s) => withProps(s, "trail-key", { enableKeyRotation: undefined })],
  ],
  "trail-log-group-retention": [
    ["30 days", (s) => withProps(s, "trail-log-group", { retentionInDays: 30 })],
    ["1 day", (s) => withProps(s, "trail-log-group", { retentionInDays: 1 })],
  ],
  "trail-log-group-encryption": [
    ["kmsKeyId unset", (s) => withProps(s, "trail-log-group", { kmsKeyId: undefined })],
    ["kmsKeyId empty", (s) => withProps(s, "trail-log-group", { kmsKeyId: "" })],
  ],
  "trail-guardrails": [
    ["no guardrail", (s) => without(s, "guardrails-scp", "guardrails-scp-r-7xk2")],
    ["guardrail not attached", (s) => without(s, "guardrails-scp-r-7xk2")],
    [
      "guardrail that denies nothing about the trail",
      (s) => withProps(s, "guardrails-scp", { content: JSON.stringify(denyLeavingOnly) }),
    ],
  ],
  "guardrail-exemption-wildcard": [
    [
      "every role exempt",
      (s) => withProps(s, "guardrails-scp", { content: scpExempting("arn:aws:iam::*:role/*") }),
    ],
    ["everyone exempt", (s) => withProps(s, "guardrails-scp", { content: scpExempting("*") })],
  ],
  "cis-monitoring-coverage": [
    ...CIS_IDS.map((id): [string, (stack: Stack) => Stack] => [
      `no filter for ${id}`,
      (s) => without(s, `${id}-filter`),
    ]),
    ...CIS_IDS.map((id): [string, (stack: Stack) => Stack] => [
      `no alarm for ${id}`,
      (s) => without(s, `${id}-alarm`),
    ]),
    [
      "a filter that catches nothing",
      (s) => withProps(s, `${CIS_IDS[0]}-filter`, { pattern: '{ $.eventName = "NoSuchEvent" }' }),
    ],
  ],
  "athena-workgroup-encrypted-results": [
    [
      "a workgroup without configuration",
      (s) => [...s, resource(ATHENA_WORKGROUP, "investigations", { name: "wg" })],
    ],
    [
      "a workgroup that lets clients override its encryption",
      (s) => [
        ...s,
        resource(ATHENA_WORKGROUP, "investigations", {
          name: "wg",
          configuration: {
            enforceWorkgroupConfiguration: false,
            resultConfiguration: { encryptionConfiguration: { encryptionOption: "SSE_KMS" } },
          },
        }),
      ],
    ],
  ],
};

/** One way of breaking `policy`, chosen by fast-check. */
export function breaker(policy: string): fc.Arbitrary<StackEdit> {
  return fc.constantFrom(...(BREAKERS[policy] ?? [])).map(([label, apply]) => edit(label, apply));
}

import { createHash } from "node:crypto";

/**
 * The trail name of the stacks deployed before names were derived per stack. Their account-global names
 * (buckets, KMS aliases, metric namespace) are kept exactly, so they are never renamed and replaced.
 */
export const ORIGINAL_TRAIL_NAME = "org-governance";

/** The stack that keeps the original trail name when it sets none. */
export const ORIGINAL_STACK = "prod";

/**
 * The trail name of a stack that sets none: `prod` keeps the original; any other stack is told apart by
 * its name, so a dev and a prod stack in one organization never create the same trail, role or alias.
 */
export function defaultTrailName(stack: string): string {
  return stack === ORIGINAL_STACK ? ORIGINAL_TRAIL_NAME : `${ORIGINAL_TRAIL_NAME}-${stack}`;
}

/**
 * Every name that must be unique in an account (and region), derived from the trail name: CloudTrail
 * already requires that name to be unique in the management account and region, so it is the stack's
 * identity. Names have limits the trail name does not (63 lowercase characters for a bucket, 64 for an
 * IAM role); a trail name that does not fit is shortened and followed by a hash of it, so two trail names
 * never share a resource name.
 */
export interface StackNames {
  archiveBucket(archiveAccountId: string, region: string): string;
  accessLogBucket(archiveAccountId: string, region: string): string;
  readonly archiveKeyAlias: string;
  readonly logGroupKeyAlias: string;
  readonly alarmsKeyAlias: string;
  /** The key of the trail's log-delivery notification topic. */
  readonly notificationsKeyAlias: string;
  /** The SNS topic the alarms publish to. */
  readonly alarmTopic: string;
  /** Every metric filter and alarm name starts with it; the topic's policies pin alarms by it. */
  readonly alarmPrefix: string;
  /** The role CloudTrail assumes to deliver to CloudWatch Logs. */
  readonly cloudWatchLogsRole: string;
  /** The CloudWatch namespace of the alarm metrics when `monitoring.namespace` is not set. */
  readonly defaultMetricNamespace: string;
  /** The guardrails' service and resource control policies (names unique in the organization). */
  readonly serviceControlPolicy: string;
  readonly resourceControlPolicy: string;
  /** The query side (Athena over the archive, in the log-archive account): Glue database, workgroup, reader role. */
  readonly queryDatabase: string;
  readonly queryWorkgroup: string;
  readonly queryReaderRole: string;
  queryResultsBucket(archiveAccountId: string, region: string): string;
}

export function stackNames(trailName: string): StackNames {
  const original = trailName === ORIGINAL_TRAIL_NAME;
  // Bucket names drop the common prefix (`org-trail-archive-<account>-<region>-dev` for
  // `org-governance-dev`); other trail names always carry their hash, so `dev` cannot take that name.
  const prefixed = trailName.startsWith(`${ORIGINAL_TRAIL_NAME}-`);
  const bucketSuffix = prefixed ? trailName.slice(ORIGINAL_TRAIL_NAME.length + 1) : trailName;
  const bucket = (base: string) =>
    original
      ? base
      : `${base}-${fit(bucketSuffix, BUCKET_MAX - base.length - 1, /[^a-z0-9-]/g, true, !prefixed)}`;
  const aliasPart = fit(trailName, 200, /[^A-Za-z0-9_-]/g);
  // A trail name has at most 128 characters (CloudTrail, and the config schema), far below what Glue leaves
  // it: a wrong room here never shows.
  // Stryker disable next-line ArithmeticOperator,StringLiteral: the room exceeds any trail name's length
  const queryDatabaseRoom = GLUE_NAME_MAX - "org_governance_audit_".length;
  return {
    archiveBucket: (account, region) => bucket(`org-trail-archive-${account}-${region}`),
    accessLogBucket: (account, region) => bucket(`org-trail-access-logs-${account}-${region}`),
    archiveKeyAlias: original ? "alias/org-trail-archive" : `alias/org-trail-archive-${aliasPart}`,
    logGroupKeyAlias: original ? "alias/org-trail-log-group" : `alias/org-trail-log-group-${aliasPart}`,
    alarmsKeyAlias: original ? "alias/org-governance-alarms" : `alias/org-governance-alarms-${aliasPart}`,
    notificationsKeyAlias: original
      ? "alias/org-trail-notifications"
      : `alias/org-trail-notifications-${aliasPart}`,
    alarmTopic: `${fit(trailName, 200, /[^A-Za-z0-9_-]/g)}-security-alarms`,
    alarmPrefix: `${trailName}-`,
    cloudWatchLogsRole: `${fit(trailName, ROLE_MAX - "-cloudwatch-logs".length, /[^\w+=,.@-]/g)}-cloudwatch-logs`,
    defaultMetricNamespace: original ? "OrgGovernance" : `OrgGovernance/${trailName}`,
    serviceControlPolicy: `${fit(trailName, POLICY_MAX - "-protect-audit-trail".length, /[^\w.-]/g)}-protect-audit-trail`,
    resourceControlPolicy: `${fit(trailName, POLICY_MAX - "-audit-archive-perimeter".length, /[^\w.-]/g)}-audit-archive-perimeter`,
    // The original stack keeps the names `npm run investigate` uses by default (QUERY_SIDE_DEFAULTS).
    queryDatabase: original
      ? "org_governance_audit"
      : `org_governance_audit_${fit(bucketSuffix, queryDatabaseRoom, /[^a-z0-9-]/g, true, !prefixed).replace(/-/g, "_")}`,
    queryWorkgroup: `${fit(trailName, WORKGROUP_MAX - "-investigations".length, /[^\w.-]/g)}-investigations`,
    queryReaderRole: `${fit(trailName, ROLE_MAX - "-investigator".length, /[^\w+=,.@-]/g)}-investigator`,
    // The original name leaves no room for a suffix (63 characters at most): other stacks use a shorter base.
    queryResultsBucket: (account, region) =>
      original
        ? `org-governance-athena-results-${account}-${region}`
        : bucket(`org-trail-athena-results-${account}-${region}`),
  };
}

const BUCKET_MAX = 63;
const ROLE_MAX = 64;
const POLICY_MAX = 128;
const GLUE_NAME_MAX = 255;
const WORKGROUP_MAX = 128;
const HASH_LENGTH = 8;

/**
 * `value` when it is allowed as it is and fits in `room`; else its allowed form, shortened, then `-` and a
 * hash of the original value, so distinct values stay distinct.
 */
function fit(value: string, room: number, disallowed: RegExp, lowercase = false, withHash = false): string {
  const allowed = (lowercase ? value.toLowerCase() : value).replace(disallowed, "-");
  if (!withHash && allowed === value && value.length <= room) return value;
  const hash = createHash("sha256").update(value).digest("hex").slice(0, HASH_LENGTH);
  return `${allowed.slice(0, Math.max(0, room - HASH_LENGTH - 1))}-${hash}`;
}

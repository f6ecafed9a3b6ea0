/** Who made a CloudTrail call, as CloudTrail writes it in `userIdentity`. */
export interface UserIdentity {
  type: string;
  principalId?: string;
  arn?: string;
  accountId?: string;
  accessKeyId?: string;
  userName?: string;
  invokedBy?: string;
  sessionContext?: Record<string, unknown>;
}

/** One CloudTrail record; the named fields are the ones the catalog's patterns and the tooling read. */
export interface CloudTrailRecord {
  eventVersion: string;
  userIdentity: UserIdentity;
  eventTime: string;
  eventSource: string;
  eventName: string;
  awsRegion: string;
  sourceIPAddress: string;
  userAgent: string;
  requestParameters: Record<string, unknown> | null;
  responseElements: Record<string, unknown> | null;
  eventID: string;
  eventType: string;
  errorCode?: string;
  errorMessage?: string;
  additionalEventData?: Record<string, unknown>;
  [field: string]: unknown;
}

/** A record a control's pattern is expected to match, or to stay silent on. */
export type TestRecord = CloudTrailRecord;

export type ControlSet = "cis" | "extended";

export interface MonitoringControl {
  /** Stable kebab-case id; used in resource names, so never renamed. */
  id: string;
  title: string;
  /** Recommendation numbers in the CIS AWS Foundations Benchmark, per version. */
  cis: { v1_4?: string; v3_0?: string };
  /** Security Hub control id, e.g. "CloudWatch.1", when Security Hub checks this filter. */
  securityHub?: string;
  /** CloudWatch Logs metric filter pattern; Security Hub's exact string where it has a control. */
  filterPattern: string;
  /** PascalCase CloudWatch metric name. */
  metricName: string;
  /** One line for the docs table: which calls trip the filter. */
  trigger: string;
  rationale: string;
  set: ControlSet;
  /** Corpus files (stratus-red-team technique names) whose records justify an extended control. */
  corpusEvidence?: readonly string[];
  vectors: { matches: readonly TestRecord[]; ignores: readonly TestRecord[] };
}

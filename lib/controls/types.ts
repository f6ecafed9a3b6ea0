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

/**
 * One call a control exists to catch: an event source and name, plus whatever else defines it. The
 * judge turns each into records (see `required-records.ts`); a filter covers the control only when it
 * matches every one.
 */
export interface RequiredCall {
  readonly eventSource: string;
  readonly eventName: string;
  /** Who must be caught making it; absent means any ordinary principal (IAM user, assumed role, root). */
  readonly principal?: "IAMUser" | "Root";
  /** The call was refused with this error code (unauthorized calls, a root call that failed). */
  readonly errorCode?: string;
  /** A console sign-in: its result and whether MFA was used. */
  readonly signIn?: {
    readonly outcome: "Success" | "Failure";
    readonly mfaUsed: boolean;
    readonly errorMessage?: string;
  };
  /** Request fields that make the call the one the control is about (e.g. an AMI's launch permission). */
  readonly requestParameters?: Record<string, unknown>;
}

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
  /**
   * Every call the control exists for, written from the CIS AWS Foundations Benchmark (v1.2.0 to v5.0.0)
   * and Security Hub CloudWatch.1-14 texts; a filter that misses any of them leaves a blind spot.
   */
  requires: readonly RequiredCall[];
  /** Corpus files (stratus-red-team technique names) whose records justify an extended control. */
  corpusEvidence?: readonly string[];
  /**
   * Hand-written realistic records: `matches` the catalog's pattern catches; `ignores` it stays silent
   * on. Ordinary successful read-only `ignores` (and `ordinaryActivity()`) are noise every filter must
   * ignore; the other `ignores` are ones a published, noisier form may match (an advisory finding).
   */
  vectors: { matches: readonly TestRecord[]; ignores: readonly TestRecord[] };
}

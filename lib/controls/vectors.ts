import { createHash } from "node:crypto";
import type { CloudTrailRecord, UserIdentity } from "./types";

/** Account used by every synthetic record unless a test says otherwise. */
export const VECTOR_ACCOUNT_ID = "111122223333";
const VECTOR_REGION = "eu-west-1";
const VECTOR_TIME = "2024-08-01T12:00:00Z";

export interface RecordOptions {
  eventSource: string;
  eventName: string;
  userIdentity?: UserIdentity;
  errorCode?: string;
  errorMessage?: string;
  requestParameters?: Record<string, unknown> | null;
  responseElements?: Record<string, unknown> | null;
  additionalEventData?: Record<string, unknown>;
  eventType?: "AwsApiCall" | "AwsConsoleSignIn" | "AwsServiceEvent";
  readOnly?: boolean;
  sourceIPAddress?: string;
  userAgent?: string;
  awsRegion?: string;
  eventTime?: string;
}

export function iamUser(userName = "alice", accountId = VECTOR_ACCOUNT_ID): UserIdentity {
  return {
    type: "IAMUser",
    principalId: "AIDAEXAMPLEUSERID0001",
    arn: `arn:aws:iam::${accountId}:user/${userName}`,
    accountId,
    accessKeyId: "AKIAEXAMPLEKEY00001",
    userName,
  };
}

export function rootUser(accountId = VECTOR_ACCOUNT_ID, invokedBy?: string): UserIdentity {
  return {
    type: "Root",
    principalId: accountId,
    arn: `arn:aws:iam::${accountId}:root`,
    accountId,
    ...(invokedBy === undefined ? {} : { invokedBy }),
  };
}

export function assumedRole(
  roleName = "deployer",
  sessionName = "ci-run",
  accountId = VECTOR_ACCOUNT_ID,
): UserIdentity {
  return {
    type: "AssumedRole",
    principalId: `AROAEXAMPLEROLEID001:${sessionName}`,
    arn: `arn:aws:sts::${accountId}:assumed-role/${roleName}/${sessionName}`,
    accountId,
    accessKeyId: "ASIAEXAMPLEKEY00001",
    sessionContext: {
      sessionIssuer: {
        type: "Role",
        principalId: "AROAEXAMPLEROLEID001",
        arn: `arn:aws:iam::${accountId}:role/${roleName}`,
        accountId,
        userName: roleName,
      },
      attributes: { creationDate: VECTOR_TIME, mfaAuthenticated: "false" },
    },
  };
}

/** An AWS service acting through its service principal, e.g. Lambda assuming a function's role. */
export function awsService(invokedBy: string): UserIdentity {
  return { type: "AWSService", invokedBy };
}

const READ_ONLY_PREFIXES = ["Describe", "Get", "List", "Head", "Lookup", "BatchGet"];

/** A UUID-shaped id derived from the record's content, so vectors are reproducible run to run. */
function deterministicEventId(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A realistic management-event record; everything not given gets a plausible default. */
export function cloudTrailRecord(options: RecordOptions): CloudTrailRecord {
  const userIdentity = options.userIdentity ?? iamUser();
  const invokedBy = userIdentity.invokedBy;
  const record: CloudTrailRecord = {
    eventVersion: "1.09",
    userIdentity,
    eventTime: options.eventTime ?? VECTOR_TIME,
    eventSource: options.eventSource,
    eventName: options.eventName,
    awsRegion: options.awsRegion ?? VECTOR_REGION,
    sourceIPAddress: options.sourceIPAddress ?? invokedBy ?? "198.51.100.24",
    userAgent: options.userAgent ?? invokedBy ?? "aws-cli/2.17.20 md/Botocore#1.34.148",
    requestParameters: options.requestParameters === undefined ? null : options.requestParameters,
    responseElements: options.responseElements === undefined ? null : options.responseElements,
    eventID: "",
    eventType: options.eventType ?? "AwsApiCall",
    readOnly: options.readOnly ?? READ_ONLY_PREFIXES.some((prefix) => options.eventName.startsWith(prefix)),
    managementEvent: true,
    eventCategory: "Management",
    recipientAccountId: userIdentity.accountId ?? VECTOR_ACCOUNT_ID,
  };
  if (options.errorCode !== undefined) record.errorCode = options.errorCode;
  if (options.errorMessage !== undefined) record.errorMessage = options.errorMessage;
  if (options.additionalEventData !== undefined) record.additionalEventData = options.additionalEventData;
  record.eventID = deterministicEventId(JSON.stringify(record));
  return record;
}

/** Shorthand for the many vectors that differ only in which call was made. */
export function apiCall(
  eventSource: string,
  eventName: string,
  extra: Omit<RecordOptions, "eventSource" | "eventName"> = {},
): CloudTrailRecord {
  return cloudTrailRecord({ ...extra, eventSource, eventName });
}

export interface ConsoleLoginOptions {
  userIdentity?: UserIdentity;
  mfaUsed: boolean;
  outcome: "Success" | "Failure";
  errorMessage?: string;
  awsRegion?: string;
}

/** A console sign-in as signin.amazonaws.com records it (note: no errorCode, only errorMessage). */
export function consoleLogin(options: ConsoleLoginOptions): CloudTrailRecord {
  const failed = options.outcome === "Failure";
  return cloudTrailRecord({
    eventSource: "signin.amazonaws.com",
    eventName: "ConsoleLogin",
    eventType: "AwsConsoleSignIn",
    readOnly: false,
    userIdentity: options.userIdentity ?? iamUser(),
    userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    responseElements: { ConsoleLogin: options.outcome },
    additionalEventData: {
      LoginTo: "https://console.aws.amazon.com/console/home",
      MobileVersion: "No",
      MFAUsed: options.mfaUsed ? "Yes" : "No",
    },
    errorMessage: failed ? (options.errorMessage ?? "Failed authentication") : undefined,
    awsRegion: options.awsRegion,
  });
}

/** Everyday activity no monitoring control may alarm on. */
export function ordinaryActivity(): CloudTrailRecord[] {
  return [
    cloudTrailRecord({ eventSource: "ec2.amazonaws.com", eventName: "DescribeInstances" }),
    cloudTrailRecord({
      eventSource: "s3.amazonaws.com",
      eventName: "GetObject",
      userIdentity: assumedRole("app-reader", "i-0abc123def4567890"),
      requestParameters: { bucketName: "reports-bucket", key: "2024/08/summary.csv" },
    }),
    consoleLogin({ mfaUsed: true, outcome: "Success" }),
    cloudTrailRecord({
      eventSource: "sts.amazonaws.com",
      eventName: "AssumeRole",
      userIdentity: awsService("lambda.amazonaws.com"),
      requestParameters: {
        roleArn: `arn:aws:iam::${VECTOR_ACCOUNT_ID}:role/report-function`,
        roleSessionName: "report-function",
      },
    }),
  ];
}

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** A CloudTrail record with the fields the questions read; overrides replace whole top-level fields. */
export interface RecordSpec {
  eventTime: string;
  eventName: string;
  eventSource?: string;
  account: string;
  region?: string;
  /** The caller: ARN, type and the key it signed with. */
  arn: string;
  type?: string;
  accessKeyId?: string;
  sourceIPAddress?: string;
  requestParameters?: Record<string, unknown> | null;
  responseElements?: Record<string, unknown> | null;
  readOnly?: boolean;
  errorCode?: string;
  eventID?: string;
}

let counter = 0;

export function cloudTrailRecord(spec: RecordSpec): Record<string, unknown> {
  counter += 1;
  return {
    eventVersion: "1.09",
    userIdentity: {
      type: spec.type ?? (spec.arn.includes(":assumed-role/") ? "AssumedRole" : "IAMUser"),
      principalId: `AIDA${String(counter).padStart(16, "0")}`,
      arn: spec.arn,
      accountId: spec.arn.split(":")[4],
      ...(spec.accessKeyId && { accessKeyId: spec.accessKeyId }),
    },
    eventTime: spec.eventTime,
    eventSource: spec.eventSource ?? "iam.amazonaws.com",
    eventName: spec.eventName,
    awsRegion: spec.region ?? "us-east-1",
    sourceIPAddress: spec.sourceIPAddress ?? "198.51.100.7",
    userAgent: "aws-cli/2.17.0",
    ...(spec.errorCode && { errorCode: spec.errorCode, errorMessage: "denied" }),
    requestParameters: spec.requestParameters ?? null,
    responseElements: spec.responseElements ?? null,
    requestID: `req-${counter}`,
    eventID: spec.eventID ?? `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`,
    readOnly: spec.readOnly ?? false,
    eventType: "AwsApiCall",
    managementEvent: true,
    recipientAccountId: spec.account,
    eventCategory: "Management",
  };
}

export interface ArchiveFile {
  account: string;
  region?: string;
  records: Record<string, unknown>[];
}

/**
 * Writes files as an organization trail does (`AWSLogs/<org>/<account>/CloudTrail/<region>/<yyyy>/<MM>/<dd>/`,
 * gzipped `{"Records":[…]}`), with a digest beside each (never log data).
 */
export function writeArchive(files: readonly ArchiveFile[], organizationId = "o-exampleorgid"): string {
  const root = mkdtempSync(join(tmpdir(), "investigate-archive-"));
  files.forEach((file, index) => {
    const region = file.region ?? "us-east-1";
    const time = String(file.records[0]?.eventTime ?? "2024-07-30T00:00:00Z");
    const [yyyy, mm, dd] = time.slice(0, 10).split("-");
    const stamp = time.replace(/[-:]/g, "").slice(0, 13);
    const logs = join(root, "AWSLogs", organizationId, file.account, "CloudTrail", region, yyyy, mm, dd);
    const digests = join(
      root,
      "AWSLogs",
      organizationId,
      file.account,
      "CloudTrail-Digest",
      region,
      yyyy,
      mm,
      dd,
    );
    mkdirSync(logs, { recursive: true });
    mkdirSync(digests, { recursive: true });
    writeFileSync(
      join(logs, `${file.account}_CloudTrail_${region}_${stamp}Z_file${index}.json.gz`),
      gzipSync(JSON.stringify({ Records: file.records })),
    );
    const digest = {
      awsAccountId: file.account,
      digestStartTime: time,
      logFiles: [],
      eventTime: time,
      eventName: "NotALogRecord",
    };
    writeFileSync(
      join(digests, `${file.account}_CloudTrail-Digest_${region}_trail_us-east-1_${stamp}Z.json.gz`),
      gzipSync(JSON.stringify(digest)),
    );
  });
  return root;
}

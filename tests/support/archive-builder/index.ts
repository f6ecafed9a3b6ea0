/**
 * Builds a CloudTrail archive as an organization trail (or a single-account trail) writes it, signed
 * with test RSA keys in AWS's exact format ("CloudTrail digest file structure", "Custom implementations
 * of CloudTrail log file integrity validation"): hourly digest chains per account and region, empty
 * digests, key rotation mid-chain, restarts, backfill digests. Reusable by any test that needs an
 * archive: the objects go into the loopback S3 endpoint (`tests/support/s3-endpoint`) or onto disk.
 *
 * The signing code here is written from the documentation on purpose, not shared with
 * `tools/validate-logs`, so the tool is checked against an independent implementation.
 */
import { createHash, createSign } from "node:crypto";
import { gzipSync } from "node:zlib";
import { type SigningKey, testSigningKey } from "./signing-keys";

export { type SigningKey, testSigningKey } from "./signing-keys";

export interface ArchiveSpec {
  bucket: string;
  /** `o-…`: the organization trail layout `AWSLogs/<o-id>/<account>/`. Omit for `AWSLogs/<account>/`. */
  organizationId?: string;
  keyPrefix?: string;
  trailName: string;
  homeRegion: string;
  /** The trail's owner (the management account for an organization trail). */
  trailAccountId: string;
  accounts: string[];
  regions: string[];
  /** Start of the first digest's window. */
  start: Date;
  /** Hourly digests per account and region. */
  hours: number;
  /** Log files per hour. @default 2 */
  logsPerHour?: number;
  /** Hours (0-based) with no log file: their digests are empty. @default [] */
  emptyHours?: number[];
  /** From this hour on, digests are signed with the region's second key. @default no rotation */
  rotateKeyAtHour?: number;
  /** Logging stopped for `[from, to)`: no digest and no log; the digest of hour `to` starts a new chain. */
  stoppedHours?: [number, number];
  /** Hours after which one backfill digest lists one more log file of that hour. @default [] */
  backfillHours?: number[];
  /** CloudTrail records per log file. @default 3 */
  recordsPerLog?: number;
}

export interface ArchiveObject {
  key: string;
  body: Buffer;
  /** User metadata, without `x-amz-meta-`. */
  metadata: Record<string, string>;
}

export interface DigestRecord {
  key: string;
  accountId: string;
  region: string;
  hour: number;
  start: Date;
  end: Date;
  backfill: boolean;
  logKeys: string[];
  /** The uncompressed JSON as written. */
  json: string;
  signature: string;
}

export interface BuiltArchive {
  spec: ArchiveSpec;
  trailArn: string;
  objects: ArchiveObject[];
  digests: DigestRecord[];
  /** Every log file key, with the hex SHA-256 of its content. */
  logs: Map<string, string>;
  /** The keys `ListPublicKeys` returns per region. */
  publicKeys: Map<string, SigningKey[]>;
}

const HOUR_MS = 3_600_000;
/** CloudTrail's digest windows are not aligned to the hour. */
const WINDOW_OFFSET_MS = 31_000;

export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function compact(date: Date, seconds: boolean): string {
  const text = date.toISOString().replace(/[-:]/g, "");
  return seconds ? `${text.slice(0, 15)}Z` : `${text.slice(0, 13)}Z`;
}

function ymd(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, "/");
}

export function accountBase(
  spec: Pick<ArchiveSpec, "keyPrefix" | "organizationId">,
  accountId: string,
): string {
  return `${spec.keyPrefix ? `${spec.keyPrefix}/` : ""}AWSLogs/${spec.organizationId ? `${spec.organizationId}/` : ""}${accountId}/`;
}

export function buildDigestKey(
  spec: ArchiveSpec,
  accountId: string,
  region: string,
  end: Date,
  backfill = false,
): string {
  return (
    `${accountBase(spec, accountId)}CloudTrail-Digest/${region}/${ymd(end)}/${accountId}_CloudTrail-Digest_${region}_` +
    `${spec.trailName}_${spec.homeRegion}_${compact(end, true)}${backfill ? "_backfill" : ""}.json.gz`
  );
}

export function buildLogKey(
  spec: ArchiveSpec,
  accountId: string,
  region: string,
  delivered: Date,
  unique: string,
): string {
  return `${accountBase(spec, accountId)}CloudTrail/${region}/${ymd(delivered)}/${accountId}_CloudTrail_${region}_${compact(delivered, false)}_${unique}.json.gz`;
}

/** A log file's content: a `Records` array of plausible management events. */
export function logContent(
  accountId: string,
  region: string,
  delivered: Date,
  count: number,
  seed: string,
): string {
  const records = Array.from({ length: count }, (_, i) => ({
    eventVersion: "1.09",
    userIdentity: {
      type: "AssumedRole",
      accountId,
      arn: `arn:aws:sts::${accountId}:assumed-role/Reader/session-${i}`,
    },
    eventTime: isoSeconds(new Date(delivered.getTime() - (i + 1) * 60_000)),
    eventSource: "s3.amazonaws.com",
    eventName: i % 2 ? "GetBucketAcl" : "ListBuckets",
    awsRegion: region,
    sourceIPAddress: "192.0.2.10",
    userAgent: "aws-sdk-js/3",
    requestID: createHash("sha256").update(`${seed}/${i}`).digest("hex").slice(0, 16).toUpperCase(),
    eventID: createHash("sha256").update(`${seed}#${i}`).digest("hex").slice(0, 32),
    readOnly: true,
    eventType: "AwsApiCall",
    recipientAccountId: accountId,
  }));
  return JSON.stringify({ Records: records });
}

/** The data-signing string, written from "Custom implementations of CloudTrail log file integrity validation". */
export function dataSigningString(document: Record<string, unknown>, uncompressed: string): string {
  const hash = createHash("sha256").update(uncompressed).digest("hex");
  return `${document.digestEndTime}\n${document.digestS3Bucket}/${document.digestS3Object}\n${hash}\n${document.previousDigestSignature ?? "null"}`;
}

export function signDigest(document: Record<string, unknown>, uncompressed: string, key: SigningKey): string {
  return createSign("RSA-SHA256")
    .update(dataSigningString(document, uncompressed))
    .sign(key.privateKey, "hex");
}

/** The digest object: gzipped JSON, signature and algorithm in the user metadata. */
export function digestObject(key: string, json: string, signature: string): ArchiveObject {
  return { key, body: gzipSync(json), metadata: { signature, "signature-algorithm": "SHA256withRSA" } };
}

export function buildArchive(spec: ArchiveSpec): BuiltArchive {
  const logsPerHour = spec.logsPerHour ?? 2;
  const empty = new Set(spec.emptyHours ?? []);
  const backfillHours = new Set(spec.backfillHours ?? []);
  const recordsPerLog = spec.recordsPerLog ?? 3;
  const [stopFrom, stopTo] = spec.stoppedHours ?? [-1, -1];
  const rotation = spec.rotateKeyAtHour;
  const windowStart = (hour: number) => new Date(spec.start.getTime() + hour * HOUR_MS + WINDOW_OFFSET_MS);
  const farPast = new Date(spec.start.getTime() - 30 * 24 * HOUR_MS);
  const farFuture = new Date(spec.start.getTime() + (spec.hours + 30 * 24) * HOUR_MS);
  const publicKeys = new Map<string, SigningKey[]>();
  for (const region of spec.regions) {
    const rotatedAt = rotation === undefined ? farFuture : windowStart(rotation);
    publicKeys.set(region, [
      testSigningKey(region, 0, farPast, rotatedAt),
      ...(rotation === undefined ? [] : [testSigningKey(region, 1, rotatedAt, farFuture)]),
    ]);
  }
  const keyFor = (region: string, hour: number) =>
    publicKeys.get(region)![rotation !== undefined && hour >= rotation ? 1 : 0];

  const archive: BuiltArchive = {
    spec,
    trailArn: `arn:aws:cloudtrail:${spec.homeRegion}:${spec.trailAccountId}:trail/${spec.trailName}`,
    objects: [],
    digests: [],
    logs: new Map(),
    publicKeys,
  };

  const writeLog = (accountId: string, region: string, delivered: Date, seed: string) => {
    const unique = createHash("sha256").update(seed).digest("base64url").replace(/[-_]/g, "x").slice(0, 16);
    const key = buildLogKey(spec, accountId, region, delivered, unique);
    const content = logContent(accountId, region, delivered, recordsPerLog, seed);
    archive.objects.push({ key, body: gzipSync(content), metadata: {} });
    const hash = createHash("sha256").update(content).digest("hex");
    archive.logs.set(key, hash);
    return { key, hash, delivered };
  };

  const writeDigest = (
    accountId: string,
    region: string,
    hour: number,
    logs: { key: string; hash: string; delivered: Date }[],
    previous: { key: string; json: string; signature: string } | undefined,
    backfill: boolean,
  ): DigestRecord => {
    const start = windowStart(hour);
    const end = windowStart(hour + 1);
    const key = buildDigestKey(spec, accountId, region, end, backfill);
    const signingKey = keyFor(region, hour);
    const times = logs.map((log) => log.delivered.getTime());
    const document: Record<string, unknown> = {
      awsAccountId: accountId,
      digestStartTime: isoSeconds(start),
      digestEndTime: isoSeconds(end),
      digestS3Bucket: spec.bucket,
      digestS3Object: key,
      digestPublicKeyFingerprint: signingKey.fingerprint,
      digestSignatureAlgorithm: "SHA256withRSA",
      newestEventTime: times.length ? isoSeconds(new Date(Math.max(...times) - 60_000)) : null,
      oldestEventTime: times.length
        ? isoSeconds(new Date(Math.min(...times) - recordsPerLog * 60_000))
        : null,
      previousDigestS3Bucket: previous ? spec.bucket : null,
      previousDigestS3Object: previous?.key ?? null,
      previousDigestHashValue: previous ? createHash("sha256").update(previous.json).digest("hex") : null,
      previousDigestHashAlgorithm: previous ? "SHA-256" : null,
      previousDigestSignature: previous?.signature ?? null,
      logFiles: logs.map((log) => ({
        s3Bucket: spec.bucket,
        s3Object: log.key,
        hashValue: log.hash,
        hashAlgorithm: "SHA-256",
        newestEventTime: isoSeconds(new Date(log.delivered.getTime() - 60_000)),
        oldestEventTime: isoSeconds(new Date(log.delivered.getTime() - recordsPerLog * 60_000)),
      })),
    };
    const json = JSON.stringify(document);
    const signature = signDigest(document, json, signingKey);
    archive.objects.push(digestObject(key, json, signature));
    const record: DigestRecord = {
      key,
      accountId,
      region,
      hour,
      start,
      end,
      backfill,
      logKeys: logs.map((l) => l.key),
      json,
      signature,
    };
    archive.digests.push(record);
    return record;
  };

  for (const accountId of spec.accounts) {
    for (const region of spec.regions) {
      let previous: DigestRecord | undefined;
      for (let hour = 0; hour < spec.hours; hour++) {
        if (hour >= stopFrom && hour < stopTo) {
          previous = undefined;
          continue;
        }
        const start = windowStart(hour);
        const count = empty.has(hour) ? 0 : logsPerHour;
        const logs = Array.from({ length: count }, (_, i) =>
          writeLog(
            accountId,
            region,
            new Date(start.getTime() + ((i + 1) * HOUR_MS) / (count + 1)),
            `${accountId}/${region}/${hour}/${i}`,
          ),
        );
        previous = writeDigest(accountId, region, hour, logs, previous, false);
        if (backfillHours.has(hour)) {
          // A log file of this hour that the regular digest missed, delivered late in a backfill digest.
          const late = writeLog(
            accountId,
            region,
            new Date(start.getTime() + HOUR_MS - 120_000),
            `${accountId}/${region}/${hour}/late`,
          );
          writeDigest(accountId, region, hour, [late], undefined, true);
        }
      }
    }
  }
  return archive;
}

/**
 * An archive with the example values of "CloudTrail digest file structure" (bucket, home region, time): one
 * account and region, bucket `amzn-s3-demo-bucket`, a trail in us-east-2, from 2015-08-17 13:00 UTC.
 */
export function documentedExampleArchive(hours: number): BuiltArchive {
  return buildArchive({
    bucket: "amzn-s3-demo-bucket",
    trailName: "t",
    homeRegion: "us-east-2",
    trailAccountId: "111122223333",
    accounts: ["111122223333"],
    regions: ["us-east-2"],
    start: new Date("2015-08-17T13:00:00Z"),
    hours,
  });
}

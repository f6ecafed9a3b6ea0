import type { KeyObject } from "node:crypto";
import { gunzipSync } from "node:zlib";
import {
  type DigestDocument,
  parseDigest,
  SIGNATURE_ALGORITHM,
  sha256Hex,
  verifyDigestSignature,
} from "./digest";
import { parseDigestKey } from "./layout";
import type { ArchiveReader } from "./reader";
import { type Problem, type ProblemVerdict, type Window, windowOf } from "./verdicts";

/**
 * CloudTrail delivers a digest every hour; a window up to this long after the newest digest is the
 * next one still on its way, not a gap.
 */
export const DELIVERY_SLACK_MS = 75 * 60_000;

export interface ChainScope {
  bucket: string;
  accountId: string;
  region: string;
  from: Date;
  to: Date;
}

/** A digest whose signature and place in the chain were proven. */
export interface VerifiedDigest {
  key: string;
  versionId?: string;
  document: DigestDocument;
  start: Date;
  end: Date;
}

export interface ChainResult {
  valid: VerifiedDigest[];
  /** Log files named by digests that are not valid: neither checked nor reported as unlisted. */
  untrustedLogKeys: Set<string>;
  problems: Problem[];
  invalidDigests: number;
  missingDigests: number;
}

interface Expectation {
  bucket: string;
  key: string;
  /** What the valid successor recorded: the hash of this digest's content and its signature. */
  hash?: string;
  signature?: string | null;
  /** The successor's start: the end of the window this digest (and any deleted before it) covered. */
  successorStart?: Date;
}

type Evaluation =
  | { ok: true; digest: VerifiedDigest }
  | { ok: false; verdict: ProblemVerdict; detail: string; document?: DigestDocument };

/**
 * Checks one fetched digest exactly as "Custom implementations of CloudTrail log file integrity
 * validation" lays out: retrieved from its original location, signature and algorithm from the object
 * metadata, the public key whose fingerprint the digest names, SHA256withRSA over the string to sign;
 * plus what its valid successor vouches for (the hash of its content and its signature).
 */
export function evaluateDigest(
  expected: Expectation,
  gzipped: Buffer,
  metadata: Record<string, string>,
  versionId: string | undefined,
  keys: ReadonlyMap<string, KeyObject>,
): Evaluation {
  let uncompressed: Buffer;
  try {
    uncompressed = gunzipSync(gzipped);
  } catch {
    return { ok: false, verdict: "digest-modified", detail: "not a gzip file" };
  }
  const parsed = parseDigest(uncompressed);
  if (!parsed.ok) return { ok: false, verdict: "digest-modified", detail: parsed.reason };
  const document = parsed.digest;
  const fail = (verdict: ProblemVerdict, detail: string): Evaluation => ({
    ok: false,
    verdict,
    detail,
    document,
  });
  if (expected.hash !== undefined && sha256Hex(uncompressed) !== expected.hash.toLowerCase()) {
    return fail("digest-modified", "its SHA-256 differs from the previousDigestHashValue of the next digest");
  }
  if (document.digestS3Bucket !== expected.bucket || document.digestS3Object !== expected.key) {
    return fail(
      "digest-modified",
      `it names s3://${document.digestS3Bucket}/${document.digestS3Object}: moved from its original location`,
    );
  }
  const signature = metadata["signature"];
  const algorithm = metadata["signature-algorithm"];
  if (!signature || !algorithm) {
    return fail("digest-signature-invalid", "no signature or signature-algorithm in the object metadata");
  }
  if (algorithm !== SIGNATURE_ALGORITHM) {
    return fail(
      "digest-signature-invalid",
      `signature-algorithm is ${algorithm}, not ${SIGNATURE_ALGORITHM}`,
    );
  }
  if (expected.signature !== undefined && expected.signature !== null && expected.signature !== signature) {
    return fail(
      "digest-signature-invalid",
      "its signature differs from the previousDigestSignature of the next digest",
    );
  }
  const key = keys.get(document.digestPublicKeyFingerprint);
  if (!key) {
    return fail(
      "digest-unknown-key",
      `no CloudTrail public key with fingerprint ${document.digestPublicKeyFingerprint} (ListPublicKeys)`,
    );
  }
  if (!verifyDigestSignature(document, uncompressed, signature, key)) {
    return fail("digest-signature-invalid", "SHA256withRSA verification failed");
  }
  return {
    ok: true,
    digest: {
      key: expected.key,
      versionId,
      document,
      start: new Date(document.digestStartTime),
      end: new Date(document.digestEndTime),
    },
  };
}

interface ListedDigest {
  key: string;
  end: Date;
}

/**
 * Walks one account and region's chain from the newest digest back through `previousDigestS3Object`,
 * each digest fetched from exactly where its successor says, until the window's start is covered. Where
 * the chain breaks (a digest gone, invalid, or a restart), it resumes at the newest listed digest older
 * than the break and reports the exact window no digest covers.
 */
export async function walkChain(
  reader: ArchiveReader,
  scope: ChainScope,
  listedKeys: readonly string[],
  keys: ReadonlyMap<string, KeyObject>,
): Promise<ChainResult> {
  const { bucket, accountId, region, from, to } = scope;
  const result: ChainResult = {
    valid: [],
    untrustedLogKeys: new Set(),
    problems: [],
    invalidDigests: 0,
    missingDigests: 0,
  };
  const problem = (verdict: ProblemVerdict, detail: string, extra: Partial<Problem> = {}) =>
    result.problems.push({ verdict, accountId, region, bucket, detail, ...extra });

  // Newest first.
  const listed: ListedDigest[] = listedKeys
    .map((key) => ({ key, end: parseDigestKey(key)?.end }))
    .filter((entry): entry is ListedDigest => entry.end !== undefined)
    .filter((entry) => entry.end.getTime() <= to.getTime() + DELIVERY_SLACK_MS)
    .sort((a, b) => b.end.getTime() - a.end.getTime());
  // The walk only moves back in time (a verified digest names an older one as its previous), so the
  // newest listed digest strictly older than where it stands has not been walked yet.
  const olderThan = (end: Date): ListedDigest | undefined =>
    listed.find((entry) => entry.end.getTime() < end.getTime());

  const newest = listed[0];
  if (!newest) {
    problem(
      "window-empty",
      "no digest file in the window although the trail should have delivered one every hour",
      {
        window: windowOf(from, to),
      },
    );
    return result;
  }
  if (to.getTime() - newest.end.getTime() > DELIVERY_SLACK_MS) {
    problem(
      "digest-missing",
      `no digest after ${newest.end.toISOString()}: the newest digests are gone or delivery stopped`,
      {
        window: windowOf(newest.end, to),
      },
    );
  }

  let cursor: Expectation | undefined = { bucket, key: newest.key };
  while (cursor) {
    const expected: Expectation = cursor;
    cursor = undefined;
    const keyEnd = parseDigestKey(expected.key)?.end;
    const fetched = await reader.getObject(expected.bucket, expected.key);
    if (!fetched.found) {
      result.missingDigests++;
      const older = keyEnd && olderThan(keyEnd);
      const gapFrom = older ? older.end : from;
      const gapTo = expected.successorStart ?? keyEnd ?? to;
      problem("digest-missing", "the digest the next digest names is gone", {
        key: expected.key,
        versionId: fetched.versionId,
        window: windowOf(gapFrom, gapTo),
      });
      if (older && keyEnd && keyEnd.getTime() > from.getTime()) cursor = { bucket, key: older.key };
      continue;
    }
    const evaluation = evaluateDigest(
      expected,
      await fetched.bytes(),
      fetched.metadata,
      fetched.versionId,
      keys,
    );
    if (!evaluation.ok) {
      result.invalidDigests++;
      problem(evaluation.verdict, evaluation.detail, { key: expected.key, versionId: fetched.versionId });
      for (const log of evaluation.document?.logFiles ?? []) result.untrustedLogKeys.add(log.s3Object);
      const older = keyEnd && olderThan(keyEnd);
      if (older && keyEnd && keyEnd.getTime() > from.getTime()) cursor = { bucket, key: older.key };
      continue;
    }
    const digest = evaluation.digest;
    result.valid.push(digest);
    if (digest.start.getTime() <= from.getTime()) break;
    const document = digest.document;
    if (document.previousDigestS3Object && document.previousDigestS3Bucket) {
      cursor = {
        bucket: document.previousDigestS3Bucket,
        key: document.previousDigestS3Object,
        hash: document.previousDigestHashValue ?? undefined,
        signature: document.previousDigestSignature,
        successorStart: digest.start,
      };
      continue;
    }
    // previousDigestSignature null: CloudTrail started a new chain (logging or validation was off).
    const older = olderThan(digest.end);
    if (older) {
      problem("chain-restarted", "the chain starts again: no digest covers the window before it", {
        key: digest.key,
        versionId: digest.versionId,
        window: windowOf(older.end, digest.start),
      });
      cursor = { bucket, key: older.key };
    }
  }
  result.valid.reverse();
  return result;
}

/** The windows the valid digests cover, merged where they touch. */
export function coveredWindows(digests: readonly VerifiedDigest[]): Window[] {
  const sorted = [...digests].sort((a, b) => a.start.getTime() - b.start.getTime());
  const merged: { from: Date; to: Date }[] = [];
  for (const digest of sorted) {
    const last = merged.at(-1);
    if (last && digest.start.getTime() <= last.to.getTime()) {
      // Stryker disable next-line EqualityOperator: on equal ends the assignment stores an equal date
      if (digest.end > last.to) last.to = digest.end;
    } else merged.push({ from: digest.start, to: digest.end });
  }
  return merged.map((w) => windowOf(w.from, w.to));
}

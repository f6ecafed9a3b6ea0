import type { KeyObject } from "node:crypto";
import { type ChainScope, coveredWindows, DELIVERY_SLACK_MS, evaluateDigest, walkChain } from "./chain";
import type { LogFileEntry } from "./digest";
import { hashGzipStream } from "./gzip-hash";
import {
  type AccountLocation,
  daysTouching,
  digestDayPrefix,
  logDayPrefix,
  parseDigestKey,
  parseLogKey,
} from "./layout";
import { mapConcurrently } from "../policy-check/map-concurrently";
import type { Limiter } from "./limiter";
import type { ArchiveReader } from "./reader";
import type { Problem, ScopeSummary } from "./verdicts";

export interface ScopeInput extends ChainScope {
  location: AccountLocation;
  trailName: string;
  homeRegion: string;
}

export interface ScopeProgress {
  /** One log file checked, of `bytes` compressed bytes. */
  logChecked(bytes: number): void;
  /** More log files found to check. */
  logsQueued(count: number): void;
}

const MINUTE_MS = 60_000;

/**
 * `digests` takes its own slot of the shared limit for each call and reads the body whole (digests are
 * small); `stream` is the plain reader, called inside a slot, whose log bodies are streamed.
 */
export interface ScopeReaders {
  digests: ArchiveReader;
  stream: ArchiveReader;
}

/** Keys under every day prefix the window touches, in order. */
async function listDays(reader: ArchiveReader, bucket: string, prefixes: string[]): Promise<string[]> {
  // Stryker disable next-line ArrayDeclaration: a stray key is dropped by the key parser every caller applies
  const keys: string[] = [];
  for (const prefix of prefixes) for await (const key of reader.listKeys(bucket, prefix)) keys.push(key);
  return keys;
}

/**
 * Validates one account and region over the window: the regular digest chain, the backfill digests,
 * every log file they list, and every log file in the archive that no digest lists.
 */
export async function validateScope(
  readers: ScopeReaders,
  scope: ScopeInput,
  keys: ReadonlyMap<string, KeyObject>,
  limiter: Limiter,
  progress: ScopeProgress,
): Promise<{ summary: ScopeSummary; problems: Problem[] }> {
  const { bucket, accountId, region, from, to, location } = scope;
  const reader = readers.stream;
  // Digests end up to an hour after the logs they list were delivered.
  const digestDays = daysTouching(from, new Date(to.getTime() + DELIVERY_SLACK_MS));
  const digestKeys = (
    await limiter.run(() =>
      listDays(
        reader,
        bucket,
        digestDays.map((day) => digestDayPrefix(location, region, day)),
      ),
    )
  ).filter((key) => {
    const parts = parseDigestKey(key);
    return (
      parts !== undefined &&
      // Stryker disable next-line ConditionalExpression: the listed prefix already names the account
      parts.accountId === accountId &&
      // Stryker disable next-line ConditionalExpression: the listed prefix already names the region
      parts.region === region &&
      parts.trailName === scope.trailName &&
      parts.homeRegion === scope.homeRegion
    );
  });
  const regular = digestKeys.filter((key) => !parseDigestKey(key)!.backfill);
  const backfill = digestKeys.filter((key) => parseDigestKey(key)!.backfill);

  const chain = await walkChain(readers.digests, scope, regular, keys);
  const problems = [...chain.problems];
  const summary: ScopeSummary = {
    accountId,
    region,
    digests: {
      valid: chain.valid.length,
      invalid: chain.invalidDigests,
      missing: chain.missingDigests,
      backfill: 0,
    },
    logs: { valid: 0, invalid: 0, unlisted: 0 },
    bytes: 0,
    covered: coveredWindows(chain.valid),
  };

  // Backfill digests list log files the regular digest of their hour missed; they are signed the same way.
  const entries: LogFileEntry[] = chain.valid.flatMap((digest) => digest.document.logFiles);
  for (const key of backfill) {
    const fetched = await readers.digests.getObject(bucket, key);
    if (!fetched.found) continue;
    const evaluation = evaluateDigest(
      { bucket, key },
      await fetched.bytes(),
      fetched.metadata,
      fetched.versionId,
      keys,
    );
    if (evaluation.ok) {
      summary.digests.backfill++;
      entries.push(...evaluation.digest.document.logFiles);
    } else {
      summary.digests.invalid++;
      problems.push({
        verdict: evaluation.verdict,
        accountId,
        region,
        bucket,
        key,
        versionId: fetched.versionId,
        detail: `backfill digest: ${evaluation.detail}`,
      });
      for (const log of evaluation.document?.logFiles ?? []) chain.untrustedLogKeys.add(log.s3Object);
    }
  }

  progress.logsQueued(entries.length);
  // Results are kept in the digests' order (a stable report); progress moves as each file is done.
  // A pool as wide as the shared limit: pending work stays bounded whatever the number of log files.
  const checked = await mapConcurrently(entries, limiter.limit, (entry) =>
    limiter.run(async () => {
      const outcome = await checkLogFile(reader, entry);
      progress.logChecked(outcome.bytes);
      return outcome;
    }),
  );
  for (const [index, outcome] of checked.entries()) {
    summary.bytes += outcome.bytes;
    if (!outcome.problem) {
      summary.logs.valid++;
      continue;
    }
    summary.logs.invalid++;
    const entry = entries[index];
    problems.push({ ...outcome.problem, accountId, region, bucket: entry.s3Bucket, key: entry.s3Object });
  }

  // Log files the archive holds for the window that no digest (valid or not) lists. Only the span the
  // chain reached is judged: a file at its edges may belong to a digest outside the window.
  const oldest = chain.valid[0];
  const newest = chain.valid.at(-1);
  if (oldest && newest) {
    const listedKeys = new Set([...entries.map((entry) => entry.s3Object), ...chain.untrustedLogKeys]);
    const spanFrom = Math.max(oldest.start.getTime(), from.getTime()) + MINUTE_MS;
    const spanTo = Math.min(newest.end.getTime(), to.getTime()) - MINUTE_MS;
    const logDays = daysTouching(new Date(spanFrom), new Date(spanTo));
    const archived = await limiter.run(() =>
      listDays(
        reader,
        bucket,
        logDays.map((day) => logDayPrefix(location, region, day)),
      ),
    );
    for (const key of archived) {
      const parts = parseLogKey(key);
      if (!parts || listedKeys.has(key)) continue;
      const delivered = parts.delivered.getTime();
      if (delivered < spanFrom || delivered > spanTo) continue;
      summary.logs.unlisted++;
      problems.push({
        verdict: "log-unlisted",
        accountId,
        region,
        bucket,
        key,
        detail: "no digest lists this log file",
      });
    }
  }
  return { summary, problems };
}

type LogOutcome = { bytes: number; problem?: Pick<Problem, "verdict" | "detail" | "versionId"> };

async function checkLogFile(reader: ArchiveReader, entry: LogFileEntry): Promise<LogOutcome> {
  const fetched = await reader.getObject(entry.s3Bucket, entry.s3Object);
  if (!fetched.found) {
    return {
      bytes: 0,
      problem: {
        verdict: "log-deleted",
        detail: "listed in a valid digest but not in the bucket",
        versionId: fetched.versionId,
      },
    };
  }
  const hashed = await hashGzipStream(fetched.body);
  const versionId = fetched.versionId;
  if (!hashed.ok)
    return {
      bytes: hashed.compressedBytes,
      problem: { verdict: "log-modified", detail: hashed.reason, versionId },
    };
  if (!hashed.singleMember) {
    return {
      bytes: hashed.compressedBytes,
      problem: {
        verdict: "log-extra-gzip-data",
        detail: "more than one gzip member, or bytes after the member",
        versionId,
      },
    };
  }
  if (hashed.sha256 !== entry.hashValue.toLowerCase()) {
    return {
      bytes: hashed.compressedBytes,
      problem: {
        verdict: "log-modified",
        detail: "SHA-256 of the content differs from the digest's hashValue",
        versionId,
      },
    };
  }
  return { bytes: hashed.compressedBytes };
}

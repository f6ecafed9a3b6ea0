import type { KeyObject } from "node:crypto";
import { mapConcurrently } from "../policy-check/map-concurrently";
import { publicKeyFromDer } from "./digest";
import { type AccountLocation, accountPrefix } from "./layout";
import { Limiter } from "./limiter";
import type { ArchiveReader, FetchedObject } from "./reader";
import { type ScopeProgress, validateScope } from "./validate-scope";
import type { Problem, ScopeSummary } from "./verdicts";

export interface ValidationRequest {
  bucket: string;
  trailArn: string;
  /** The trail's S3 key prefix. @default none */
  keyPrefix?: string;
  /** The organization trail's `o-…`; when absent, the layouts under `AWSLogs/` are discovered. */
  organizationId?: string;
  /** @default every account folder in the archive */
  accounts?: string[];
  /** @default every region folder of each account */
  regions?: string[];
  from: Date;
  to: Date;
  /** Objects fetched at once. */
  concurrency: number;
}

export interface ValidationReport {
  bucket: string;
  trailArn: string;
  from: string;
  to: string;
  scopes: ScopeSummary[];
  problems: Problem[];
}

const TRAIL_ARN = /^arn:[a-z-]+:cloudtrail:([a-z0-9-]+):(\d{12}):trail\/([A-Za-z0-9._-]+)$/;

export function parseTrailArn(
  arn: string,
): { homeRegion: string; accountId: string; trailName: string } | undefined {
  const match = TRAIL_ARN.exec(arn);
  return match ? { homeRegion: match[1], accountId: match[2], trailName: match[3] } : undefined;
}

const lastSegment = (folder: string) => folder.split("/").at(-2) ?? "";

/** The account folders to validate: the organization layout, the legacy one, or both as found. */
async function accountLocations(
  reader: ArchiveReader,
  request: ValidationRequest,
): Promise<AccountLocation[]> {
  const keyPrefix = request.keyPrefix;
  let organizations: (string | undefined)[];
  if (request.organizationId) organizations = [request.organizationId];
  else {
    const top = (await reader.listFolders(request.bucket, `${keyPrefix ? `${keyPrefix}/` : ""}AWSLogs/`)).map(
      lastSegment,
    );
    organizations = [
      ...top.filter((name) => name.startsWith("o-")),
      ...(top.some((name) => /^\d{12}$/.test(name)) ? [undefined] : []),
    ];
  }
  const locations: AccountLocation[] = [];
  for (const organizationId of organizations) {
    let accounts = request.accounts;
    if (!accounts) {
      const base = accountPrefix({ keyPrefix, organizationId, accountId: "" }).slice(0, -1);
      accounts = (await reader.listFolders(request.bucket, base))
        .map(lastSegment)
        .filter((name) => /^\d{12}$/.test(name));
    }
    for (const accountId of accounts) locations.push({ keyPrefix, organizationId, accountId });
  }
  return locations;
}

async function* oneChunk(bytes: Buffer): AsyncIterable<Uint8Array> {
  yield bytes;
}

/** Reads digests whole through the shared limit, so a chain walk never holds a slot while it waits. */
function limitedDigestReader(reader: ArchiveReader, limiter: Limiter): ArchiveReader {
  return {
    ...reader,
    getObject: (bucket, key) =>
      limiter.run(async (): Promise<FetchedObject> => {
        const fetched = await reader.getObject(bucket, key);
        if (!fetched.found) return fetched;
        const bytes = await fetched.bytes();
        return { ...fetched, body: oneChunk(bytes), bytes: async () => bytes };
      }),
  };
}

async function publicKeysByRegion(
  reader: ArchiveReader,
  regions: string[],
  from: Date,
  to: Date,
): Promise<Map<string, Map<string, KeyObject>>> {
  const byRegion = new Map<string, Map<string, KeyObject>>();
  for (const region of regions) {
    const keys = new Map<string, KeyObject>();
    // A digest is signed with the key of its end time; a day either side covers rotation at the edges.
    for (const record of await reader.publicKeys(
      region,
      new Date(from.getTime() - 86_400_000),
      new Date(to.getTime() + 86_400_000),
    )) {
      const key = publicKeyFromDer(record.value);
      if (key) keys.set(record.fingerprint, key);
    }
    byRegion.set(region, keys);
  }
  return byRegion;
}

/** Validates every account and region in scope; problems are reported, never thrown. */
export async function validateArchive(
  reader: ArchiveReader,
  request: ValidationRequest,
  progress: ScopeProgress = { logChecked() {}, logsQueued() {} },
): Promise<ValidationReport> {
  const trail = parseTrailArn(request.trailArn);
  if (!trail)
    throw new Error(
      `trail ARN ${request.trailArn} is not arn:<partition>:cloudtrail:<region>:<account>:trail/<name>`,
    );
  const limiter = new Limiter(request.concurrency);
  const locations = await accountLocations(reader, request);
  const scopes: { location: AccountLocation; region: string }[] = [];
  for (const location of locations) {
    const regions =
      request.regions ??
      (await reader.listFolders(request.bucket, `${accountPrefix(location)}CloudTrail-Digest/`)).map(
        lastSegment,
      );
    for (const region of regions) scopes.push({ location, region });
  }
  const keys = await publicKeysByRegion(
    reader,
    [...new Set(scopes.map((s) => s.region))],
    request.from,
    request.to,
  );
  const readers = { digests: limitedDigestReader(reader, limiter), stream: reader };
  const results = await mapConcurrently(scopes, Math.max(1, request.concurrency), ({ location, region }) =>
    validateScope(
      readers,
      {
        bucket: request.bucket,
        accountId: location.accountId,
        region,
        from: request.from,
        to: request.to,
        location,
        trailName: trail.trailName,
        homeRegion: trail.homeRegion,
      },
      keys.get(region)!,
      limiter,
      progress,
    ),
  );
  return {
    bucket: request.bucket,
    trailArn: request.trailArn,
    from: request.from.toISOString(),
    to: request.to.toISOString(),
    scopes: results.map((r) => r.summary),
    problems: results.flatMap((r) => r.problems),
  };
}

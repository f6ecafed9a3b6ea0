/**
 * Where CloudTrail writes log and digest files ("CloudTrail digest file structure", "Finding your
 * CloudTrail log files" in the CloudTrail user guide). Pure: keys in, keys out.
 *
 *   [prefix/]AWSLogs/[o-id/]<account>/CloudTrail-Digest/<region>/<yyyy>/<mm>/<dd>/
 *     <account>_CloudTrail-Digest_<region>_<trail>_<home-region>_<yyyymmddThhmmssZ>[_backfill].json.gz
 *   [prefix/]AWSLogs/[o-id/]<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/
 *     <account>_CloudTrail_<region>_<yyyymmddThhmmZ>_<unique>.json.gz
 */

/** Where one account's files start: the organization trail's layout when `organizationId` is given. */
export interface AccountLocation {
  /** The trail's S3 key prefix, without a trailing slash. @default none */
  keyPrefix?: string;
  /** `o-…` for an organization trail; absent for the legacy `AWSLogs/<account>/` layout. */
  organizationId?: string;
  accountId: string;
}

export function accountPrefix({ keyPrefix, organizationId, accountId }: AccountLocation): string {
  return `${keyPrefix ? `${keyPrefix}/` : ""}AWSLogs/${organizationId ? `${organizationId}/` : ""}${accountId}/`;
}

/** `yyyy/mm/dd` of a UTC date. */
export function dayPath(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`;
}

export function digestDayPrefix(location: AccountLocation, region: string, day: Date): string {
  return `${accountPrefix(location)}CloudTrail-Digest/${region}/${dayPath(day)}/`;
}

export function logDayPrefix(location: AccountLocation, region: string, day: Date): string {
  return `${accountPrefix(location)}CloudTrail/${region}/${dayPath(day)}/`;
}

/** `20150817T150131Z`: the digest end time as the key carries it. */
export function compactTimestamp(date: Date, withSeconds = true): string {
  const iso = date.toISOString().replace(/[-:]/g, "");
  return withSeconds ? `${iso.slice(0, 15)}Z` : `${iso.slice(0, 13)}Z`;
}

export interface DigestKeyParts {
  accountId: string;
  region: string;
  trailName: string;
  homeRegion: string;
  end: Date;
  backfill: boolean;
}

export function digestKey(location: AccountLocation, parts: DigestKeyParts): string {
  const { accountId, region, trailName, homeRegion, end, backfill } = parts;
  return (
    `${digestDayPrefix(location, region, end)}${accountId}_CloudTrail-Digest_${region}_${trailName}_` +
    `${homeRegion}_${compactTimestamp(end)}${backfill ? "_backfill" : ""}.json.gz`
  );
}

export function logKey(location: AccountLocation, region: string, delivered: Date, unique: string): string {
  return (
    `${logDayPrefix(location, region, delivered)}${location.accountId}_CloudTrail_${region}_` +
    `${compactTimestamp(delivered, false)}_${unique}.json.gz`
  );
}

const REGION = "[a-z]{2}(?:-[a-z]+)+-\\d+";
const DIGEST_NAME = new RegExp(
  `/(\\d{12})_CloudTrail-Digest_(${REGION})_(.+)_(${REGION})_(\\d{8}T\\d{6}Z)(_backfill)?\\.json\\.gz$`,
);
const LOG_NAME = new RegExp(`/(\\d{12})_CloudTrail_(${REGION})_(\\d{8}T\\d{4}Z)_[A-Za-z0-9]+\\.json\\.gz$`);

function parseCompact(text: string): Date {
  const [y, mo, d, h, mi, s = "00"] = [
    text.slice(0, 4),
    text.slice(4, 6),
    text.slice(6, 8),
    text.slice(9, 11),
    text.slice(11, 13),
    text.length > 14 ? text.slice(13, 15) : undefined,
  ];
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}

/** The parts of a digest file's key, or undefined when the key is not a digest file's. */
export function parseDigestKey(key: string): DigestKeyParts | undefined {
  const match = DIGEST_NAME.exec(key);
  if (!match) return undefined;
  const [, accountId, region, trailName, homeRegion, stamp, backfill] = match;
  return { accountId, region, trailName, homeRegion, end: parseCompact(stamp), backfill: Boolean(backfill) };
}

/** A log file's account, region and delivery minute, or undefined when the key is not a log file's. */
export function parseLogKey(key: string): { accountId: string; region: string; delivered: Date } | undefined {
  const match = LOG_NAME.exec(key);
  if (!match) return undefined;
  return { accountId: match[1], region: match[2], delivered: parseCompact(match[3]) };
}

/** Every UTC day that `[from, to]` touches, as midnight dates. */
export function daysTouching(from: Date, to: Date): Date[] {
  const days: Date[] = [];
  const day = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  for (; day.getTime() <= to.getTime(); day.setUTCDate(day.getUTCDate() + 1)) days.push(new Date(day));
  return days;
}

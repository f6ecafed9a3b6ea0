/** Every verdict the validation reaches, named as `docs/validate-logs.md` explains them. */
export const VERDICTS = {
  "log-valid": "log file valid",
  "log-modified": "log file modified",
  "log-deleted": "log file deleted",
  "log-extra-gzip-data": "log file has extra data after the gzip member",
  "log-unlisted": "log file present in the archive but listed in no digest",
  "digest-valid": "digest valid",
  "digest-signature-invalid": "digest signature invalid",
  "digest-modified": "digest modified",
  "digest-missing": "digest missing",
  "digest-unknown-key": "digest signed with an unknown key",
  "chain-restarted": "digest chain restarted",
  "window-empty": "no digest in the window",
} as const;

export type Verdict = keyof typeof VERDICTS;
export type ProblemVerdict = Exclude<Verdict, "log-valid" | "digest-valid">;

/** A time window, ISO 8601 UTC. */
export interface Window {
  from: string;
  to: string;
}

/** One thing wrong, with where to look: bucket, key and version id, or the window nothing covers. */
export interface Problem {
  verdict: ProblemVerdict;
  accountId: string;
  region: string;
  bucket: string;
  key?: string;
  versionId?: string;
  /** The window no valid digest covers (missing digests, restarts, an empty window). */
  window?: Window;
  detail: string;
}

export interface ScopeSummary {
  accountId: string;
  region: string;
  digests: { valid: number; invalid: number; missing: number; backfill: number };
  logs: { valid: number; invalid: number; unlisted: number };
  bytes: number;
  /** The windows the valid regular digests cover, oldest first. */
  covered: Window[];
}

export function windowOf(from: Date, to: Date): Window {
  return { from: from.toISOString(), to: to.toISOString() };
}

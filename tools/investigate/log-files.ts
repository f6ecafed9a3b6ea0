import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * The log files under a directory, as `aws s3 sync` writes an archive or as any tree of CloudTrail
 * files: `*.json` and `*.json.gz`, without digests (`CloudTrail-Digest/`, integrity proofs, not log
 * records) and Insights (`CloudTrail-Insight/`, another record format).
 */
export function listLogFiles(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new Error(`--dir ${path} does not exist; pass a directory of CloudTrail log files`);
  if (stat.isFile()) return [path];
  return readdirSync(path, { recursive: true, encoding: "utf8" })
    .filter((relative) => isLogFile(relative))
    .map((relative) => join(path, relative))
    .filter((file) => statSync(file).isFile())
    .sort();
}

export function isLogFile(relativePath: string): boolean {
  const segments = relativePath.split(/[\\/]/);
  const name = segments[segments.length - 1];
  if (!/\.json(\.gz)?$/.test(name)) return false;
  return !segments.some((segment) => /CloudTrail-(Digest|Insight)/.test(segment));
}

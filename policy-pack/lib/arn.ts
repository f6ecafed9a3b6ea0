/** `arn:aws:logs:us-east-1:111122223333:log-group:org-trail:*` → `org-trail` (with or without the `:*`). */
export function logGroupNameFromArn(arn: string): string | undefined {
  const match = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:(.+?)(?::\*)?$/.exec(arn);
  return match?.[1];
}

export function withoutTrailingWildcard(arn: string): string {
  return arn.endsWith(":*") ? arn.slice(0, -2) : arn;
}

/** The key id inside a key ARN (`arn:aws:kms:...:key/<id>`), or the value itself when it is a bare id. */
export function kmsKeyIdOf(reference: string): string {
  // With the `s` flag the greedy `(.+)` always runs to the end of the value: no `$` is needed.
  const match = /^arn:[^:]+:kms:[^:]*:[^:]*:key\/(.+)/s.exec(reference);
  return match ? match[1] : reference;
}

/** The alias name inside an alias ARN (`arn:aws:kms:...:alias/<name>` → `alias/<name>`), or the value itself. */
export function kmsAliasNameOf(reference: string): string {
  const match = /^arn:[^:]+:kms:[^:]*:[^:]*:(alias\/.+)/s.exec(reference);
  return match ? match[1] : reference;
}

export function isSnsTopicArn(value: string): boolean {
  return /^arn:[^:]+:sns:[^:]+:\d{12}:[^:]+$/.test(value);
}

/** The S3 partitions an ARN may name; a bucket policy resource only ever matches one of them. */
const S3_PARTITIONS = [
  "aws",
  "aws-cn",
  "aws-us-gov",
  "aws-iso",
  "aws-iso-b",
  "aws-iso-e",
  "aws-iso-f",
  "aws-eusc",
];

/**
 * Whether an IAM resource pattern (with `*` and `?` wildcards) covers the bucket itself and whether it
 * covers every object in it.
 */
export function s3ResourceCoverage(pattern: string, bucket: string): { bucket: boolean; objects: boolean } {
  const regex = new RegExp(
    `^${pattern
      .split("")
      .map((ch) => (ch === "*" ? ".*" : ch === "?" ? "." : ch.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
      .join("")}$`,
  );
  const covers = (suffix: string) =>
    S3_PARTITIONS.some((partition) => regex.test(`arn:${partition}:s3:::${bucket}${suffix}`));
  // Two unrelated probe keys: a pattern that covers both names every object rather than a prefix.
  return { bucket: covers(""), objects: covers("/a") && covers("/zz/9.json.gz") };
}

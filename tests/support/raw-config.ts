/**
 * Stack configuration as `pulumi.runtime.allConfig()` hands it over: fully qualified keys, every value a
 * string (objects and arrays as JSON text).
 */

export const TEST_REGION = "eu-west-1";

/** A log archive section that passes validation, for tests about the other sections. */
export const VALID_LOG_ARCHIVE = { account: "Log Archive" } as const;

/**
 * JSON-encodes each value under `org-governance:<key>` and adds `aws:region` unless `region` is null.
 * Pass `logArchive: undefined` to leave the section out.
 */
export function rawConfig(
  values: Record<string, unknown> = {},
  region: string | null = TEST_REGION,
): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries({ logArchive: VALID_LOG_ARCHIVE, ...values })) {
    if (value !== undefined) raw[`org-governance:${key}`] = JSON.stringify(value);
  }
  if (region !== null) raw["aws:region"] = region;
  return raw;
}

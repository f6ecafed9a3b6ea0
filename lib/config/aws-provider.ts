import type { ProviderArgs } from "@pulumi/aws/provider";
import { z } from "zod";
import { describeValue, formatIssues } from "./issues";

/**
 * The stack's `aws:` settings that every explicit provider of the program receives. Pulumi configures only
 * the default provider from the stack's `aws:` keys ("Resource providers", Default Provider Configuration:
 * https://www.pulumi.com/docs/iac/concepts/resources/providers/); an explicit `aws.Provider` takes its
 * arguments alone, so without this a stack's `aws:profile` would be silently ignored.
 */
export type AwsProviderSettings = Pick<
  ProviderArgs,
  | "profile"
  | "sharedCredentialsFiles"
  | "sharedConfigFiles"
  | "skipCredentialsValidation"
  | "skipMetadataApiCheck"
  | "skipRegionValidation"
  | "stsRegion"
  | "maxRetries"
  | "retryMode"
  | "customCaBundle"
  | "httpProxy"
  | "httpsProxy"
  | "noProxy"
  | "insecure"
  | "ec2MetadataServiceEndpoint"
  | "ec2MetadataServiceEndpointMode"
  | "useFipsEndpoint"
  | "useDualstackEndpoint"
  | "s3UsePathStyle"
>;

const text = z.string().min(1, "a non-empty string");
const files = z.array(text).min(1, "a list of file paths");

/** The settings carried over, by key; every value arrives as the text `pulumi config` stores. */
const CARRIED = z.strictObject({
  profile: text,
  sharedCredentialsFiles: files,
  sharedConfigFiles: files,
  skipCredentialsValidation: z.boolean(),
  skipMetadataApiCheck: z.boolean(),
  skipRegionValidation: z.boolean(),
  stsRegion: text,
  maxRetries: z.number().int("a whole number").nonnegative("a whole number >= 0"),
  retryMode: z.enum(["standard", "adaptive"]),
  customCaBundle: text,
  httpProxy: text,
  httpsProxy: text,
  noProxy: text,
  insecure: z.boolean(),
  ec2MetadataServiceEndpoint: text,
  ec2MetadataServiceEndpointMode: z.enum(["IPv4", "IPv6"]),
  useFipsEndpoint: z.boolean(),
  useDualstackEndpoint: z.boolean(),
  s3UsePathStyle: z.boolean(),
});
const STRING_KEYS = new Set(
  Object.entries(CARRIED.shape)
    .filter(([, schema]) => schema === text || schema.def.type === "enum")
    .map(([key]) => key),
);

/** Settings the program decides itself, or that would hand credentials to one provider only. */
const REFUSED: Readonly<Record<string, string>> = {
  accessKey:
    "static keys in the stack config; run with AWS_PROFILE (or aws:profile) or environment credentials",
  secretKey:
    "static keys in the stack config; run with AWS_PROFILE (or aws:profile) or environment credentials",
  token: "static keys in the stack config; run with AWS_PROFILE (or aws:profile) or environment credentials",
  assumeRoles:
    "the program assumes the log-archive role itself; give the management account's role through an AWS_PROFILE with role_arn",
  assumeRole:
    "the program assumes the log-archive role itself; give the management account's role through an AWS_PROFILE with role_arn",
  assumeRoleWithWebIdentity:
    "give the web identity through AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE (or an AWS_PROFILE) instead",
  allowedAccountIds: "the program pins each provider to its own account from the organization",
  forbiddenAccountIds: "the program pins each provider to its own account from the organization",
  skipRequestingAccountId: "the program pins each provider to its account, which needs the account id",
  defaultTags: "set the tags with org-governance:tags",
  endpoints:
    "custom endpoints would send one provider's calls elsewhere; set AWS_ENDPOINT_URL_<SERVICE> instead",
};

/** Keys the program reads itself or that change nothing a provider does. */
const READ_ELSEWHERE = new Set(["region"]);

/**
 * The `aws:` settings to pass to every explicit provider, and one line per setting it cannot honour:
 * `aws:accessKey: not used by the program's providers: static keys in the stack config; run with …`.
 */
export function awsProviderSettings(raw: Record<string, string>): {
  settings: AwsProviderSettings;
  problems: string[];
} {
  const problems: string[] = [];
  const document: Record<string, unknown> = {};
  for (const [fullKey, value] of Object.entries(raw)) {
    if (!fullKey.startsWith("aws:")) continue;
    const key = fullKey.slice("aws:".length);
    if (READ_ELSEWHERE.has(key)) continue;
    if (key in REFUSED) {
      problems.push(`${fullKey}: not passed to the program's providers (${REFUSED[key]}); remove it`);
      continue;
    }
    if (!(key in CARRIED.shape)) {
      problems.push(
        `${fullKey}: not a setting the program passes to its providers (got ${describeValue(value)}); remove it`,
      );
      continue;
    }
    document[key] = STRING_KEYS.has(key) ? value : decode(value);
  }
  const parsed = CARRIED.partial().safeParse(document);
  if (!parsed.success) problems.push(...formatIssues(parsed.error.issues, document, "aws:"));
  return { settings: parsed.success ? parsed.data : {}, problems };
}

function decode(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

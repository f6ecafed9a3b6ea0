import { z } from "zod";
import { formatIssues, formatPath } from "../../lib/config/issues";
import { PolicyCheckInputError } from "./errors";
import { readJsonFile } from "./json-file";

export const ENFORCEMENT_LEVELS = ["advisory", "mandatory", "remediate", "disabled"] as const;
export type EnforcementLevel = (typeof ENFORCEMENT_LEVELS)[number];

/** One policy's configuration: an enforcement level, extra properties, or both. */
export interface PolicyConfigEntry {
  readonly enforcementLevel?: EnforcementLevel;
  readonly properties?: Readonly<Record<string, unknown>>;
}

/** Policy name (or "all") → configuration, as `pulumi preview --policy-pack-config FILE` reads it. */
export type PolicyConfig = Readonly<Record<string, PolicyConfigEntry>>;

const enforcementLevel = z.enum(ENFORCEMENT_LEVELS, `one of ${ENFORCEMENT_LEVELS.join(", ")}`);
const entryObject = z.looseObject({ enforcementLevel: enforcementLevel.optional() });

/**
 * Parses a policy config document with the CLI's rules (pkg/resource/analyzer/config.go): each value is an
 * enforcement level or an object whose optional `enforcementLevel` is split from its other properties, and
 * empty entries are dropped.
 */
export function parsePolicyConfig(document: unknown, source: string): PolicyConfig {
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    throw new PolicyCheckInputError([
      `${source}: expected an object of policy name → level or settings (got ${JSON.stringify(document)})`,
    ]);
  }
  const entries: [string, PolicyConfigEntry][] = [];
  const problems: string[] = [];
  for (const [policyName, value] of Object.entries(document)) {
    const entry = parseEntry(value, policyName, document, source, problems);
    if (entry && (entry.enforcementLevel !== undefined || entry.properties !== undefined)) {
      entries.push([policyName, entry]);
    }
  }
  if (problems.length > 0) throw new PolicyCheckInputError(problems);
  // fromEntries defines own properties: a policy named `__proto__` stays an entry, refused by name later.
  return Object.fromEntries(entries);
}

function parseEntry(
  value: unknown,
  policyName: string,
  document: object,
  source: string,
  problems: string[],
): PolicyConfigEntry | undefined {
  const schema = typeof value === "string" ? enforcementLevel : entryObject;
  if (typeof value !== "string" && (value === null || typeof value !== "object" || Array.isArray(value))) {
    problems.push(
      `${source}: ${formatPath([policyName])}: expected an enforcement level or an object (got ${JSON.stringify(value)})`,
    );
    return undefined;
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const lines = formatIssues(
      parsed.error.issues.map((issue) => ({ ...issue, path: [policyName, ...issue.path] })),
      document,
    );
    problems.push(...lines.map((line) => `${source}: ${line}`));
    return undefined;
  }
  if (typeof parsed.data === "string") return { enforcementLevel: parsed.data };
  const { enforcementLevel: level, ...properties } = parsed.data;
  return {
    ...(level !== undefined ? { enforcementLevel: level } : {}),
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  };
}

/** Reads a policy config file; like the CLI, an empty file means no configuration. */
export async function readPolicyConfig(path: string): Promise<PolicyConfig> {
  return parsePolicyConfig(await readJsonFile(path, "policy config", {}), path);
}

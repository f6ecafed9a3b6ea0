import { z } from "zod";
import { formatIssues } from "../../lib/config/issues";
import { PolicyCheckInputError } from "./errors";
import type { EnforcementLevel, PolicyConfig, PolicyConfigEntry } from "./policy-config-file";

/** What GetAnalyzerInfo tells about one policy. */
export interface PolicyMetadata {
  readonly name: string;
  readonly description: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly remediationSteps?: string;
  readonly configSchema?: {
    readonly properties: Readonly<Record<string, unknown>>;
    readonly required: readonly string[];
  };
}

/** The name the CLI reserves for "every policy of the pack". */
export const ALL_POLICIES = "all";

/**
 * Merges configuration exactly as the CLI does before it calls Configure (ReconcilePolicyPackConfig in
 * pkg/resource/analyzer/config.go): each policy starts from its own level and its schema's defaults, then the
 * pack's initial config and then the file are applied, `all` first and named policies after. The result is
 * validated against each policy's config schema. One deliberate difference: a name that is neither a policy of
 * the pack nor `all` is an error here, because the CLI would silently ignore a misspelt policy.
 */
export function reconcilePolicyConfig(
  policies: readonly PolicyMetadata[],
  initialConfig: PolicyConfig,
  config: PolicyConfig,
  source: string,
): Record<string, PolicyConfigEntry> {
  rejectUnknownPolicies(policies, config, source);
  rejectUnknownSettings(policies, config, source);
  const merged = applyConfig(applyConfig(configWithDefaults(policies), initialConfig), config);
  const problems = policies.flatMap((policy) => validateAgainstSchema(policy, merged[policy.name], source));
  if (problems.length > 0) throw new PolicyCheckInputError(problems);
  return merged;
}

function configWithDefaults(policies: readonly PolicyMetadata[]): Record<string, PolicyConfigEntry> {
  const result: Record<string, PolicyConfigEntry> = {};
  for (const policy of policies) {
    const defaults = Object.entries(policy.configSchema?.properties ?? {}).filter(
      ([, schema]) => schema !== null && typeof schema === "object" && "default" in schema,
    );
    result[policy.name] = {
      enforcementLevel: policy.enforcementLevel,
      ...(defaults.length > 0
        ? {
            properties: Object.fromEntries(
              defaults.map(([key, schema]) => [key, (schema as { default: unknown }).default]),
            ),
          }
        : {}),
    };
  }
  return result;
}

function applyConfig(
  result: Record<string, PolicyConfigEntry>,
  toApply: PolicyConfig,
): Record<string, PolicyConfigEntry> {
  const next = { ...result };
  const allLevel = toApply[ALL_POLICIES]?.enforcementLevel;
  if (allLevel !== undefined) {
    for (const [name, entry] of Object.entries(next)) next[name] = { ...entry, enforcementLevel: allLevel };
  }
  // The CLI also records "all" itself as an entry, so Configure sends it to the pack; kept for parity.
  for (const [name, given] of Object.entries(toApply)) {
    const current = next[name];
    const enforcementLevel = given.enforcementLevel ?? current?.enforcementLevel;
    const properties =
      given.properties === undefined ? current?.properties : { ...current?.properties, ...given.properties };
    next[name] = {
      ...(enforcementLevel !== undefined ? { enforcementLevel } : {}),
      ...(properties !== undefined ? { properties } : {}),
    };
  }
  return next;
}

function rejectUnknownPolicies(
  policies: readonly PolicyMetadata[],
  config: PolicyConfig,
  source: string,
): void {
  const known = new Set(policies.map((policy) => policy.name));
  const unknown = Object.keys(config).filter((name) => name !== ALL_POLICIES && !known.has(name));
  if (unknown.length === 0) return;
  const knownList = [...known].sort().join(", ");
  throw new PolicyCheckInputError(
    unknown.map(
      (name) => `${source}: ${name}: no policy of that name in the pack; use one of ${knownList} or all`,
    ),
  );
}

/**
 * A setting a policy does not declare is a typo or a misunderstanding; the pack would refuse it only later,
 * in a message that names the pack instead of the file.
 */
function rejectUnknownSettings(
  policies: readonly PolicyMetadata[],
  config: PolicyConfig,
  source: string,
): void {
  const problems: string[] = [];
  for (const policy of policies) {
    const given = Object.prototype.hasOwnProperty.call(config, policy.name) ? config[policy.name] : undefined;
    const declared = Object.keys(policy.configSchema?.properties ?? {});
    for (const key of Object.keys(given?.properties ?? {})) {
      if (declared.includes(key)) continue;
      problems.push(
        `${source}: ${policy.name}.${key}: unknown setting; ${declared.length > 0 ? `the policy's settings are ${declared.join(", ")}` : "the policy has no settings"}`,
      );
    }
  }
  if (problems.length > 0) throw new PolicyCheckInputError(problems);
}

function validateAgainstSchema(
  policy: PolicyMetadata,
  entry: PolicyConfigEntry | undefined,
  source: string,
): string[] {
  if (policy.configSchema === undefined) return [];
  let schema: z.ZodType;
  try {
    schema = z.fromJSONSchema({
      type: "object",
      properties: policy.configSchema.properties,
      ...(policy.configSchema.required.length > 0 ? { required: [...policy.configSchema.required] } : {}),
    } as Parameters<typeof z.fromJSONSchema>[0]);
  } catch {
    // A schema zod cannot translate is left to the pack itself, which still receives the configuration.
    return [];
  }
  const properties = entry?.properties ?? {};
  const parsed = schema.safeParse(properties);
  if (parsed.success) return [];
  return formatIssues(parsed.error.issues, properties, policy.name).map(
    (line) => `${source}: ${line}; fix the policy's settings`,
  );
}

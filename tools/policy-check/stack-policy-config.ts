import { isDeepStrictEqual } from "node:util";
import { PolicyCheckInputError } from "./errors";
import type { PolicyConfig, PolicyConfigEntry } from "./policy-config-file";

/** Policy settings a stack decides (its own choice of monitoring controls), and where it decides them. */
export interface StackPolicyConfig {
  /** e.g. `stack prod`. */
  readonly stack: string;
  readonly config: PolicyConfig;
  /** Policy name → setting → the stack's config key that holds it, for messages. */
  readonly keys: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * The stack's settings under the file's: the file may add levels and settings, but a setting both give
 * must agree, because `pulumi preview --policy-pack-config FILE` sees only the file. A disagreement is one
 * line naming the setting, both values, and the fix.
 */
export function withStackPolicyConfig(
  stack: StackPolicyConfig,
  fromFile: PolicyConfig,
  source: string | undefined,
): PolicyConfig {
  const merged: Record<string, PolicyConfigEntry> = { ...fromFile };
  const problems: string[] = [];
  for (const [policy, entry] of Object.entries(stack.config)) {
    const given = Object.hasOwn(fromFile, policy) ? fromFile[policy] : undefined;
    for (const [setting, value] of Object.entries(entry.properties ?? {})) {
      const written = given?.properties?.[setting];
      if (written === undefined || isDeepStrictEqual(written, value)) continue;
      problems.push(
        `${source ?? "policy config"}: ${policy}.${setting} is ${JSON.stringify(written)} but ${stack.stack} ` +
          `sets ${stack.keys[policy]?.[setting] ?? setting} to ${JSON.stringify(value)}; write the stack's value ` +
          `in the file (or remove the setting) so the plan and \`pulumi preview --policy-pack-config\` judge alike`,
      );
    }
    merged[policy] = {
      ...entry,
      ...given,
      properties: { ...entry.properties, ...given?.properties },
    };
  }
  if (problems.length > 0) throw new PolicyCheckInputError(problems);
  return merged;
}

import type { PolicyConfigSchema } from "@pulumi/policy";
import { z } from "zod";
import { formatIssues } from "../../lib/config/issues";

/** A policy's user settings: one zod schema gives both the JSON schema Pulumi shows and the parser. */
export interface PolicyConfig<C> {
  /** Absent for policies without settings, so Pulumi offers none. */
  readonly configSchema?: PolicyConfigSchema;
  /** Applies defaults; throws one line naming the policy, the key and the fix for invalid settings. */
  parse(raw: unknown, policyName: string): C;
}

export function policyConfig<S extends z.ZodObject>(schema: S): PolicyConfig<z.output<S>> {
  const { properties = {}, required } = z.toJSONSchema(schema, { target: "draft-7", io: "input" }) as {
    properties?: PolicyConfigSchema["properties"];
    required?: string[];
  };
  return {
    // zod leaves `required` out when every setting is optional or has a default, never an empty list.
    configSchema: required ? { properties, required } : { properties },
    parse: (raw, policyName) => parseWith(schema, raw, policyName),
  };
}

// Built once: zod compiles a parser per schema object, and this one is used on every resource.
const EMPTY_CONFIG = z.strictObject({});

export const NO_CONFIG: PolicyConfig<Record<string, never>> = {
  parse: (raw, policyName) => parseWith(EMPTY_CONFIG, raw, policyName),
};

function parseWith<S extends z.ZodType>(schema: S, raw: unknown, policyName: string): z.output<S> {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const lines = formatIssues(result.error.issues, raw, `policy config ${policyName}`);
  throw new Error(`${lines.join("; ")}; fix it in the file passed to --policy-pack-config`);
}

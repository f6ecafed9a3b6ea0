import type { EnforcementLevel, Severity } from "@pulumi/policy";

/** What a policy is, apart from its check: the facts the pack, the docs and the tests share. */
export interface PolicyMeta {
  /** kebab-case, unique in the pack; users name it in the policy config file. */
  readonly name: string;
  readonly description: string;
  readonly enforcementLevel: Extract<EnforcementLevel, "mandatory" | "advisory">;
  readonly severity: Severity;
  readonly remediationSteps: string;
  /** AWS Security Hub control ids, e.g. `CloudTrail.2`. */
  readonly securityHub: readonly string[];
  /** CIS AWS Foundations Benchmark recommendations as `<version>/<number>`, e.g. `v3.0.0/3.5`. */
  readonly cis: readonly string[];
}

/** The `@pulumi/policy` fields every policy carries, with the compliance ids as searchable tags. */
export function policyFields(meta: PolicyMeta) {
  return {
    name: meta.name,
    description: meta.description,
    enforcementLevel: meta.enforcementLevel,
    severity: meta.severity,
    remediationSteps: meta.remediationSteps,
    tags: [...meta.securityHub.map((id) => `securityhub:${id}`), ...meta.cis.map((id) => `cis:${id}`)],
  };
}

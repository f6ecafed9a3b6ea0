import type { EnforcementLevel } from "./policy-config-file";

export interface PolicyReport {
  readonly pack: {
    readonly name: string;
    readonly version: string;
    /** Each policy with the enforcement level it ran at, after the policy config was applied. */
    readonly policies: readonly {
      readonly name: string;
      readonly enforcementLevel: EnforcementLevel;
      readonly description: string;
    }[];
    /** Version of @pulumi/policy serving the pack (GetPluginInfo). */
    readonly sdkVersion?: string;
    /** How the runner loaded the pack's code (see compile-mode.ts). */
    readonly loading?: PackLoading;
  };
  readonly violations: readonly PolicyViolation[];
  readonly resourcesAnalyzed: number;
  readonly timings: { readonly startMs: number; readonly analyzeMs: number; readonly stackMs: number };
  /** What the pack printed or logged while it ran, one entry per line. */
  readonly logs?: readonly string[];
}

export type PackLoading =
  "precompiled" | "precompiled (cached)" | "source, not type-checked" | "source, type-checked";

export interface PolicyViolation {
  readonly policyName: string;
  readonly enforcementLevel: EnforcementLevel;
  readonly message: string;
  readonly urn?: string;
  readonly resourceType?: string;
  readonly remediation?: string;
}

/** Levels in the order a reader should meet them: what blocks a deployment comes first. */
const LEVEL_ORDER: readonly EnforcementLevel[] = ["mandatory", "remediate", "advisory", "disabled"];

export function hasMandatoryViolation(report: PolicyReport): boolean {
  return report.violations.some((violation) => violation.enforcementLevel === "mandatory");
}

/** A human-readable report: violations grouped by enforcement level, mandatory first, then a count line. */
export function formatReport(report: PolicyReport): string {
  const lines = [
    `Policy pack ${report.pack.name} ${report.pack.version}: ${report.pack.policies.length} ` +
      `${plural(report.pack.policies.length, "policy", "policies")}, ${report.resourcesAnalyzed} ` +
      `${plural(report.resourcesAnalyzed, "resource", "resources")} analyzed`,
  ];
  for (const level of LEVEL_ORDER) {
    const group = report.violations.filter((violation) => violation.enforcementLevel === level);
    if (group.length === 0) continue;
    lines.push("", `${level} (${group.length})`);
    for (const violation of group) lines.push(...formatViolation(violation));
  }
  lines.push("", closingLine(report));
  return lines.join("\n");
}

function formatViolation(violation: PolicyViolation): string[] {
  const lines = [`  ${violation.policyName}${violation.resourceType ? ` (${violation.resourceType})` : ""}`];
  lines.push(`    ${violation.urn ?? "(whole stack)"}`);
  for (const messageLine of violation.message.split("\n")) {
    if (messageLine.trim() !== "") lines.push(`    ${messageLine}`);
  }
  if (violation.remediation) lines.push(`    remediation: ${violation.remediation}`);
  return lines;
}

function closingLine(report: PolicyReport): string {
  const count = (level: EnforcementLevel) =>
    report.violations.filter((violation) => violation.enforcementLevel === level).length;
  const mandatory = count("mandatory");
  const verdict = mandatory > 0 ? "Policy check failed" : "Policy check passed";
  return (
    `${verdict}: ${mandatory} mandatory, ${count("advisory")} advisory ` +
    `${plural(report.violations.length, "violation", "violations")} in ${report.resourcesAnalyzed} ` +
    `${plural(report.resourcesAnalyzed, "resource", "resources")}`
  );
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

import type { ControlCoverage } from "../../policy-pack/policies/cis-monitoring-coverage";
import type { EnforcementLevel } from "./policy-config-file";

export type { ControlCoverage };

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
  /**
   * Per monitoring control and trail log group: the filters that cover it, or the calls no filter
   * catches (the repository's own pack only; absent when cis-monitoring-coverage is disabled).
   */
  readonly coverage?: readonly ControlCoverage[];
  readonly resourcesAnalyzed: number;
  readonly timings: { readonly startMs: number; readonly analyzeMs: number; readonly stackMs: number };
  /** What the pack printed or logged while it ran, one entry per line. */
  readonly logs?: readonly string[];
}

export type PackLoading =
  | "precompiled"
  | "precompiled (cached)"
  | "source, not type-checked"
  | "source, type-checked"
  /** A JavaScript pack, such as the one `npm run policy:build` writes: loaded as it is. */
  | "javascript";

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

/**
 * A human-readable report: violations grouped by enforcement level, mandatory first, then a count line.
 * `configKeyOf` names the stack config key that changes what a violation judges (the plan knows it).
 */
export function formatReport(
  report: PolicyReport,
  configKeyOf?: (violation: PolicyViolation) => string | undefined,
): string {
  const lines = [
    `Policy pack ${report.pack.name} ${report.pack.version}: ${report.pack.policies.length} ` +
      `${plural(report.pack.policies.length, "policy", "policies")}, ${report.resourcesAnalyzed} ` +
      `${plural(report.resourcesAnalyzed, "resource", "resources")} analyzed`,
  ];
  for (const level of LEVEL_ORDER) {
    const group = report.violations.filter((violation) => violation.enforcementLevel === level);
    if (group.length === 0) continue;
    lines.push("", `${level} (${group.length})`);
    for (const violation of group) lines.push(...formatViolation(violation, configKeyOf?.(violation)));
  }
  if (report.coverage !== undefined && report.coverage.length > 0)
    lines.push("", ...formatCoverage(report.coverage));
  lines.push("", closingLine(report));
  return lines.join("\n");
}

/** One line per control: the filters that cover it, or what no filter catches. */
function formatCoverage(coverage: readonly ControlCoverage[]): string[] {
  const groups = [...new Set(coverage.map((entry) => entry.logGroup))];
  const lines: string[] = [];
  for (const group of groups) {
    const entries = coverage.filter((entry) => entry.logGroup === group);
    const covered = entries.filter((entry) => entry.status === "covered").length;
    lines.push(`monitoring coverage of ${group} (${covered} of ${entries.length} controls covered)`);
    const width = Math.max(...entries.map((entry) => entry.control.length));
    for (const entry of entries) lines.push(`  ${entry.control.padEnd(width)}  ${explainEntry(entry)}`);
  }
  return lines;
}

function explainEntry(entry: ControlCoverage): string {
  if (entry.status === "covered") {
    const noisier =
      entry.noisier === undefined ? "" : ` (noisier than the catalog: also ${entry.noisier.join(", ")})`;
    return `covered by ${entry.coveredBy.join(", ")}${noisier}`;
  }
  const prefix =
    entry.status === "not known yet" ? "not known yet (some patterns are unknown in preview)" : "not covered";
  if (entry.uncaught.length > 0) return `${prefix}: no filter catches ${entry.uncaught.join("; ")}`;
  return `${prefix}${entry.closest === undefined ? "" : `: ${entry.closest}`}`;
}

function formatViolation(violation: PolicyViolation, configKey: string | undefined): string[] {
  const lines = [`  ${violation.policyName}${violation.resourceType ? ` (${violation.resourceType})` : ""}`];
  lines.push(`    ${violation.urn ?? "(whole stack)"}`);
  for (const messageLine of violation.message.split("\n")) {
    if (messageLine.trim() !== "") lines.push(`    ${messageLine}`);
  }
  if (configKey) lines.push(`    stack config: change ${configKey}`);
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

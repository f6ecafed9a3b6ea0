import type { ReportViolation } from "@pulumi/policy";
import type { Finding } from "./result";

/**
 * The object form of `reportViolation`: @pulumi/policy 1.x accepts it at run time (its type only
 * declares the string form) and it is the one way for a mandatory policy to emit an advisory finding.
 */
interface Diagnostic {
  readonly message: string;
  readonly urn?: string;
  readonly enforcementLevel: "advisory";
}

export interface ReportTarget {
  readonly description: string;
  readonly reportViolation: ReportViolation;
  readonly notApplicable: (reason?: string) => never;
}

/**
 * Hands findings to the Pulumi engine: violations at the policy's own level, "cannot judge yet" and
 * "passes, but note this" as advisory whatever that level is, and "not applicable" only when nothing else was found.
 */
export function reportFindings(findings: readonly Finding[], target: ReportTarget): void {
  const relevant = distinct(findings.filter((finding) => finding.status !== "not-applicable"));
  if (relevant.length === 0) {
    const reasons = findings.flatMap((finding) => {
      if (finding.status === "not-applicable") return [finding.reason];
      // Stryker disable next-line ArrayDeclaration: unreachable, no finding is relevant here so each is not applicable
      return [];
    });
    if (reasons.length > 0) target.notApplicable(distinctStrings(reasons).join("; "));
    return;
  }
  const emitDiagnostic = target.reportViolation as unknown as (diagnostic: Diagnostic) => void;
  for (const finding of relevant) {
    if (finding.status === "non-compliant") {
      target.reportViolation(finding.reason, finding.urn);
    } else if (finding.status === "unknown" || finding.status === "advisory") {
      emitDiagnostic({
        message: `${target.description}\n${finding.reason}`,
        enforcementLevel: "advisory",
        ...(finding.urn === undefined ? {} : { urn: finding.urn }),
      });
    }
  }
}

function distinct(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = JSON.stringify(finding);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function distinctStrings(values: readonly string[]): string[] {
  return [...new Set(values)];
}

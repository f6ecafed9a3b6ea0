import { type ControlCoverage, explainCoverage } from "../../policy-pack/policies/cis-monitoring-coverage";
import type { StackResource } from "../../policy-pack/lib/stack";
import { toPlainProps } from "../../policy-pack/lib/unknown";
import { buildAnalyzerInputs } from "./analyzer-resources";
import type { PolicyConfigEntry } from "./policy-config-file";
import type { Deployment } from "./read-deployment";

export const COVERAGE_POLICY = "cis-monitoring-coverage";
/** The name `policy-pack/index.ts` gives the repository's own pack. */
export const OWN_PACK_NAME = "org-governance";

/**
 * The coverage explanation for the report: the pack's own pure `explainCoverage`, run here on the stack
 * the pack analyzed, with the controls its reconciled config selected. Undefined when the policy is
 * disabled or its config does not parse (the pack reports that itself).
 */
export function monitoringCoverage(
  deployment: Deployment,
  entry: PolicyConfigEntry | undefined,
): readonly ControlCoverage[] | undefined {
  if (entry?.enforcementLevel === "disabled") return undefined;
  const controls = entry?.properties?.controls ?? "cis";
  if (controls !== "cis" && controls !== "all" && !isStringList(controls)) return undefined;
  const stack: StackResource[] = buildAnalyzerInputs(deployment).stack.map((target) => ({
    type: target.type,
    urn: target.urn,
    name: target.name,
    props: toPlainProps(target.properties),
    propertyDependencies: target.propertyDependencies,
  }));
  try {
    return explainCoverage(stack, { controls });
  } catch {
    // An unknown control id: the pack's config validation names it; the explanation is left out.
    return undefined;
  }
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "string");
}

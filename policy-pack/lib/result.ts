/**
 * The verdict of one rule on one resource. "unknown" means the rule cannot judge yet (a preview value
 * that only exists after `pulumi up`, or a linked resource this stack does not manage); it is reported
 * as advisory and never counts as a pass.
 */
export type RuleResult =
  | { readonly status: "compliant" }
  | { readonly status: "non-compliant"; readonly reason: string }
  | { readonly status: "not-applicable"; readonly reason: string }
  | { readonly status: "unknown"; readonly reason: string }
  /** Passes, with something worth a reviewer's attention; reported as advisory whatever the policy's level. */
  | { readonly status: "advisory"; readonly reason: string };

/** A stack-level verdict, attached to the resource it is about (the stack itself when `urn` is absent). */
export type Finding = RuleResult & { readonly urn?: string };

export const compliant = (): RuleResult => ({ status: "compliant" });
export const nonCompliant = (reason: string): RuleResult => ({ status: "non-compliant", reason });
export const notApplicable = (reason: string): RuleResult => ({ status: "not-applicable", reason });
export const unknown = (reason: string): RuleResult => ({ status: "unknown", reason });
export const advisory = (reason: string): RuleResult => ({ status: "advisory", reason });

/** A reason for values that only exist once `pulumi up` has created the resources they come from. */
export function notKnownYet(what: string): RuleResult {
  return unknown(
    `${what} is not known during preview; it is checked again during \`pulumi up\` and by \`pulumi policy analyze\``,
  );
}

export function at(urn: string | undefined, result: RuleResult): Finding {
  return urn === undefined ? result : { ...result, urn };
}

/**
 * The first result that is not compliant, so one rule can chain several requirements in order; an
 * advisory note comes back only when every later requirement passes.
 */
export function firstProblem(...checks: ReadonlyArray<() => RuleResult>): RuleResult {
  let note: RuleResult | undefined;
  for (const check of checks) {
    const result = check();
    if (result.status === "advisory") note ??= result;
    else if (result.status !== "compliant") return result;
  }
  return note ?? compliant();
}

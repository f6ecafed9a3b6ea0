import { TRAIL, isOneOf } from "./resource-types";
import { type RuleResult, compliant, nonCompliant, notApplicable, notKnownYet } from "./result";
import { type Stack, type StackResource, ofType } from "./stack";
import { isUnknown } from "./unknown";
import type { ResourceView } from "./wrap";

export type TrailProps = Readonly<Record<string, unknown>>;

/** Runs a trail check on trails and answers "not applicable" for every other resource type. */
export function onTrail(resource: ResourceView, check: (trail: TrailProps) => RuleResult): RuleResult {
  if (!isOneOf(resource.type, TRAIL)) return notApplicable(`applies to ${TRAIL[0]} resources only`);
  return check(resource.props);
}

export function trailsIn(stack: Stack): StackResource[] {
  return ofType(stack, TRAIL);
}

export const NO_TRAIL = notApplicable(`the stack has no ${TRAIL[0]}`);

/**
 * A boolean trail setting that must have one value. `providerDefault` is what AWS uses when the program
 * leaves the setting out, so an absent value is judged as that default.
 */
export function expectFlag(
  trail: TrailProps,
  property: string,
  expected: boolean,
  providerDefault: boolean,
  consequence: string,
): RuleResult {
  const value = trail[property];
  if (isUnknown(value)) return notKnownYet(`\`${property}\``);
  const effective = value === undefined || value === null ? providerDefault : value;
  if (effective === expected) return compliant();
  const shown =
    value === undefined || value === null
      ? `not set (AWS default ${providerDefault})`
      : JSON.stringify(value);
  return nonCompliant(`\`${property}\` is ${shown}: ${consequence}; set \`${property}: ${expected}\``);
}

/** A trail setting that must be a non-empty string. */
export function expectText(
  trail: TrailProps,
  property: string,
  consequence: string,
  fix: string,
): RuleResult {
  const value = trail[property];
  if (isUnknown(value)) return notKnownYet(`\`${property}\``);
  if (typeof value === "string" && value.trim() !== "") return compliant();
  const shown = value === undefined || value === null ? "not set" : JSON.stringify(value);
  return nonCompliant(`\`${property}\` is ${shown}: ${consequence}; ${fix}`);
}

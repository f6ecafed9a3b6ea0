import type { Link } from "./links";
import { type Finding, type RuleResult, at, notApplicable, notKnownYet, unknown } from "./result";
import { type Stack, type StackResource, label } from "./stack";
import { NO_TRAIL, trailsIn } from "./trail";

export interface LinkedThing {
  /** What the trail points at, e.g. "KMS key". */
  readonly noun: string;
  /** The trail property that points at it. */
  readonly property: string;
  /** The policy that reports a trail without the property, so this one stays silent about it. */
  readonly reportedBy: string;
}

/**
 * Runs a check on the resource each trail of the stack points at (its KMS key, its log group). A target
 * this stack does not manage gets an advisory "cannot verify" finding rather than a pass.
 */
export function checkTrailLinks(
  stack: Stack,
  resolve: (stack: Stack, trail: StackResource) => Link,
  thing: LinkedThing,
  check: (target: StackResource, trail: StackResource) => RuleResult,
): Finding[] {
  const trails = trailsIn(stack);
  if (trails.length === 0) return [NO_TRAIL];
  return trails.map((trail) => {
    const link = resolve(stack, trail);
    switch (link.kind) {
      case "found":
        return at(link.resource.urn, check(link.resource, trail));
      case "unknown":
        return at(trail.urn, notKnownYet(`which ${thing.noun} ${label(trail)} uses (\`${thing.property}\`)`));
      case "absent":
        return at(
          trail.urn,
          notApplicable(`${label(trail)} has no \`${thing.property}\` (${thing.reportedBy} reports that)`),
        );
      case "outside":
        return at(
          trail.urn,
          unknown(
            `cannot verify: ${label(trail)} uses ${thing.noun} "${link.value}", which this stack does not manage; run the pack against the stack that does`,
          ),
        );
    }
  });
}

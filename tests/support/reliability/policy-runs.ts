import type {
  Policies,
  PolicyResource,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import type { Stack, StackResource } from "../../../policy-pack/lib/stack";

type Policy = Policies[number];

/** What one policy reported over a stack, as the engine would receive it. */
export interface PolicyReport {
  /** Violations at the policy's own enforcement level. */
  readonly violations: { readonly message: string; readonly urn?: string }[];
  /** "Cannot judge yet" diagnostics, always advisory. */
  readonly advisories: { readonly message: string; readonly urn?: string }[];
  readonly notApplicable: string[];
}

class NotApplicable extends Error {
  constructor(readonly reason: string | undefined) {
    super(reason);
  }
}

/** A resource as the SDK hands it to a policy: dependencies as resources, of which rules read the URN. */
function sdkResource(resource: StackResource): PolicyResource {
  return {
    type: resource.type,
    urn: resource.urn,
    name: resource.name,
    props: resource.props,
    propertyDependencies: Object.fromEntries(
      Object.entries(resource.propertyDependencies).map(([property, urns]) => [
        property,
        urns.map((urn) => ({ urn })),
      ]),
    ),
    ...(resource.provider ? { provider: { urn: resource.provider } } : {}),
  } as unknown as PolicyResource;
}

/**
 * Runs a policy of the pack as the @pulumi/policy server does: a resource policy once per resource, a
 * stack policy once, with the settings `config` (defaults when empty). Anything the policy throws,
 * other than `notApplicable`, propagates.
 */
export function runPolicy(policy: Policy, stack: Stack, config: Record<string, unknown> = {}): PolicyReport {
  const report: PolicyReport = { violations: [], advisories: [], notApplicable: [] };
  const reportViolation = (message: unknown, urn?: string) => {
    if (typeof message === "string") report.violations.push({ message, ...(urn ? { urn } : {}) });
    else report.advisories.push(message as { message: string; urn?: string });
  };
  const common = {
    getConfig: () => config,
    notApplicable: (reason?: string) => {
      throw new NotApplicable(reason);
    },
  };
  const guarded = (validate: () => unknown) => {
    try {
      validate();
    } catch (error) {
      if (!(error instanceof NotApplicable)) throw error;
      report.notApplicable.push(error.reason ?? "");
    }
  };
  if ("validateStack" in policy) {
    const validate = (policy as StackValidationPolicy).validateStack!;
    const args = { ...common, resources: stack.map(sdkResource) } as unknown as StackValidationArgs;
    guarded(() => validate(args, reportViolation as never));
  } else {
    const validate = (policy as ResourceValidationPolicy).validateResource as (
      args: ResourceValidationArgs,
      report: never,
    ) => unknown;
    for (const resource of stack) {
      const args = { ...common, ...sdkResource(resource) } as unknown as ResourceValidationArgs;
      guarded(() => validate(args, reportViolation as never));
    }
  }
  return report;
}

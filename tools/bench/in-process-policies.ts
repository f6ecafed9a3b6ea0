import type {
  Policies,
  PolicyResource,
  ReportViolation,
  ResourceValidation,
  ResourceValidationArgs,
  StackValidationArgs,
} from "@pulumi/policy";
import { POLICIES } from "../../policy-pack/policies";
import type { AnalyzeTarget, AnalyzerInputs, StackTarget } from "../policy-check/analyzer-resources";

class NotApplicable extends Error {}

const notApplicable = (): never => {
  throw new NotApplicable();
};

/** What the pack's SDK gives every policy call, minus the protocol: no config (defaults), no stack tags. */
const COMMON = { getConfig: () => ({}), stackTags: new Map<string, string>(), notApplicable };

function optionsOf(target: AnalyzeTarget) {
  const { protect, ignoreChanges, aliases, customTimeouts, additionalSecretOutputs } = target.options;
  return { protect, ignoreChanges, aliases, customTimeouts, additionalSecretOutputs };
}

function providerOf(target: AnalyzeTarget) {
  const provider = target.provider;
  return (
    provider && { type: provider.type, props: provider.properties, urn: provider.urn, name: provider.name }
  );
}

function resourceArgs(target: AnalyzeTarget): ResourceValidationArgs {
  const provider = providerOf(target);
  return {
    ...COMMON,
    type: target.type,
    props: target.properties,
    urn: target.urn,
    name: target.name,
    opts: optionsOf(target),
    isType: () => false,
    asType: () => undefined,
    ...(provider ? { provider } : {}),
  } as unknown as ResourceValidationArgs;
}

/** The stack's resources linked to each other (parent, dependencies) as the SDK links them. */
function stackResources(targets: readonly StackTarget[]): PolicyResource[] {
  const resources = targets.map((target) => {
    const provider = providerOf(target);
    return {
      type: target.type,
      props: target.properties,
      urn: target.urn,
      name: target.name,
      opts: optionsOf(target),
      dependencies: [] as PolicyResource[],
      propertyDependencies: {} as Record<string, PolicyResource[]>,
      isType: () => false,
      asType: () => undefined,
      ...(provider ? { provider } : {}),
    } as unknown as PolicyResource;
  });
  const byUrn = new Map(resources.map((resource) => [resource.urn, resource]));
  const linked = (urns: readonly string[]) => urns.flatMap((urn) => byUrn.get(urn) ?? []);
  targets.forEach((target, index) => {
    const resource = resources[index] as { -readonly [K in keyof PolicyResource]: PolicyResource[K] };
    const parent = byUrn.get(target.parent);
    if (parent) resource.parent = parent;
    resource.dependencies = linked(target.dependencies);
    for (const [property, urns] of Object.entries(target.propertyDependencies)) {
      resource.propertyDependencies[property] = linked(urns);
    }
  });
  return resources;
}

/**
 * Runs the pack's policies over the same inputs the Analyze and AnalyzeStack calls carry, in this process:
 * the floor the protocol is measured against. Returns how many violations were reported.
 */
export async function runPoliciesInProcess(
  inputs: AnalyzerInputs,
  policies: Policies = POLICIES,
): Promise<number> {
  let violations = 0;
  const report: ReportViolation = () => {
    violations++;
  };
  const call = async (run: () => unknown) => {
    try {
      await run();
    } catch (error) {
      if (!(error instanceof NotApplicable)) throw error;
    }
  };
  for (const target of inputs.analyze) {
    const args = resourceArgs(target);
    for (const policy of policies) {
      if (!("validateResource" in policy) || !policy.validateResource) continue;
      const validations: ResourceValidation[] = Array.isArray(policy.validateResource)
        ? policy.validateResource
        : [policy.validateResource as ResourceValidation];
      for (const validate of validations) await call(() => validate(args, report));
    }
  }
  const resources = stackResources(inputs.stack);
  for (const policy of policies) {
    if (!("validateStack" in policy) || !policy.validateStack) continue;
    const args = { ...COMMON, resources } as unknown as StackValidationArgs;
    await call(() => policy.validateStack(args, report));
  }
  return violations;
}

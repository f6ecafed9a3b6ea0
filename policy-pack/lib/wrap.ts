import type { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import type { PolicyConfig } from "./config";
import { type PolicyMeta, policyFields } from "./metadata";
import { reportFindings } from "./report";
import type { Finding, RuleResult } from "./result";
import type { Stack, StackResource } from "./stack";
import { toPlainProps } from "./unknown";

/** One resource as a resource rule sees it. */
export interface ResourceView {
  readonly type: string;
  readonly urn: string;
  readonly name: string;
  readonly props: Readonly<Record<string, unknown>>;
}

export type ResourceRule<C> = (resource: ResourceView, config: C) => RuleResult;
export type StackRule<C> = (stack: Stack, config: C) => Finding[];

/** The thin @pulumi/policy adapter around a pure per-resource rule. */
export function resourcePolicy<C>(
  meta: PolicyMeta,
  config: PolicyConfig<C>,
  rule: ResourceRule<C>,
): ResourceValidationPolicy {
  return {
    ...policyFields(meta),
    ...(config.configSchema ? { configSchema: config.configSchema } : {}),
    validateResource: (args, reportViolation) => {
      const settings = config.parse(args.getConfig(), meta.name);
      const resource = { type: args.type, urn: args.urn, name: args.name, props: toPlainProps(args.props) };
      reportFindings([rule(resource, settings)], {
        description: meta.description,
        reportViolation,
        notApplicable: args.notApplicable,
      });
    },
  };
}

/** The thin @pulumi/policy adapter around a pure whole-stack rule. */
export function stackPolicy<C>(
  meta: PolicyMeta,
  config: PolicyConfig<C>,
  rule: StackRule<C>,
): StackValidationPolicy {
  return {
    ...policyFields(meta),
    ...(config.configSchema ? { configSchema: config.configSchema } : {}),
    validateStack: (args, reportViolation) => {
      const settings = config.parse(args.getConfig(), meta.name);
      reportFindings(rule(args.resources.map(toStackResource), settings), {
        description: meta.description,
        reportViolation,
        notApplicable: args.notApplicable,
      });
    },
  };
}

export function toStackResource(resource: PolicyResource): StackResource {
  const propertyDependencies: Record<string, string[]> = {};
  for (const [property, sources] of Object.entries(resource.propertyDependencies ?? {})) {
    propertyDependencies[property] = sources.map((source) => source.urn);
  }
  return {
    type: resource.type,
    urn: resource.urn,
    name: resource.name,
    props: toPlainProps(resource.props),
    propertyDependencies,
    ...(resource.provider ? { provider: resource.provider.urn } : {}),
  };
}

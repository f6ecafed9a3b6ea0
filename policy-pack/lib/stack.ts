import { isOneOf } from "./resource-types";
import { isUnknown } from "./unknown";

/** One resource of the stack as the rules see it: plain properties, unknown values kept as sentinels. */
export interface StackResource {
  readonly type: string;
  readonly urn: string;
  readonly name: string;
  readonly props: Readonly<Record<string, unknown>>;
  /** URNs of the resources each input property was computed from (what links resources in preview). */
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
  /** URN of the provider that manages the resource, which tells accounts apart in multi-account stacks. */
  readonly provider?: string;
}

export type Stack = readonly StackResource[];

export function ofType(stack: Stack, tokens: readonly string[]): StackResource[] {
  return stack.filter((resource) => isOneOf(resource.type, tokens));
}

/** The resources of the given types that the property was computed from. */
export function dependenciesOf(
  stack: Stack,
  resource: StackResource,
  property: string,
  tokens: readonly string[],
): StackResource[] {
  const urns = resource.propertyDependencies[property];
  return ofType(stack, tokens).filter((candidate) => urns?.includes(candidate.urn) === true);
}

/**
 * How a resource refers to another one through a property: by a value we can compare, by a value not
 * known yet (preview), or not at all.
 */
export type Reference =
  | { readonly kind: "value"; readonly value: string }
  | { readonly kind: "unknown" }
  | { readonly kind: "absent" };

export function referenceOf(resource: StackResource, property: string): Reference {
  const value = resource.props[property];
  if (isUnknown(value)) return { kind: "unknown" };
  if (typeof value === "string" && value !== "") return { kind: "value", value };
  return { kind: "absent" };
}

export function label(resource: StackResource): string {
  return `${resource.type.split(":").pop()} "${resource.name}"`;
}

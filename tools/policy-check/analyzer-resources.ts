import { formatPath } from "../../lib/config/issues";
import type { DeploymentResource } from "./deployment-schema";
import { PolicyCheckInputError } from "./errors";
import type { Deployment } from "./read-deployment";
import { toWireProperties, WireValueError, type WireProperties } from "./wire-properties";

export interface AnalyzerResourceOptionsData {
  readonly protect: boolean;
  readonly ignoreChanges: readonly string[];
  readonly additionalSecretOutputs: readonly string[];
  readonly aliases: readonly string[];
  readonly customTimeouts: { readonly create: number; readonly update: number; readonly delete: number };
  readonly parent: string;
}

export interface AnalyzerProviderData {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly properties: WireProperties;
}

/** What one Analyze call carries. */
export interface AnalyzeTarget {
  readonly urn: string;
  readonly type: string;
  readonly name: string;
  readonly properties: WireProperties;
  readonly options: AnalyzerResourceOptionsData;
  readonly provider?: AnalyzerProviderData;
}

/** What AnalyzeStack carries for each resource. */
export interface StackTarget extends AnalyzeTarget {
  readonly parent: string;
  readonly dependencies: readonly string[];
  readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
}

export interface AnalyzerInputs {
  readonly analyze: readonly AnalyzeTarget[];
  readonly stack: readonly StackTarget[];
}

/**
 * Builds the Analyze and AnalyzeStack payloads the way `pulumi policy analyze` does for a stack's state
 * (pkg/resource/deploy/analyze_snapshot.go): every resource not pending deletion is analyzed, the root stack,
 * components and providers included, because the engine also calls Analyze for every registration during
 * `pulumi preview`. Analyze sees a resource's inputs, AnalyzeStack its outputs. A plan file that recorded no
 * outputs for a resource gives AnalyzeStack its inputs, which is what a preview holds for a resource it would
 * create.
 */
export function buildAnalyzerInputs(deployment: Deployment): AnalyzerInputs {
  const live = deployment.resources
    .map((resource, index) => ({ resource, index }))
    .filter(({ resource }) => resource.delete !== true);
  const providers = new Map<string, AnalyzerProviderData>();
  for (const { resource, index } of live) {
    if (!isProviderType(resource.type)) continue;
    providers.set(resource.urn, {
      urn: resource.urn,
      type: resource.type,
      name: urnName(resource.urn),
      properties: wireOrInputError(
        deployment.source,
        ["deployment", "resources", index, "inputs"],
        resource.inputs,
      ),
    });
  }

  const analyze: AnalyzeTarget[] = [];
  const stack: StackTarget[] = [];
  for (const { resource, index } of live) {
    const convert = (bag: "inputs" | "outputs", properties: Record<string, unknown> | undefined) =>
      wireOrInputError(deployment.source, ["deployment", "resources", index, bag], properties);
    const provider = providers.get(providerUrn(resource.provider));
    const common = {
      urn: resource.urn,
      type: resource.type,
      name: urnName(resource.urn),
      options: optionsOf(resource),
      ...(provider ? { provider } : {}),
    };
    analyze.push({ ...common, properties: convert("inputs", resource.inputs) });
    stack.push({
      ...common,
      properties:
        resource.outputs === undefined
          ? convert("inputs", resource.inputs)
          : convert("outputs", resource.outputs),
      parent: resource.parent ?? "",
      dependencies: resource.dependencies ?? [],
      propertyDependencies: resource.propertyDependencies ?? {},
    });
  }
  return { analyze, stack };
}

/** The name part of a URN, which may itself contain "::" (URN.Name() in the Pulumi SDK). */
export function urnName(urn: string): string {
  const parts = urn.split("::");
  return parts.slice(3).join("::");
}

export function isProviderType(type: string): boolean {
  return type.startsWith("pulumi:providers:");
}

/** A provider reference is "<provider URN>::<provider ID>". */
function providerUrn(reference: string | undefined): string {
  if (reference === undefined) return "";
  const separator = reference.lastIndexOf("::");
  return separator < 0 ? "" : reference.slice(0, separator);
}

function optionsOf(resource: DeploymentResource): AnalyzerResourceOptionsData {
  return {
    protect: resource.protect ?? false,
    ignoreChanges: resource.ignoreChanges ?? [],
    additionalSecretOutputs: resource.additionalSecretOutputs ?? [],
    aliases: resource.aliases ?? [],
    customTimeouts: {
      create: resource.customTimeouts?.create ?? 0,
      update: resource.customTimeouts?.update ?? 0,
      delete: resource.customTimeouts?.delete ?? 0,
    },
    parent: resource.parent ?? "",
  };
}

function wireOrInputError(
  source: string,
  prefix: readonly (string | number)[],
  properties: Record<string, unknown> | undefined,
): WireProperties {
  try {
    return toWireProperties(properties);
  } catch (error) {
    if (!(error instanceof WireValueError)) throw error;
    throw new PolicyCheckInputError([
      `${source}: ${formatPath([...prefix, ...error.path])}: ${error.problem}`,
    ]);
  }
}

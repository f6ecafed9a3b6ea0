/**
 * Small builders for `pulumi stack export` documents, shaped like real exports: a root stack, a default
 * provider, components and custom resources whose `provider` is a "<urn>::<id>" reference.
 */

export const STACK = "test";
export const PROJECT = "org-governance";
export const TRAIL_TYPE = "aws:cloudtrail/trail:Trail";

export interface ResourceState {
  urn: string;
  custom: boolean;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  parent?: string;
  provider?: string;
  dependencies?: string[];
  propertyDependencies?: Record<string, string[]>;
  protect?: boolean;
  delete?: boolean;
  [extra: string]: unknown;
}

/** A URN for `name` of `type`, nested under the given parent types as Pulumi qualifies child types. */
export function urnOf(type: string, name: string, parentTypes: readonly string[] = []): string {
  const qualifiedType = [...parentTypes, type].join("$");
  return `urn:pulumi:${STACK}::${PROJECT}::${qualifiedType}::${name}`;
}

export function rootStack(outputs: Record<string, unknown> = {}): ResourceState {
  return {
    urn: urnOf("pulumi:pulumi:Stack", `${PROJECT}-${STACK}`),
    custom: false,
    type: "pulumi:pulumi:Stack",
    outputs,
  };
}

export function awsProvider(inputs: Record<string, unknown> = { region: "us-east-1" }): ResourceState {
  return {
    urn: urnOf("pulumi:providers:aws", "default_7_0_0"),
    custom: true,
    type: "pulumi:providers:aws",
    id: "b0a1c2d3-0000-4000-8000-000000000001",
    inputs: { ...inputs, version: "7.0.0" },
    outputs: { ...inputs, version: "7.0.0" },
  };
}

/** The provider reference a resource stores: "<provider URN>::<provider ID>". */
export function providerReference(provider: ResourceState): string {
  return `${provider.urn}::${provider.id}`;
}

export function component(type: string, name: string, parent?: ResourceState): ResourceState {
  return {
    urn: urnOf(type, name),
    custom: false,
    type,
    ...(parent ? { parent: parent.urn } : {}),
  };
}

/** A custom AWS resource whose state holds the same properties as inputs and outputs, plus `extraOutputs`. */
export function awsResource(
  type: string,
  name: string,
  properties: Record<string, unknown>,
  options: { provider: ResourceState; parent?: ResourceState; extraOutputs?: Record<string, unknown> },
): ResourceState {
  const parentTypes =
    options.parent && options.parent.type !== "pulumi:pulumi:Stack" ? [options.parent.type] : [];
  return {
    urn: urnOf(type, name, parentTypes),
    custom: true,
    type,
    id: name,
    inputs: { __defaults: [], ...properties },
    outputs: { ...properties, ...options.extraOutputs },
    ...(options.parent ? { parent: options.parent.urn } : {}),
    provider: providerReference(options.provider),
    dependencies: [],
  };
}

/** A multi-region, validated trail unless `overrides` say otherwise. */
export function trail(
  name: string,
  provider: ResourceState,
  overrides: Record<string, unknown> = {},
  parent?: ResourceState,
): ResourceState {
  return awsResource(
    TRAIL_TYPE,
    name,
    {
      name,
      s3BucketName: "org-log-archive",
      isMultiRegionTrail: true,
      isOrganizationTrail: true,
      enableLogFileValidation: true,
      includeGlobalServiceEvents: true,
      ...overrides,
    },
    {
      provider,
      ...(parent ? { parent } : {}),
      extraOutputs: { arn: `arn:aws:cloudtrail:us-east-1:111111111111:trail/${name}` },
    },
  );
}

export function deploymentOf(resources: readonly ResourceState[]): {
  version: 3;
  deployment: { manifest: Record<string, unknown>; resources: ResourceState[] };
} {
  return {
    version: 3,
    deployment: {
      manifest: { time: "2025-01-01T00:00:00Z", magic: "test", version: "v3.248.0" },
      resources: [...resources],
    },
  };
}

/** A stack with one good trail and one trail that breaks both fixture resource policies. */
export function mixedTrailsDeployment(): ReturnType<typeof deploymentOf> {
  const provider = awsProvider();
  return deploymentOf([
    rootStack(),
    provider,
    trail("org-trail", provider),
    trail("legacy-trail", provider, { isMultiRegionTrail: false, enableLogFileValidation: false }),
  ]);
}

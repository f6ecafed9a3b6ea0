import type { DeploymentDocument, DeploymentResource } from "../policy-check/deployment-schema";

/** Resources every copy shares: the stack itself and the providers the copies' `provider` fields point to. */
function isShared(resource: DeploymentResource): boolean {
  return resource.type === "pulumi:pulumi:Stack" || resource.type.startsWith("pulumi:providers:");
}

/** Top-level properties that name a resource; other resources refer to it by these, or by text containing them. */
const IDENTIFYING_KEYS = ["name", "bucket", "arn", "keyId", "namespace"];
/** Shorter values ("0", "us") would also rewrite text that does not refer to a resource. */
const MIN_IDENTIFIER_LENGTH = 8;

/**
 * A deployment of exactly `resourceCount` resources made of copies of `document`'s own. The first copy is
 * the original; every later copy is a separate trail with its own bucket, key, log group, filters and
 * alarms: its URNs get `-copy<k>` (parents and dependencies follow), and so does every occurrence, in any
 * string property, of an id, name, bucket, ARN, key id or namespace of the original resources. Without the
 * second rename every copy's filters and alarms would watch every copy's log group, and the stack policies
 * would judge copies² pairs, which no real stack has.
 */
export function replicateDeployment(document: DeploymentDocument, resourceCount: number): DeploymentDocument {
  const resources = document.deployment.resources ?? [];
  const shared = resources.filter(isShared);
  const template = resources.filter((resource) => !isShared(resource));
  if (template.length === 0 || !Number.isInteger(resourceCount) || resourceCount <= shared.length) {
    throw new RangeError(
      `replicateDeployment: cannot make ${resourceCount} resources from ${template.length} resources plus ` +
        `${shared.length} shared ones; ask for a whole number above ${shared.length}`,
    );
  }
  const urns = new Set(template.map((resource) => resource.urn));
  const identifiers = identifierPattern(template);
  const out: DeploymentResource[] = [...shared];
  for (let copy = 0; out.length < resourceCount; copy++) {
    const suffix = `-copy${copy}`;
    const rename = {
      urn: (urn: string) => (copy === 0 || !urns.has(urn) ? urn : `${urn}${suffix}`),
      text: (text: string) => (copy === 0 || !identifiers ? text : text.replace(identifiers, `$&${suffix}`)),
    };
    for (const resource of template) {
      if (out.length === resourceCount) break;
      out.push(copy === 0 ? resource : renamed(resource, rename));
    }
  }
  return { ...document, deployment: { ...document.deployment, resources: out } };
}

/** One regex matching any identifier of the template, longest first so a name inside an ARN is not split. */
function identifierPattern(template: readonly DeploymentResource[]): RegExp | undefined {
  const values = new Set<string>();
  for (const resource of template) {
    if (resource.id !== undefined) values.add(resource.id);
    for (const bag of [resource.inputs, resource.outputs]) {
      for (const key of IDENTIFYING_KEYS) {
        const value = bag?.[key];
        if (typeof value === "string") values.add(value);
      }
    }
  }
  const identifiers = [...values].filter((value) => value.length >= MIN_IDENTIFIER_LENGTH);
  if (identifiers.length === 0) return undefined;
  identifiers.sort((a, b) => b.length - a.length);
  return new RegExp(identifiers.map((value) => value.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|"), "g");
}

interface Rename {
  readonly urn: (urn: string) => string;
  readonly text: (text: string) => string;
}

function renamed(resource: DeploymentResource, rename: Rename): DeploymentResource {
  return {
    ...resource,
    urn: rename.urn(resource.urn),
    ...(resource.id !== undefined ? { id: rename.text(resource.id) } : {}),
    ...(resource.inputs ? { inputs: renameStrings(resource.inputs, rename.text) } : {}),
    ...(resource.outputs ? { outputs: renameStrings(resource.outputs, rename.text) } : {}),
    ...(resource.parent !== undefined ? { parent: rename.urn(resource.parent) } : {}),
    ...(resource.dependencies ? { dependencies: resource.dependencies.map(rename.urn) } : {}),
    ...(resource.propertyDependencies
      ? {
          propertyDependencies: Object.fromEntries(
            Object.entries(resource.propertyDependencies).map(([key, list]) => [key, list.map(rename.urn)]),
          ),
        }
      : {}),
  };
}

function renameStrings<T>(value: T, text: (value: string) => string): T {
  if (typeof value === "string") return text(value) as T;
  if (Array.isArray(value)) return value.map((element: unknown) => renameStrings(element, text)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, element]) => [key, renameStrings(element, text)]),
    ) as T;
  }
  return value;
}

import * as pulumi from "@pulumi/pulumi";

/** One resource the program registered, in the shape of a `pulumi stack export` resource. */
export interface PlannedResource {
  urn: string;
  custom: boolean;
  type: string;
  id?: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  parent?: string;
  provider?: string;
  dependencies: string[];
  protect: boolean;
  retainOnDelete: boolean;
}

// The mock monitor sees every registration but keeps only URNs and state; the plan also needs each
// resource's parent, provider, dependencies and protection, which only the request carries.
/* eslint-disable @typescript-eslint/no-require-imports */
const settings = require("@pulumi/pulumi/runtime/settings");
const rpc = require("@pulumi/pulumi/runtime/rpc");
/* eslint-enable @typescript-eslint/no-require-imports */

interface RegisterRequest {
  getType(): string;
  getParent(): string;
  getCustom(): boolean;
  getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
  getProtect(): boolean;
  getDependenciesList(): string[];
  getProvider(): string;
  getRetainondelete(): boolean;
}
interface RegisterResponse {
  getUrn(): string;
  getId(): string;
  getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
}
type Callback = (error: Error | null, response?: RegisterResponse) => void;

function plain(struct: { toJavaScript(): Record<string, unknown> } | undefined): Record<string, unknown> {
  return struct ? (rpc.deserializeProperties(struct) as Record<string, unknown>) : {};
}

/**
 * Installs Pulumi's mock runtime with `mocks` and records every registration, in order.
 * Returns the live list: it fills as the program runs.
 */
export async function captureRegistrations(
  mocks: pulumi.runtime.Mocks,
  project: string,
  stack: string,
): Promise<PlannedResource[]> {
  await pulumi.runtime.setMocks(mocks, project, stack, true);
  const monitor = settings.getMonitor();
  const register = monitor.registerResource.bind(monitor);
  const resources: PlannedResource[] = [];
  monitor.registerResource = (request: RegisterRequest, callback: Callback) =>
    register(request, (error: Error | null, response?: RegisterResponse) => {
      if (!error && response) {
        const parent = request.getParent();
        const provider = request.getProvider();
        const id = response.getId();
        resources.push({
          urn: response.getUrn(),
          custom: request.getCustom(),
          type: request.getType(),
          ...(id ? { id } : {}),
          inputs: plain(request.getObject()),
          outputs: plain(response.getObject()),
          ...(parent ? { parent } : {}),
          ...(provider ? { provider } : {}),
          dependencies: request.getDependenciesList(),
          protect: request.getProtect(),
          retainOnDelete: request.getRetainondelete(),
        });
      }
      callback(error, response);
    });
  const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
  monitor.registerResourceOutputs = (
    request: { getUrn(): string; getOutputs(): { toJavaScript(): Record<string, unknown> } | undefined },
    callback: (error: Error | null, response?: unknown) => void,
  ) => {
    const resource = resources.find((r) => r.urn === request.getUrn());
    if (resource) resource.outputs = plain(request.getOutputs());
    registerOutputs(request, callback);
  };
  return resources;
}

/** Waits until every registration the program started has been answered. */
export function settled(): Promise<void> {
  return settings.waitForRPCs();
}

import type { OrganizationsClient } from "@aws-sdk/client-organizations";
import {
  createOrganizationsClient,
  enumerateOrganization,
  type ClientSettings,
  type EnumerateOptions,
} from "../../../lib/organization/inventory";
import type { OrganizationSnapshot } from "../../../lib/organization/snapshot";
import type { FaultPlan } from "./faults";
import { startOrganizationsEndpoint, type EndpointCounters } from "./server";
import { TEST_CREDENTIALS } from "./test-credentials";

/** A client for the loopback endpoint: test credentials and a back-off of milliseconds, not seconds. */
export function testClient(endpoint: string, settings: ClientSettings = {}): OrganizationsClient {
  return createOrganizationsClient({
    endpoint,
    credentials: TEST_CREDENTIALS,
    retryBaseDelayMs: 1,
    requestTimeoutMs: 2000,
    ...settings,
  });
}

export interface InventoryRun {
  snapshot?: OrganizationSnapshot;
  error?: unknown;
  counters: EndpointCounters;
  /** Requests the endpoint answered successfully. */
  successfulCalls: number;
  ms: number;
}

export interface InventoryRunOptions extends Omit<EnumerateOptions, "client" | "endpoint"> {
  faults?: FaultPlan;
  client?: ClientSettings;
}

/** Serves `organization` on a fresh endpoint, runs one inventory against it, and reports what happened. */
export async function runInventory(
  organization: OrganizationSnapshot,
  options: InventoryRunOptions = {},
): Promise<InventoryRun> {
  const { faults, client: clientSettings, ...enumerateOptions } = options;
  const endpoint = await startOrganizationsEndpoint({ organization, faults });
  const client = testClient(endpoint.url, clientSettings);
  const started = performance.now();
  let outcome: Pick<InventoryRun, "snapshot" | "error">;
  try {
    outcome = { snapshot: await enumerateOrganization({ ...enumerateOptions, client }) };
  } catch (error) {
    outcome = { error };
  }
  const ms = performance.now() - started;
  client.destroy();
  await endpoint.close();
  return { ...outcome, counters: endpoint.counters, successfulCalls: endpoint.successfulCalls(), ms };
}

/** The snapshot without what differs between runs of the same organization. */
export function withoutRunDetails(
  snapshot: OrganizationSnapshot,
): Omit<OrganizationSnapshot, "collectedAt" | "metadata"> {
  const copy: Partial<OrganizationSnapshot> = { ...snapshot };
  delete copy.collectedAt;
  delete copy.metadata;
  return copy as Omit<OrganizationSnapshot, "collectedAt" | "metadata">;
}

/** The organization as an inventory without tags sees it. */
export function withoutTags(snapshot: OrganizationSnapshot): OrganizationSnapshot {
  return { ...snapshot, accounts: snapshot.accounts.map(({ tags: _tags, ...account }) => account) };
}

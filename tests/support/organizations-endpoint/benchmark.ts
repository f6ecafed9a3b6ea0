import { isDeepStrictEqual } from "node:util";
import { callBudget } from "../../../lib/organization/inventory";
import { generateOrganization } from "./generate";
import { runInventory, withoutRunDetails, withoutTags } from "./harness";

export interface InventoryBenchmarkOptions {
  accounts?: number;
  ous?: number;
  depth?: number;
  throttleRate?: number;
  seed?: number;
  concurrency?: number;
  /**
   * First retry back-off. The loopback endpoint has no real rate limit to wait out, so the default is
   * short: the run measures calls and retries, not sleeping.
   */
  retryBaseDelayMs?: number;
}

export interface InventoryBenchmarkResult {
  /** Successful calls the inventory made (as the endpoint counted them). */
  calls: number;
  /** `callBudget` for the organization's size. */
  budget: number;
  retries: number;
  ms: number;
  accounts: number;
  ous: number;
}

/**
 * Inventories a generated organization (10,000 accounts, 200 OUs, 20% of requests throttled by
 * default) through the loopback endpoint. Throws if the snapshot is not exactly the organization.
 */
export async function runInventoryBenchmark(
  options: InventoryBenchmarkOptions = {},
): Promise<InventoryBenchmarkResult> {
  const { accounts = 10_000, ous = 200, depth = 4, throttleRate = 0.2, seed = 1 } = options;
  const organization = generateOrganization({
    accounts,
    ous,
    depth,
    seed,
    suspended: Math.floor(accounts / 100),
  });
  const run = await runInventory(organization, {
    faults: { seed, throttleRate },
    concurrency: options.concurrency,
    client: { retryBaseDelayMs: options.retryBaseDelayMs ?? 20 },
  });
  if (!run.snapshot) throw run.error;
  if (!isDeepStrictEqual(withoutRunDetails(run.snapshot), withoutRunDetails(withoutTags(organization)))) {
    throw new Error("inventory benchmark: the snapshot differs from the generated organization");
  }
  return {
    calls: run.successfulCalls,
    budget: callBudget(accounts, ous, organization.roots.length),
    retries: run.snapshot.metadata?.retries ?? 0,
    ms: Math.round(run.ms),
    accounts,
    ous,
  };
}

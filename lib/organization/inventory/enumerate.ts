import type { OrganizationsClient } from "@aws-sdk/client-organizations";
import { SnapshotError, parseSnapshot, type OrganizationSnapshot, type SnapshotAccount } from "../snapshot";
import { INVENTORY_DEFAULTS, createOrganizationsClient } from "./client";
import { InventoryError, describeCall } from "./errors";
import { CLOUDTRAIL_SERVICE_PRINCIPAL } from "./summary";
import { OrganizationWalk, type InventoryProgress } from "./walk";
import { runQueue, type Task } from "./work-queue";

export type { InventoryProgress } from "./walk";

export interface EnumerateOptions {
  /** A ready client; the other connection options then do not apply and must be left out. */
  client?: OrganizationsClient;
  endpoint?: string;
  /** Also read each account's tags: one more call per account. */
  withTags?: boolean;
  /** Calls in flight at once. */
  concurrency?: number;
  requestTimeoutMs?: number;
  /** The whole inventory must finish within this, retries included. */
  deadlineMs?: number;
  maxAttempts?: number;
  /** First retry back-off; later ones double, with jitter. */
  retryBaseDelayMs?: number;
  /** After every successful call. */
  onProgress?: (progress: InventoryProgress) => void;
}

/** Node's timers fire at once for longer delays, which would turn a long deadline into none. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function checkOptions(options: EnumerateOptions): void {
  const positive = {
    concurrency: options.concurrency,
    requestTimeoutMs: options.requestTimeoutMs,
    deadlineMs: options.deadlineMs,
    maxAttempts: options.maxAttempts,
  };
  for (const [name, value] of Object.entries(positive)) {
    if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > MAX_TIMER_MS)) {
      throw new RangeError(
        `enumerateOrganization: ${name} must be a whole number from 1 to ${MAX_TIMER_MS}, got ${value}`,
      );
    }
  }
  const base = options.retryBaseDelayMs;
  if (base !== undefined && !(Number.isFinite(base) && base >= 0)) {
    throw new RangeError(`enumerateOrganization: retryBaseDelayMs must be a number >= 0, got ${base}`);
  }
  const clientSettings = ["endpoint", "requestTimeoutMs", "maxAttempts", "retryBaseDelayMs"] as const;
  const clashing = clientSettings.filter((key) => options[key] !== undefined);
  if (options.client && clashing.length > 0) {
    throw new TypeError(
      `enumerateOrganization: ${clashing.join(", ")} configure the client it creates; with options.client, ` +
        "configure that client instead",
    );
  }
}

const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);

/** The organization policy types whose attachments to a root the guardrails must count. */
export const COUNTED_POLICY_TYPES = ["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"] as const;

/** One listing per root and counted policy type that is enabled there (a disabled type lists nothing). */
function rootPolicyTasks(walk: OrganizationWalk, roots: OrganizationSnapshot["roots"]): Task[] {
  return roots.flatMap((root) =>
    COUNTED_POLICY_TYPES.filter((type) =>
      root.policyTypes?.some((p) => p.type === type && p.status === "ENABLED"),
    ).map((type) => () => walk.countRootPolicies(root.id, type)),
  );
}

function checkedSnapshot(snapshot: OrganizationSnapshot): OrganizationSnapshot {
  try {
    return parseSnapshot(snapshot, "inventory");
  } catch (error) {
    if (!(error instanceof SnapshotError)) throw error;
    throw new InventoryError(
      "malformed-response",
      `the listed organization does not form a valid snapshot (${error.problems[0]}); run again, and report ` +
        "it if it persists",
    );
  }
}

/**
 * Lists the whole organization as it is now: the organization, its roots, the OU tree (breadth-first,
 * `concurrency` calls at a time), the accounts of every root and OU, trusted services, CloudTrail's
 * delegated administrators and, when asked, tags. Either the complete snapshot or an InventoryError:
 * never a partial list.
 */
export async function enumerateOrganization(options: EnumerateOptions = {}): Promise<OrganizationSnapshot> {
  checkOptions(options);
  const started = performance.now();
  const client =
    options.client ??
    createOrganizationsClient({
      endpoint: options.endpoint,
      maxAttempts: options.maxAttempts,
      requestTimeoutMs: options.requestTimeoutMs,
      retryBaseDelayMs: options.retryBaseDelayMs,
    });
  const concurrency = options.concurrency ?? INVENTORY_DEFAULTS.concurrency;
  const deadlineMs = options.deadlineMs ?? INVENTORY_DEFAULTS.deadlineMs;
  const controller = new AbortController();
  let deadlinePassed = false;
  const deadline = setTimeout(() => {
    deadlinePassed = true;
    controller.abort();
  }, deadlineMs);
  const walk = new OrganizationWalk(client, controller.signal, options.withTags ?? false, options.onProgress);
  const abort = () => controller.abort();

  try {
    const { Organization: organization } = await walk.describeOrganization();
    const roots = await walk.listRoots();
    const organizationWide: Task[] =
      organization.FeatureSet === "ALL"
        ? [
            () => walk.listTrustedServices(),
            () => walk.listCloudTrailDelegatedAdministrators(),
            ...rootPolicyTasks(walk, roots),
          ]
        : [];
    await runQueue(
      [...organizationWide, ...roots.flatMap((r) => walk.parentTasks(r.id))],
      concurrency,
      abort,
    );
    walk.record.requireAccounts([
      { accountId: organization.MasterAccountId, source: "DescribeOrganization as the management account" },
      ...walk.delegatedAdministrators.map((accountId) => ({
        accountId,
        source: describeCall("ListDelegatedAdministrators", CLOUDTRAIL_SERVICE_PRINCIPAL),
      })),
    ]);
    await runQueue(walk.tagTasks(), concurrency, abort);

    const accounts: SnapshotAccount[] = [...walk.record.accounts.values()].map((account) => {
      const tags = walk.tags.get(account.id);
      return tags ? { ...account, tags } : account;
    });
    return checkedSnapshot({
      organization: {
        id: organization.Id,
        arn: organization.Arn,
        managementAccountId: organization.MasterAccountId,
        featureSet: organization.FeatureSet,
      },
      roots: roots
        .map((root) => {
          const counts = walk.attachedPolicyCounts.get(root.id);
          return counts ? { ...root, attachedPolicyCounts: counts } : root;
        })
        .sort(byId),
      organizationalUnits: [...walk.record.organizationalUnits.values()].sort(byId),
      accounts: accounts.sort(byId),
      trustedServices: [...new Set(walk.trustedServices)].sort(),
      delegatedAdministrators: [...new Set(walk.delegatedAdministrators)]
        .sort()
        .map((accountId) => ({ servicePrincipal: CLOUDTRAIL_SERVICE_PRINCIPAL, accountId })),
      collectedAt: new Date().toISOString(),
      metadata: {
        source: "live",
        calls: walk.meter.calls,
        retries: walk.meter.retries,
        durationMs: Math.round(performance.now() - started),
      },
    });
  } catch (error) {
    if (!deadlinePassed) throw error;
    throw new InventoryError(
      "deadline",
      `the inventory did not finish within ${deadlineMs} ms (${walk.meter.calls} calls, ` +
        `${walk.record.accounts.size} accounts listed so far); run again, or allow a longer deadline`,
      { cause: error },
    );
  } finally {
    clearTimeout(deadline);
    if (!options.client) client.destroy();
  }
}

import type { AccountState, OrganizationSnapshot, SnapshotAccount } from "../../../lib/organization/snapshot";
import { CLOUDTRAIL_SERVICE_PRINCIPAL } from "../../../lib/organization/inventory/summary";
import { SeededRandom } from "./seeded";

export interface GenerateOrganizationOptions {
  accounts: number;
  ous: number;
  /** Deepest OU level (1 = OUs directly under the root). */
  depth: number;
  seed: number;
  /** How many member accounts are SUSPENDED. */
  suspended?: number;
  /** How many member accounts are CLOSED. */
  closed?: number;
}

const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
const OU_WORDS = [
  "security",
  "workloads",
  "sandbox",
  "infrastructure",
  "shared",
  "policy-staging",
  "suspended",
];
const ENVIRONMENTS = ["prod", "staging", "dev"];
/** Every 50th account carries this many tags, so tag listings need more than one page. */
const MANY_TAGS = 23;
const JOINED_BASE_SECONDS = 1_500_000_000;
const TRUSTED_SERVICES = [CLOUDTRAIL_SERVICE_PRINCIPAL, "config.amazonaws.com", "sso.amazonaws.com"];

function checkOptions(options: GenerateOrganizationOptions): void {
  const { accounts, ous, depth, suspended = 0, closed = 0 } = options;
  const wholeNumbers = { accounts, ous, depth, suspended, closed, seed: options.seed };
  for (const [name, value] of Object.entries(wholeNumbers)) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`generateOrganization: ${name} must be a whole number >= 0, got ${value}`);
    }
  }
  if (accounts < 1)
    throw new RangeError("generateOrganization: accounts must be >= 1 (the management account)");
  if (ous > 0 && depth < 1) throw new RangeError(`generateOrganization: ${ous} OUs need depth >= 1, got 0`);
  if (suspended + closed > accounts - 1) {
    throw new RangeError(
      `generateOrganization: ${suspended + closed} suspended/closed accounts do not fit in ${accounts - 1} member accounts`,
    );
  }
}

function uniqueAccountIds(random: SeededRandom, count: number): string[] {
  const ids = new Set<string>();
  while (ids.size < count) ids.add(String(100_000_000_000 + random.below(900_000_000_000)));
  return [...ids];
}

function tagsFor(index: number, random: SeededRandom): Record<string, string> {
  const tags: Record<string, string> = {
    environment: random.pick(ENVIRONMENTS),
    "cost-center": `cc-${String(random.below(1000)).padStart(3, "0")}`,
  };
  if (index % 50 === 2) {
    for (let i = 1; Object.keys(tags).length < MANY_TAGS; i++) tags[`extra-${i}`] = `value-${i}`;
  }
  return tags;
}

function accountStates(
  options: GenerateOrganizationOptions,
  random: SeededRandom,
): Map<number, AccountState> {
  const states = new Map<number, AccountState>();
  const assign = (count: number, state: AccountState) => {
    while (count > 0) {
      const index = 1 + random.below(options.accounts - 1);
      if (states.has(index)) continue;
      states.set(index, state);
      count--;
    }
  };
  assign(options.suspended ?? 0, "SUSPENDED");
  assign(options.closed ?? 0, "CLOSED");
  return states;
}

/**
 * A deterministic organization of the requested size, in snapshot form, sorted by id. The management
 * account sits in the root; the first `depth` OUs form a chain so the deepest level always exists; the
 * CloudTrail delegated administrator is the second account.
 */
export function generateOrganization(options: GenerateOrganizationOptions): OrganizationSnapshot {
  checkOptions(options);
  const random = new SeededRandom(options.seed, "organization");
  const rootSuffix = random.text(LOWER_ALNUM, 4);
  const root = {
    id: `r-${rootSuffix}`,
    name: "Root",
    policyTypes: [{ type: "SERVICE_CONTROL_POLICY", status: "ENABLED" as const }],
  };
  const organizationId = `o-${random.text(LOWER_ALNUM, 10)}`;
  const accountIds = uniqueAccountIds(random, options.accounts);
  const managementAccountId = accountIds[0];

  const organizationalUnits: OrganizationSnapshot["organizationalUnits"] = [];
  const levels: number[] = [];
  for (let i = 0; i < options.ous; i++) {
    const chained = i < options.depth;
    const shallower = organizationalUnits.filter((_, j) => levels[j] < options.depth);
    const parentIndex = chained ? i - 1 : random.below(shallower.length + 1) - 1;
    const parent =
      parentIndex < 0 ? undefined : chained ? organizationalUnits[parentIndex] : shallower[parentIndex];
    levels.push(parent ? levels[organizationalUnits.indexOf(parent)] + 1 : 1);
    organizationalUnits.push({
      id: `ou-${rootSuffix}-${random.text(LOWER_ALNUM, 8)}`,
      name: `${OU_WORDS[i % OU_WORDS.length]}-${i + 1}`,
      parentId: parent?.id ?? root.id,
    });
  }

  const states = accountStates(options, random);
  const accounts: SnapshotAccount[] = accountIds.map((id, index) => {
    const inRoot = index === 0 || organizationalUnits.length === 0 || random.next() < 0.05;
    const number = String(index).padStart(5, "0");
    return {
      id,
      name: index === 0 ? "management" : `account-${number}`,
      email: `aws+${number}@example.com`,
      state: states.get(index) ?? "ACTIVE",
      parentId: inRoot ? root.id : random.pick(organizationalUnits).id,
      tags: tagsFor(index, random),
      joinedTimestamp: new Date((JOINED_BASE_SECONDS + index * 3600) * 1000).toISOString(),
    };
  });

  return {
    organization: {
      id: organizationId,
      arn: `arn:aws:organizations::${managementAccountId}:organization/${organizationId}`,
      managementAccountId,
      featureSet: "ALL",
    },
    roots: [root],
    organizationalUnits: organizationalUnits.sort((a, b) => a.id.localeCompare(b.id)),
    accounts: accounts.sort((a, b) => a.id.localeCompare(b.id)),
    trustedServices: [...TRUSTED_SERVICES].sort(),
    delegatedAdministrators:
      accountIds.length > 1
        ? [{ servicePrincipal: CLOUDTRAIL_SERVICE_PRINCIPAL, accountId: accountIds[1] }]
        : [],
    collectedAt: new Date(JOINED_BASE_SECONDS * 1000).toISOString(),
    metadata: { source: "generated" },
  };
}

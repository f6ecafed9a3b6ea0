import { isDeepStrictEqual } from "node:util";
import type { ClientSettings } from "../../../lib/organization/inventory";
import type { OrganizationSnapshot } from "../../../lib/organization/snapshot";
import {
  generateOrganization,
  MAX_RESULTS,
  OPERATIONS,
  withoutRunDetails,
  withoutTags,
  type FaultKind,
  type FaultPlan,
} from "../organizations-endpoint";
import { SeededRandom } from "../organizations-endpoint/seeded";

/** Every fault the loopback endpoint can inject. */
export const FAULT_KINDS: readonly FaultKind[] = [
  "throttle",
  "serverError",
  "slow",
  "drop",
  "accessDenied",
  "truncate",
  "notInOrganization",
  "duplicate",
  "vanish",
];

/** One run of the matrix: a small organization, one kind of fault, and how patient the client is. */
export interface FaultCase {
  readonly kind: FaultKind;
  readonly seed: number;
  readonly organization: OrganizationSnapshot;
  readonly faults: FaultPlan;
  readonly client: Required<Pick<ClientSettings, "maxAttempts" | "requestTimeoutMs">>;
  readonly withTags: boolean;
}

function organizationFor(random: SeededRandom, seed: number): OrganizationSnapshot {
  const accounts = 1 + random.below(70);
  const ous = accounts > 1 ? random.below(7) : 0;
  const depth = ous > 0 ? 1 + random.below(Math.min(3, ous)) : 0;
  const suspended = random.below(Math.min(2, accounts - 1) + 1);
  const closed = random.below(Math.min(1, accounts - 1 - suspended) + 1);
  return generateOrganization({ accounts, ous, depth, seed, suspended, closed });
}

function faultsFor(
  kind: FaultKind,
  random: SeededRandom,
  org: OrganizationSnapshot,
  seed: number,
): FaultPlan {
  const rate = (low: number, high: number) => low + (high - low) * random.next();
  switch (kind) {
    case "throttle":
      return { seed, throttleRate: rate(0.1, 0.6) };
    case "serverError":
      return { seed, serverErrorRate: rate(0.1, 0.6) };
    case "slow":
      return { seed, slowRate: rate(0.2, 1), slowMs: 5 + random.below(40) };
    case "drop":
      return { seed, dropRate: rate(0.05, 0.45) };
    case "accessDenied":
      return { accessDenied: random.pick(OPERATIONS) };
    case "truncate":
      return { truncateBody: random.pick(OPERATIONS) };
    case "notInOrganization":
      return { notInOrganization: true };
    case "duplicate":
      return { duplicateAcrossPages: random.pick([...new Set(org.accounts.map((a) => a.parentId))]) };
    case "vanish":
      return { vanishAccount: random.pick(org.accounts).id };
  }
}

/** The case for `kind` and `seed`: the same pair always gives the same organization and faults. */
export function faultCase(kind: FaultKind, seed: number): FaultCase {
  const random = new SeededRandom(seed, `fault-matrix:${kind}`);
  const organization = organizationFor(random, seed);
  return {
    kind,
    seed,
    organization,
    faults: faultsFor(kind, random, organization, seed),
    // Timeouts shorter than the slowest answers make the client give up on some and retry them.
    client: { maxAttempts: random.pick([2, 3, 5, 8]), requestTimeoutMs: random.pick([20, 60, 2000]) },
    withTags: random.next() < 0.3,
  };
}

export type MatrixOutcome = "exact" | "failed closed" | "missed (known limit)" | "wrong";

/**
 * Whether a listed snapshot is the organization: as generated, or, when an account vanished from its
 * parent's listing mid-walk, the organization after it left.
 */
export function isExact(snapshot: OrganizationSnapshot, faultCase: FaultCase): boolean {
  const listed = withoutRunDetails(snapshot);
  const org = faultCase.withTags ? faultCase.organization : withoutTags(faultCase.organization);
  if (isDeepStrictEqual(listed, withoutRunDetails(org))) return true;
  const gone = faultCase.faults.vanishAccount;
  if (gone === undefined) return false;
  const after = { ...org, accounts: org.accounts.filter((account) => account.id !== gone) };
  return isDeepStrictEqual(listed, withoutRunDetails(after));
}

/**
 * The account a vanish on the first page hides: with offset page tokens, the listing shifts by one, so
 * the account that was 21st moves onto the page already served and is never listed. Undefined when the
 * vanish cannot hide anything.
 */
export function accountHiddenByShift(faultCase: FaultCase): string | undefined {
  const gone = faultCase.faults.vanishAccount;
  const parentId = faultCase.organization.accounts.find((account) => account.id === gone)?.parentId;
  const siblings = faultCase.organization.accounts
    .filter((account) => account.parentId === parentId)
    .map((account) => account.id)
    .sort((a, b) => a.localeCompare(b));
  const index = gone === undefined ? -1 : siblings.indexOf(gone);
  return index >= 0 && index < MAX_RESULTS && siblings.length > MAX_RESULTS
    ? siblings[MAX_RESULTS]
    : undefined;
}

/** The snapshot is the organization without exactly the account `accountHiddenByShift` names. */
export function isMissedByShift(snapshot: OrganizationSnapshot, faultCase: FaultCase): boolean {
  const hidden = accountHiddenByShift(faultCase);
  if (hidden === undefined) return false;
  const org = faultCase.withTags ? faultCase.organization : withoutTags(faultCase.organization);
  const without = { ...org, accounts: org.accounts.filter((account) => account.id !== hidden) };
  return isDeepStrictEqual(withoutRunDetails(snapshot), withoutRunDetails(without));
}

/** Account ids of the organization the snapshot lacks, and ids it has that the organization lacks. */
export function accountDifference(snapshot: OrganizationSnapshot, organization: OrganizationSnapshot) {
  const listed = new Set(snapshot.accounts.map((a) => a.id));
  const real = new Set(organization.accounts.map((a) => a.id));
  return {
    missing: [...real].filter((id) => !listed.has(id)),
    extra: [...listed].filter((id) => !real.has(id)),
  };
}

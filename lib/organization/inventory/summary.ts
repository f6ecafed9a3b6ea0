import { ACCOUNT_STATES, type AccountState, type OrganizationSnapshot } from "../snapshot";

export const CLOUDTRAIL_SERVICE_PRINCIPAL = "cloudtrail.amazonaws.com";

export interface TopLevelGroup {
  /** A top-level OU, or the root itself for the accounts placed directly in it. */
  id: string;
  name: string;
  /** Accounts in this OU and every OU below it. */
  accounts: number;
  byState: Record<AccountState, number>;
}

export interface OrganizationSummary {
  organizationId: string;
  managementAccountId: string;
  accounts: number;
  organizationalUnits: number;
  byState: Record<AccountState, number>;
  /** Sorted by name; the root's own accounts under the root's id and name. */
  byTopLevelOu: TopLevelGroup[];
  cloudTrailTrustedAccess: boolean;
  /** Delegated administrators of CloudTrail (account ids). */
  cloudTrailDelegatedAdministrators: string[];
}

/** "ou-9" before "ou-10", as people read names. */
const byName = new Intl.Collator("en", { numeric: true });

const zeroStates = () =>
  Object.fromEntries(ACCOUNT_STATES.map((s) => [s, 0])) as Record<AccountState, number>;

/** For each parent id, the group it belongs to: the top-level OU above it, or the root. */
function topLevelOf(snapshot: OrganizationSnapshot): (parentId: string) => string {
  const parentOf = new Map(snapshot.organizationalUnits.map((ou) => [ou.id, ou.parentId]));
  const roots = new Set(snapshot.roots.map((r) => r.id));
  const memo = new Map<string, string>();
  return function find(id: string): string {
    const known = memo.get(id);
    if (known) return known;
    const trail: string[] = [];
    let current = id;
    while (!roots.has(current)) {
      const parent = parentOf.get(current);
      if (parent === undefined || trail.includes(current)) {
        throw new Error(
          `organizational unit ${current} does not lead to a root; fix the snapshot's parentIds`,
        );
      }
      trail.push(current);
      if (roots.has(parent)) break;
      current = parent;
    }
    const group = trail.length === 0 ? id : trail[trail.length - 1];
    for (const step of trail) memo.set(step, group);
    return group;
  };
}

/** Counts by state and by top-level OU, and the CloudTrail integration status: for reports and outputs. */
export function summarizeOrganization(snapshot: OrganizationSnapshot): OrganizationSummary {
  const groupOf = topLevelOf(snapshot);
  const names = new Map([...snapshot.roots, ...snapshot.organizationalUnits].map((p) => [p.id, p.name]));
  const groups = new Map<string, TopLevelGroup>();
  const byState = zeroStates();
  for (const account of snapshot.accounts) {
    byState[account.state]++;
    const id = groupOf(account.parentId);
    const group = groups.get(id) ?? { id, name: names.get(id) ?? id, accounts: 0, byState: zeroStates() };
    group.accounts++;
    group.byState[account.state]++;
    groups.set(id, group);
  }
  for (const ou of snapshot.organizationalUnits) {
    if (groupOf(ou.id) === ou.id && !groups.has(ou.id)) {
      groups.set(ou.id, { id: ou.id, name: ou.name, accounts: 0, byState: zeroStates() });
    }
  }
  return {
    organizationId: snapshot.organization.id,
    managementAccountId: snapshot.organization.managementAccountId,
    accounts: snapshot.accounts.length,
    organizationalUnits: snapshot.organizationalUnits.length,
    byState,
    byTopLevelOu: [...groups.values()].sort(
      (a, b) => byName.compare(a.name, b.name) || a.id.localeCompare(b.id),
    ),
    cloudTrailTrustedAccess: (snapshot.trustedServices ?? []).includes(CLOUDTRAIL_SERVICE_PRINCIPAL),
    cloudTrailDelegatedAdministrators: (snapshot.delegatedAdministrators ?? [])
      .filter((d) => d.servicePrincipal === CLOUDTRAIL_SERVICE_PRINCIPAL)
      .map((d) => d.accountId)
      .sort(),
  };
}

import type { OrganizationSnapshot, SnapshotAccount } from "../../../lib/organization/snapshot";

/** Objects as the Organizations API puts them on the wire (JSON 1.1: timestamps are epoch seconds). */

const epochSeconds = (iso: string) => Date.parse(iso) / 1000;

function arnPrefix(snapshot: OrganizationSnapshot): string {
  return `arn:aws:organizations::${snapshot.organization.managementAccountId}`;
}

export function wireOrganization(snapshot: OrganizationSnapshot) {
  const { id, arn, featureSet, managementAccountId } = snapshot.organization;
  const management = snapshot.accounts.find((a) => a.id === managementAccountId);
  return {
    Id: id,
    Arn: arn,
    FeatureSet: featureSet,
    MasterAccountArn: `${arnPrefix(snapshot)}:account/${id}/${managementAccountId}`,
    MasterAccountId: managementAccountId,
    MasterAccountEmail: management?.email ?? "management@example.com",
    AvailablePolicyTypes: [],
  };
}

export function wireRoot(snapshot: OrganizationSnapshot, root: OrganizationSnapshot["roots"][number]) {
  return {
    Id: root.id,
    Arn: `${arnPrefix(snapshot)}:root/${snapshot.organization.id}/${root.id}`,
    Name: root.name,
    PolicyTypes: (root.policyTypes ?? []).map((p) => ({ Type: p.type, Status: p.status })),
  };
}

export function wireOrganizationalUnit(
  snapshot: OrganizationSnapshot,
  ou: OrganizationSnapshot["organizationalUnits"][number],
) {
  return { Id: ou.id, Arn: `${arnPrefix(snapshot)}:ou/${snapshot.organization.id}/${ou.id}`, Name: ou.name };
}

/** The deprecated `Status` knows neither CLOSED (reported as SUSPENDED) nor PENDING_ACTIVATION (left out). */
function legacyStatus(state: string): { Status?: string } {
  if (state === "CLOSED") return { Status: "SUSPENDED" };
  return ["ACTIVE", "SUSPENDED", "PENDING_CLOSURE"].includes(state) ? { Status: state } : {};
}

export function wireAccount(snapshot: OrganizationSnapshot, account: SnapshotAccount) {
  return {
    Id: account.id,
    Arn: `${arnPrefix(snapshot)}:account/${snapshot.organization.id}/${account.id}`,
    Email: account.email,
    Name: account.name,
    ...legacyStatus(account.state),
    State: account.state,
    JoinedMethod: account.id === snapshot.organization.managementAccountId ? "INVITED" : "CREATED",
    ...(account.joinedTimestamp ? { JoinedTimestamp: epochSeconds(account.joinedTimestamp) } : {}),
  };
}

export function wireTags(tags: Record<string, string> | undefined) {
  return Object.entries(tags ?? {}).map(([Key, Value]) => ({ Key, Value }));
}

export function wireEnabledService(snapshot: OrganizationSnapshot, servicePrincipal: string) {
  return { ServicePrincipal: servicePrincipal, DateEnabled: epochSeconds(snapshot.collectedAt) };
}

import type { AccountState, OrganizationSnapshot, SnapshotAccount } from "../../lib/organization/snapshot";

export const ORGANIZATION_ID = "o-test123456";
export const MANAGEMENT_ACCOUNT_ID = "100000000000";
export const ROOT_ID = "r-test";
export const SECURITY_OU_ID = "ou-test-security";
/** Both policy types the guardrails attach, enabled on the root as `ListRoots` reports them. */
export const ALL_GUARDRAIL_POLICY_TYPES_ENABLED = [
  { type: "SERVICE_CONTROL_POLICY", status: "ENABLED" as const },
  { type: "RESOURCE_CONTROL_POLICY", status: "ENABLED" as const },
];

export interface AccountSpec {
  name: string;
  id?: string;
  email?: string;
  state?: AccountState;
  parentId?: string;
  tags?: Record<string, string>;
}

/** `Log Archive` → `log-archive@example.com`: distinct names give distinct e-mails. */
export function emailFor(name: string): string {
  return `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}@example.com`;
}

/** Member ids are numbered in order of appearance: 200000000001, 200000000002, … */
export function memberId(position: number): string {
  return String(200000000000 + position);
}

/**
 * A valid snapshot of an organization with a management account under the root, a Security OU, and the
 * given member accounts (ACTIVE, under the Security OU unless told otherwise).
 */
export function buildSnapshot(...members: AccountSpec[]): OrganizationSnapshot {
  const management: SnapshotAccount = {
    id: MANAGEMENT_ACCOUNT_ID,
    name: "Management",
    email: emailFor("Management"),
    state: "ACTIVE",
    parentId: ROOT_ID,
  };
  const accounts = members.map((spec, i): SnapshotAccount => ({
    id: spec.id ?? memberId(i + 1),
    name: spec.name,
    email: spec.email ?? emailFor(spec.name),
    state: spec.state ?? "ACTIVE",
    parentId: spec.parentId ?? SECURITY_OU_ID,
    ...(spec.tags !== undefined ? { tags: spec.tags } : {}),
  }));
  return {
    organization: {
      id: ORGANIZATION_ID,
      arn: `arn:aws:organizations::${MANAGEMENT_ACCOUNT_ID}:organization/${ORGANIZATION_ID}`,
      managementAccountId: MANAGEMENT_ACCOUNT_ID,
      featureSet: "ALL",
    },
    roots: [{ id: ROOT_ID, name: "Root", policyTypes: ALL_GUARDRAIL_POLICY_TYPES_ENABLED }],
    organizationalUnits: [{ id: SECURITY_OU_ID, name: "Security", parentId: ROOT_ID }],
    accounts: [management, ...accounts],
    collectedAt: "2026-01-01T00:00:00.000Z",
  };
}

type Path = readonly (string | number)[];

/** A copy of `document` with the value at `path` replaced (or removed, for `undefined`): a broken snapshot. */
export function withValueAt(document: unknown, path: Path, value: unknown): unknown {
  const copy: unknown = structuredClone(document);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(parent) && typeof last === "number") parent.splice(last, 1);
    else delete parent[last];
  } else {
    parent[last] = value;
  }
  return copy;
}

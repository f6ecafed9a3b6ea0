import assert from "node:assert/strict";
import { summarizeOrganization } from "../../../../lib/organization/inventory/summary";
import type { OrganizationSnapshot, SnapshotAccount } from "../../../../lib/organization/snapshot";

const ROOT = "r-ab12";
const SECURITY = "ou-ab12-security";
const WORKLOADS = "ou-ab12-workload";
const PROD = "ou-ab12-prodprod";
const EMPTY = "ou-ab12-emptyemp";

function account(id: number, parentId: string, state: SnapshotAccount["state"] = "ACTIVE"): SnapshotAccount {
  const padded = String(id).padStart(12, "1");
  return { id: padded, name: `a${id}`, email: `a${id}@example.com`, state, parentId };
}

function snapshot(
  accounts: SnapshotAccount[],
  extra: Partial<OrganizationSnapshot> = {},
): OrganizationSnapshot {
  return {
    organization: {
      id: "o-abcdefghij",
      arn: "arn:aws:organizations::x",
      managementAccountId: accounts[0].id,
      featureSet: "ALL",
    },
    roots: [{ id: ROOT, name: "Root" }],
    organizationalUnits: [
      { id: SECURITY, name: "Security", parentId: ROOT },
      { id: WORKLOADS, name: "Workloads", parentId: ROOT },
      { id: PROD, name: "Prod", parentId: WORKLOADS },
      { id: EMPTY, name: "Empty", parentId: ROOT },
    ],
    accounts,
    collectedAt: "2026-01-01T00:00:00.000Z",
    ...extra,
  };
}

describe("summarizeOrganization", () => {
  const accounts = [
    account(1, ROOT),
    account(2, SECURITY),
    account(3, PROD),
    account(4, PROD, "SUSPENDED"),
    account(5, WORKLOADS, "CLOSED"),
  ];

  it("counts accounts by state", () => {
    const summary = summarizeOrganization(snapshot(accounts));
    assert.equal(summary.accounts, 5);
    assert.equal(summary.organizationalUnits, 4);
    assert.deepEqual(summary.byState, { ACTIVE: 3, SUSPENDED: 1, PENDING_CLOSURE: 0, CLOSED: 1 });
  });

  it("counts nested OUs' accounts under their top-level OU, the root's own under the root, empty OUs as 0", () => {
    const groups = summarizeOrganization(snapshot(accounts)).byTopLevelOu;
    assert.deepEqual(
      groups.map((g) => [g.name, g.id, g.accounts]),
      [
        ["Empty", EMPTY, 0],
        ["Root", ROOT, 1],
        ["Security", SECURITY, 1],
        ["Workloads", WORKLOADS, 3],
      ],
    );
    assert.deepEqual(groups[3].byState, { ACTIVE: 1, SUSPENDED: 1, PENDING_CLOSURE: 0, CLOSED: 1 });
  });

  it("orders top-level OUs by name as people read numbers", () => {
    const org = snapshot(accounts);
    org.organizationalUnits = [
      { id: SECURITY, name: "team-10", parentId: ROOT },
      { id: WORKLOADS, name: "team-9", parentId: ROOT },
    ];
    const names = summarizeOrganization({ ...org, accounts: [account(1, ROOT)] }).byTopLevelOu.map(
      (g) => g.name,
    );
    assert.deepEqual(names, ["Root", "team-9", "team-10"]);
  });

  it("reports CloudTrail trusted access and its delegated administrators only", () => {
    const summary = summarizeOrganization(
      snapshot(accounts, {
        trustedServices: ["cloudtrail.amazonaws.com", "sso.amazonaws.com"],
        delegatedAdministrators: [
          { servicePrincipal: "cloudtrail.amazonaws.com", accountId: accounts[1].id },
          { servicePrincipal: "config.amazonaws.com", accountId: accounts[2].id },
        ],
      }),
    );
    assert.equal(summary.cloudTrailTrustedAccess, true);
    assert.deepEqual(summary.cloudTrailDelegatedAdministrators, [accounts[1].id]);
    assert.equal(
      summarizeOrganization(snapshot(accounts, { trustedServices: ["sso.amazonaws.com"] }))
        .cloudTrailTrustedAccess,
      false,
    );
  });

  it("refuses an OU cycle instead of looping", () => {
    const cyclic = snapshot(accounts);
    cyclic.organizationalUnits = [
      { id: SECURITY, name: "Security", parentId: PROD },
      { id: PROD, name: "Prod", parentId: SECURITY },
    ];
    assert.throws(
      () => summarizeOrganization({ ...cyclic, accounts: [account(1, PROD)] }),
      /does not lead to a root/,
    );
  });
});

import type { OrganizationSnapshot, SnapshotAccount } from "../../../lib/organization/snapshot";
import type { FaultKind, FaultPlan, OperationName } from "./faults";
import { pageOf } from "./paging";
import { ServiceError, invalidInput } from "./service-error";
import {
  wireAccount,
  wireEnabledService,
  wireOrganization,
  wireOrganizationalUnit,
  wireRoot,
  wirePolicySummary,
  wireTags,
} from "./wire";

type Input = Record<string, unknown>;
type Output = Record<string, unknown>;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item)) ?? [];
    list.push(item);
    groups.set(key(item), list);
  }
  return groups;
}

const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);

/**
 * The organization behind the endpoint: answers each operation from a snapshot, applying the
 * listing faults (duplicates, an account vanishing between pages) of the plan.
 */
export class FakeOrganization {
  private readonly parents: Set<string>;
  private readonly childOus: Map<string, OrganizationSnapshot["organizationalUnits"]>;
  private readonly accountsIn: Map<string, SnapshotAccount[]>;
  private readonly accountsById: Map<string, SnapshotAccount>;

  constructor(
    private readonly snapshot: OrganizationSnapshot,
    private readonly faults: FaultPlan,
    private readonly countFault: (kind: FaultKind) => void,
  ) {
    this.parents = new Set([...snapshot.roots, ...snapshot.organizationalUnits].map((p) => p.id));
    this.childOus = groupBy([...snapshot.organizationalUnits].sort(byId), (ou) => ou.parentId);
    this.accountsIn = groupBy([...snapshot.accounts].sort(byId), (a) => a.parentId);
    this.accountsById = new Map(snapshot.accounts.map((a) => [a.id, a]));
  }

  answer(operation: OperationName, input: Input): Output {
    switch (operation) {
      case "DescribeOrganization":
        return { Organization: wireOrganization(this.snapshot) };
      case "ListRoots":
        return this.list(input, "roots", this.snapshot.roots, "Roots", (r) => wireRoot(this.snapshot, r));
      case "ListOrganizationalUnitsForParent": {
        const parentId = this.parentId(input);
        return this.list(
          input,
          `ous:${parentId}`,
          this.childOus.get(parentId) ?? [],
          "OrganizationalUnits",
          (ou) => wireOrganizationalUnit(this.snapshot, ou),
        );
      }
      case "ListAccountsForParent":
        return this.listAccountsForParent(input);
      case "ListAccounts":
        return this.list(input, "accounts", [...this.accountsById.values()].sort(byId), "Accounts", (a) =>
          wireAccount(this.snapshot, a),
        );
      case "ListAWSServiceAccessForOrganization":
        return this.list(
          input,
          "services",
          this.snapshot.trustedServices ?? [],
          "EnabledServicePrincipals",
          (s) => wireEnabledService(this.snapshot, s),
        );
      case "ListDelegatedAdministrators":
        return this.listDelegatedAdministrators(input);
      case "ListPoliciesForTarget":
        return this.listPoliciesForTarget(input);
      case "ListTagsForResource":
        return this.listTags(input);
    }
  }

  private list<T>(
    input: Input,
    listing: string,
    items: readonly T[],
    field: string,
    wire: (item: T) => unknown,
  ) {
    const page = pageOf(items, { listing, nextToken: input.NextToken, maxResults: input.MaxResults });
    return { [field]: page.items.map(wire), ...(page.nextToken ? { NextToken: page.nextToken } : {}) };
  }

  private parentId(input: Input): string {
    const parentId = input.ParentId;
    if (typeof parentId !== "string") throw invalidInput("ParentId is required.");
    if (!this.parents.has(parentId)) {
      throw new ServiceError(
        "ParentNotFoundException",
        "We can't find a root or OU with the ParentId that you specified.",
      );
    }
    return parentId;
  }

  private listAccountsForParent(input: Input): Output {
    const parentId = this.parentId(input);
    const accounts = this.accountsIn.get(parentId) ?? [];
    const repeatLastItem = this.faults.duplicateAcrossPages === parentId;
    const page = pageOf(accounts, {
      listing: `accounts:${parentId}`,
      nextToken: input.NextToken,
      maxResults: input.MaxResults,
      repeatLastItem,
    });
    if (repeatLastItem && page.offset > 0) this.countFault("duplicate");
    const vanishing = this.faults.vanishAccount;
    if (page.offset === 0 && page.nextToken && vanishing && accounts.some((a) => a.id === vanishing)) {
      this.accountsIn.set(
        parentId,
        accounts.filter((a) => a.id !== vanishing),
      );
      this.countFault("vanish");
    }
    return {
      Accounts: page.items.map((a) => wireAccount(this.snapshot, a)),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  }

  private listDelegatedAdministrators(input: Input): Output {
    const principal = input.ServicePrincipal;
    const delegated = (this.snapshot.delegatedAdministrators ?? []).filter(
      (d) => principal === undefined || d.servicePrincipal === principal,
    );
    const accounts = [...new Set(delegated.map((d) => d.accountId))]
      .map((id) => this.accountsById.get(id))
      .filter((a): a is SnapshotAccount => a !== undefined);
    return this.list(input, `delegated:${String(principal)}`, accounts, "DelegatedAdministrators", (a) => ({
      ...wireAccount(this.snapshot, a),
      DelegationEnabledDate: Date.parse(this.snapshot.collectedAt) / 1000,
    }));
  }

  /** As many policies of the `Filter` type as the snapshot counts on the target (AWS-managed first). */
  private listPoliciesForTarget(input: Input): Output {
    const target = [...this.snapshot.roots, ...this.snapshot.organizationalUnits].find(
      (p) => p.id === input.TargetId,
    );
    if (!target) {
      throw new ServiceError(
        "TargetNotFoundException",
        `We can't find a target with the ID ${String(input.TargetId)}.`,
      );
    }
    if (typeof input.Filter !== "string") throw invalidInput("Filter is required.");
    const count = target.attachedPolicyCounts?.[input.Filter] ?? 0;
    const policies = Array.from({ length: count }, (_, i) => wirePolicySummary(input.Filter as string, i));
    return this.list(input, `policies:${target.id}:${input.Filter}`, policies, "Policies", (p) => p);
  }

  private listTags(input: Input): Output {
    const resourceId = input.ResourceId;
    const account = typeof resourceId === "string" ? this.accountsById.get(resourceId) : undefined;
    if (!account) {
      throw new ServiceError(
        "TargetNotFoundException",
        `We can't find a resource with the ID ${String(resourceId)}.`,
      );
    }
    return this.list(input, `tags:${account.id}`, wireTags(account.tags), "Tags", (t) => t);
  }
}

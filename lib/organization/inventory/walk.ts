import {
  DescribeOrganizationCommand,
  paginateListAccountsForParent,
  paginateListAWSServiceAccessForOrganization,
  paginateListDelegatedAdministrators,
  paginateListOrganizationalUnitsForParent,
  paginateListRoots,
  paginateListTagsForResource,
  type OrganizationsClient,
} from "@aws-sdk/client-organizations";
import type { OrganizationSnapshot } from "../snapshot";
import { PAGE_SIZE } from "./budget";
import { WalkRecord, toSnapshotAccount } from "./consistency";
import { describeCall } from "./errors";
import { CallMeter, readAllPages, readOne } from "./pages";
import {
  accountsPage,
  delegatedAdministratorsPage,
  describeOrganizationResponse,
  enabledServicesPage,
  organizationalUnitsPage,
  rootsPage,
  tagsPage,
} from "./responses";
import { CLOUDTRAIL_SERVICE_PRINCIPAL } from "./summary";
import type { Task } from "./work-queue";

export interface InventoryProgress {
  calls: number;
  accounts: number;
  ous: number;
}

/** The calls of one inventory and what they found; every call validated, counted and abortable. */
export class OrganizationWalk {
  readonly record = new WalkRecord();
  readonly meter: CallMeter;
  readonly trustedServices: string[] = [];
  readonly delegatedAdministrators: string[] = [];
  readonly tags = new Map<string, Record<string, string>>();

  constructor(
    private readonly client: OrganizationsClient,
    private readonly signal: AbortSignal,
    private readonly withTags: boolean,
    onProgress?: (progress: InventoryProgress) => void,
  ) {
    this.meter = new CallMeter(() =>
      onProgress?.({
        calls: this.meter.calls,
        accounts: this.record.accounts.size,
        ous: this.record.organizationalUnits.size,
      }),
    );
  }

  private get paging() {
    return { client: this.client, pageSize: PAGE_SIZE };
  }

  private get sendOptions() {
    return { abortSignal: this.signal };
  }

  describeOrganization() {
    const send = () => this.client.send(new DescribeOrganizationCommand({}), this.sendOptions);
    return readOne(send, describeOrganizationResponse, "DescribeOrganization", this.meter);
  }

  async listRoots() {
    const roots: OrganizationSnapshot["roots"] = [];
    await readAllPages(
      paginateListRoots(this.paging, {}, this.sendOptions),
      rootsPage,
      "ListRoots",
      this.meter,
      (page) =>
        roots.push(
          ...page.Roots.map((r) => ({
            id: r.Id,
            name: r.Name,
            policyTypes: r.PolicyTypes.map((p) => ({ type: p.Type, status: p.Status })),
          })),
        ),
    );
    return roots;
  }

  /** The two listings of a root or OU; child OUs queue their own as they are found. */
  parentTasks(parentId: string): Task[] {
    return [(enqueue) => this.listChildOus(parentId, enqueue), () => this.listAccounts(parentId)];
  }

  private listChildOus(parentId: string, enqueue: (task: Task) => void) {
    const call = describeCall("ListOrganizationalUnitsForParent", parentId);
    const pages = paginateListOrganizationalUnitsForParent(
      this.paging,
      { ParentId: parentId },
      this.sendOptions,
    );
    return readAllPages(pages, organizationalUnitsPage, call, this.meter, (page) => {
      for (const ou of page.OrganizationalUnits) {
        this.record.addOrganizationalUnit({ id: ou.Id, name: ou.Name, parentId }, call);
        this.parentTasks(ou.Id).forEach(enqueue);
      }
    });
  }

  private listAccounts(parentId: string) {
    const call = describeCall("ListAccountsForParent", parentId);
    const pages = paginateListAccountsForParent(this.paging, { ParentId: parentId }, this.sendOptions);
    return readAllPages(pages, accountsPage, call, this.meter, (page) => {
      for (const account of page.Accounts) {
        this.record.addAccount(toSnapshotAccount(account, parentId, call), call);
      }
    });
  }

  listTrustedServices() {
    const pages = paginateListAWSServiceAccessForOrganization(this.paging, {}, this.sendOptions);
    return readAllPages(
      pages,
      enabledServicesPage,
      "ListAWSServiceAccessForOrganization",
      this.meter,
      (page) => this.trustedServices.push(...page.EnabledServicePrincipals.map((s) => s.ServicePrincipal)),
    );
  }

  listCloudTrailDelegatedAdministrators() {
    const input = { ServicePrincipal: CLOUDTRAIL_SERVICE_PRINCIPAL };
    const call = describeCall("ListDelegatedAdministrators", CLOUDTRAIL_SERVICE_PRINCIPAL);
    const pages = paginateListDelegatedAdministrators(this.paging, input, this.sendOptions);
    return readAllPages(pages, delegatedAdministratorsPage, call, this.meter, (page) =>
      this.delegatedAdministrators.push(...page.DelegatedAdministrators.map((d) => d.Id)),
    );
  }

  tagTasks(): Task[] {
    if (!this.withTags) return [];
    return [...this.record.accounts.keys()].map((accountId) => async () => {
      const tags: Record<string, string> = {};
      const pages = paginateListTagsForResource(
        { client: this.client },
        { ResourceId: accountId },
        this.sendOptions,
      );
      await readAllPages(
        pages,
        tagsPage,
        describeCall("ListTagsForResource", accountId),
        this.meter,
        (page) => {
          for (const tag of page.Tags) tags[tag.Key] = tag.Value;
        },
      );
      this.tags.set(accountId, tags);
    });
  }
}

import {
  ACCOUNT_STATES,
  type AccountState,
  type OrganizationSnapshot,
  type SnapshotAccount,
} from "../snapshot";
import { InventoryError } from "./errors";
import type { ListedAccount } from "./responses";

type OrganizationalUnit = OrganizationSnapshot["organizationalUnits"][number];

const RUN_AGAIN =
  "the organization changed during the inventory or the service answered inconsistently; run again";

const LEGACY_STATUSES: readonly string[] = ["ACTIVE", "SUSPENDED", "PENDING_CLOSURE"];

/** The snapshot state of a listed account; `State` wins over the deprecated `Status`. */
export function accountState(account: ListedAccount, call: string): AccountState {
  const state =
    account.State ?? (LEGACY_STATUSES.includes(account.Status ?? "") ? account.Status : undefined);
  if ((ACCOUNT_STATES as readonly (string | undefined)[]).includes(state)) return state as AccountState;
  const found = account.State ?? account.Status;
  const fix =
    found === "PENDING_ACTIVATION"
      ? "it is still being created; run again once it is ACTIVE"
      : "this version does not know that state; update org-governance";
  throw new InventoryError("unsupported-account-state", `${call}: account ${account.Id} is ${found}; ${fix}`);
}

/** A listed account in snapshot form, under the parent whose listing returned it. */
export function toSnapshotAccount(account: ListedAccount, parentId: string, call: string): SnapshotAccount {
  return {
    id: account.Id,
    name: account.Name,
    email: account.Email,
    state: accountState(account, call),
    parentId,
    ...(account.JoinedTimestamp ? { joinedTimestamp: account.JoinedTimestamp.toISOString() } : {}),
  };
}

/**
 * Everything the walk found, refusing anything seen twice: an account or OU listed twice, or under two
 * parents, means a listing was inconsistent, and the snapshot could be missing something as well.
 */
export class WalkRecord {
  readonly accounts = new Map<string, SnapshotAccount>();
  readonly organizationalUnits = new Map<string, OrganizationalUnit>();

  addAccount(account: SnapshotAccount, call: string): void {
    const earlier = this.accounts.get(account.id);
    if (earlier?.parentId === account.parentId) {
      throw new InventoryError(
        "duplicate-account",
        `${call}: account ${account.id} is listed twice under ${account.parentId}; ${RUN_AGAIN}`,
      );
    }
    if (earlier) {
      throw new InventoryError(
        "parent-inconsistency",
        `${call}: account ${account.id} is listed under both ${earlier.parentId} and ${account.parentId}; ${RUN_AGAIN}`,
      );
    }
    this.accounts.set(account.id, account);
  }

  addOrganizationalUnit(ou: OrganizationalUnit, call: string): void {
    const earlier = this.organizationalUnits.get(ou.id);
    if (earlier) {
      throw new InventoryError(
        "parent-inconsistency",
        `${call}: OU ${ou.id} is listed under ${earlier.parentId} and again under ${ou.parentId}; ${RUN_AGAIN}`,
      );
    }
    this.organizationalUnits.set(ou.id, ou);
  }

  /**
   * Accounts the organization names elsewhere (the management account, delegated administrators) must
   * have turned up in some OU's listing; if one did not, others may be missing too.
   */
  requireAccounts(references: readonly { accountId: string; source: string }[]): void {
    for (const { accountId, source } of references) {
      if (!this.accounts.has(accountId)) {
        throw new InventoryError(
          "missing-account",
          `account ${accountId} (named by ${source}) appears in no root or OU listing; ${RUN_AGAIN}`,
        );
      }
    }
  }
}

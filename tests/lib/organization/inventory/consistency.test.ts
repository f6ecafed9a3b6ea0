import assert from "node:assert/strict";
import {
  WalkRecord,
  accountState,
  toSnapshotAccount,
} from "../../../../lib/organization/inventory/consistency";
import { InventoryError } from "../../../../lib/organization/inventory/errors";
import type { SnapshotAccount } from "../../../../lib/organization/snapshot";

const CALL = "ListAccountsForParent(r-ab12)";

function listed(fields: { State?: string; Status?: string; JoinedTimestamp?: Date } = {}) {
  return { Id: "111122223333", Name: "one", Email: "one@example.com", ...fields };
}

function account(id: string, parentId: string): SnapshotAccount {
  return { id, name: id, email: `${id}@example.com`, state: "ACTIVE", parentId };
}

function reasonOf(action: () => void): string {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof InventoryError);
    return error.reason;
  }
  assert.fail("expected an InventoryError");
}

describe("accountState", () => {
  it("prefers State, falls back to the deprecated Status", () => {
    assert.equal(accountState(listed({ State: "CLOSED", Status: "SUSPENDED" }), CALL), "CLOSED");
    assert.equal(accountState(listed({ Status: "PENDING_CLOSURE" }), CALL), "PENDING_CLOSURE");
  });

  it("refuses states a snapshot cannot hold, saying what to do", () => {
    assert.throws(
      () => accountState(listed({ State: "PENDING_ACTIVATION" }), CALL),
      /still being created; run again once/,
    );
    assert.throws(
      () => accountState(listed({ State: "FROZEN" }), CALL),
      /is FROZEN; this version does not know/,
    );
    assert.throws(() => accountState(listed({ Status: "CLOSED" }), CALL), /is CLOSED/);
  });
});

describe("toSnapshotAccount", () => {
  it("keeps id, name, e-mail, state, the listing's parent and the joined time", () => {
    const joined = new Date("2020-02-03T04:05:06.000Z");
    assert.deepEqual(
      toSnapshotAccount(listed({ State: "ACTIVE", JoinedTimestamp: joined }), "ou-ab12-cdef3456", CALL),
      {
        id: "111122223333",
        name: "one",
        email: "one@example.com",
        state: "ACTIVE",
        parentId: "ou-ab12-cdef3456",
        joinedTimestamp: "2020-02-03T04:05:06.000Z",
      },
    );
  });
});

describe("WalkRecord", () => {
  it("keeps each account and OU once", () => {
    const record = new WalkRecord();
    record.addAccount(account("111122223333", "r-ab12"), CALL);
    record.addOrganizationalUnit({ id: "ou-ab12-cdef3456", name: "x", parentId: "r-ab12" }, CALL);
    assert.equal(record.accounts.size, 1);
    assert.equal(record.organizationalUnits.size, 1);
  });

  it("refuses an account seen twice: under the same parent, or under two", () => {
    const record = new WalkRecord();
    record.addAccount(account("111122223333", "r-ab12"), CALL);
    assert.equal(
      reasonOf(() => record.addAccount(account("111122223333", "r-ab12"), CALL)),
      "duplicate-account",
    );
    assert.equal(
      reasonOf(() => record.addAccount(account("111122223333", "ou-ab12-cdef3456"), CALL)),
      "parent-inconsistency",
    );
  });

  it("refuses an OU seen twice", () => {
    const record = new WalkRecord();
    record.addOrganizationalUnit({ id: "ou-ab12-cdef3456", name: "x", parentId: "r-ab12" }, CALL);
    const again = () =>
      record.addOrganizationalUnit({ id: "ou-ab12-cdef3456", name: "x", parentId: "ou-ab12-zzzzzzzz" }, CALL);
    assert.equal(reasonOf(again), "parent-inconsistency");
  });

  it("requires accounts named elsewhere to have been listed", () => {
    const record = new WalkRecord();
    record.addAccount(account("111122223333", "r-ab12"), CALL);
    record.requireAccounts([{ accountId: "111122223333", source: "DescribeOrganization" }]);
    assert.throws(
      () => record.requireAccounts([{ accountId: "444455556666", source: "ListDelegatedAdministrators" }]),
      /account 444455556666 \(named by ListDelegatedAdministrators\) appears in no root or OU listing/,
    );
  });
});

import assert from "node:assert/strict";
import { AccountReferenceError, findAccounts, resolveMemberAccount } from "../../../lib/organization/resolve";
import {
  buildSnapshot,
  MANAGEMENT_ACCOUNT_ID,
  memberId,
  ORGANIZATION_ID,
} from "../../support/snapshot-builder";

const KEY = "org-governance:logArchive.account";

/** Log Archive and Audit are ACTIVE members; Old Logs is suspended, Closing is being closed. */
const organization = buildSnapshot(
  { name: "Log Archive", email: "Log-Archive@Example.com" },
  { name: "Audit" },
  { name: "Old Logs", state: "SUSPENDED" },
  { name: "Closing", state: "PENDING_CLOSURE" },
  { name: "Closed", state: "CLOSED" },
);
const [LOG_ARCHIVE, AUDIT, OLD_LOGS, CLOSING, CLOSED] = [1, 2, 3, 4, 5].map(memberId);
const ACTIVE_MEMBERS = `${LOG_ARCHIVE} "Log Archive" <Log-Archive@Example.com> ACTIVE; ${AUDIT} "Audit" <audit@example.com> ACTIVE`;

function resolutionError(snapshot: typeof organization, reference: string): string {
  try {
    resolveMemberAccount(snapshot, reference, KEY);
  } catch (error) {
    assert.ok(
      error instanceof AccountReferenceError,
      `expected an AccountReferenceError, got ${String(error)}`,
    );
    assert.equal(error.name, "AccountReferenceError");
    assert.ok(!error.message.includes("\n"), error.message);
    return error.message;
  }
  assert.fail(`"${reference}" resolved, but should not have`);
}

describe("findAccounts", () => {
  it("matches by id, by name and by e-mail, ignoring case and surrounding space", () => {
    for (const reference of [
      LOG_ARCHIVE,
      "Log Archive",
      "log archive",
      "LOG-ARCHIVE@example.COM",
      `  ${LOG_ARCHIVE} `,
    ]) {
      assert.deepEqual(
        findAccounts(organization, reference).map((a) => a.id),
        [LOG_ARCHIVE],
        reference,
      );
    }
  });

  it("does not match part of a name or an id", () => {
    assert.deepEqual(findAccounts(organization, "Log"), []);
    assert.deepEqual(findAccounts(organization, LOG_ARCHIVE.slice(1)), []);
  });

  it("returns every account a reference names", () => {
    const twins = buildSnapshot({ name: "Logs" }, { name: "logs" });
    assert.equal(findAccounts(twins, "LOGS").length, 2);
  });
});

describe("resolveMemberAccount", () => {
  it("resolves an ACTIVE member by id, name or e-mail", () => {
    for (const reference of [LOG_ARCHIVE, "Log Archive", "log-archive@example.com"]) {
      assert.equal(resolveMemberAccount(organization, reference, KEY).id, LOG_ARCHIVE);
    }
    assert.equal(resolveMemberAccount(organization, "audit", KEY).name, "Audit");
  });

  it("lists the active member accounts when nothing matches", () => {
    assert.equal(
      resolutionError(organization, "Logs"),
      `${KEY}: no account of ${ORGANIZATION_ID} has the id, name or e-mail "Logs"; active member accounts: ${ACTIVE_MEMBERS}`,
    );
  });

  it("lists the candidates and asks for the id when a reference is ambiguous", () => {
    const twins = buildSnapshot({ name: "Logs" }, { name: "logs", state: "SUSPENDED" });
    assert.equal(
      resolutionError(twins, "Logs"),
      `${KEY}: "Logs" names 2 accounts (${memberId(1)} "Logs" <logs@example.com> ACTIVE; ${memberId(2)} "logs" <logs@example.com> SUSPENDED); use the account id`,
    );
  });

  it("rejects the management account, by id or by name", () => {
    for (const reference of [MANAGEMENT_ACCOUNT_ID, "Management"]) {
      assert.equal(
        resolutionError(organization, reference),
        `${KEY}: "${reference}" is the management account ${MANAGEMENT_ACCOUNT_ID}; the log archive must be a separate member account, one of: ${ACTIVE_MEMBERS}`,
      );
    }
  });

  it("rejects accounts that are not ACTIVE", () => {
    for (const [id, name, state] of [
      [OLD_LOGS, "Old Logs", "SUSPENDED"],
      [CLOSING, "Closing", "PENDING_CLOSURE"],
      [CLOSED, "Closed", "CLOSED"],
    ]) {
      assert.equal(
        resolutionError(organization, name),
        `${KEY}: account ${id} "${name}" is ${state}, not ACTIVE; choose one of: ${ACTIVE_MEMBERS}`,
      );
    }
  });

  it("says so when the organization has no eligible account at all", () => {
    const alone = buildSnapshot({ name: "Gone", state: "SUSPENDED" });
    assert.equal(
      resolutionError(alone, "Management"),
      `${KEY}: "Management" is the management account ${MANAGEMENT_ACCOUNT_ID}; the log archive must be a separate member account, one of: none`,
    );
  });
});

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  OrganizationSnapshot,
  parseSnapshot,
  parseSnapshotText,
  SnapshotError,
} from "../../../lib/organization/snapshot";
import { SAMPLE_ORGANIZATION_PATH } from "../../../lib/organization/source";
import { buildSnapshot, MANAGEMENT_ACCOUNT_ID, memberId, withValueAt } from "../../support/snapshot-builder";

const SOURCE = "org.json";

/** A snapshot with three members, so `accounts[1..3]` are members and `accounts[0]` the management. */
function validSnapshot(): OrganizationSnapshot {
  return buildSnapshot({ name: "Log Archive" }, { name: "Audit" }, { name: "Workload" });
}

/** The problems (without the file prefix) a document is rejected with. */
function problemsOf(document: unknown): string[] {
  let thrown: unknown;
  try {
    parseSnapshot(document, SOURCE);
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof SnapshotError, `expected a SnapshotError, got ${String(thrown)}`);
  assert.equal(thrown.name, "SnapshotError");
  assert.equal(thrown.source, SOURCE);
  assert.equal(thrown.message, thrown.problems.map((p) => `${SOURCE}: ${p}`).join("\n"));
  for (const problem of thrown.problems) assert.ok(!/[\r\n]/.test(problem), problem);
  return thrown.problems;
}

describe("parseSnapshot", () => {
  it("accepts the sample organization shipped with the project", () => {
    const sample = parseSnapshotText(
      readFileSync(SAMPLE_ORGANIZATION_PATH, "utf8"),
      SAMPLE_ORGANIZATION_PATH,
    );
    const managementId = sample.organization.managementAccountId;
    assert.ok(sample.accounts.some((a) => a.id === managementId && a.state === "ACTIVE"));
    assert.ok(sample.accounts.some((a) => a.name === "Log Archive" && a.state === "ACTIVE"));
    assert.ok(sample.accounts.some((a) => a.name === "Audit"));
    assert.ok(sample.accounts.some((a) => a.state === "SUSPENDED"));
    const security = sample.organizationalUnits.find((ou) => ou.name === "Security");
    assert.ok(security !== undefined);
    assert.equal(sample.accounts.find((a) => a.name === "Log Archive")?.parentId, security.id);
    const ouIds = new Set(sample.organizationalUnits.map((ou) => ou.id));
    assert.ok(
      sample.organizationalUnits.some((ou) => ouIds.has(ou.parentId)),
      "workloads sit in nested OUs",
    );
  });

  it("accepts a built snapshot and returns it unchanged", () => {
    const snapshot = validSnapshot();
    assert.deepEqual(parseSnapshot(structuredClone(snapshot), SOURCE), snapshot);
  });

  it("accepts the optional fields", () => {
    const snapshot = {
      ...validSnapshot(),
      trustedServices: ["cloudtrail.amazonaws.com"],
      delegatedAdministrators: [{ servicePrincipal: "cloudtrail.amazonaws.com", accountId: memberId(2) }],
      metadata: { source: "live", calls: 12, retries: 1, durationMs: 840.5 },
    };
    assert.deepEqual(parseSnapshot(snapshot, SOURCE).metadata, snapshot.metadata);
  });

  it("names the path of a bad account state", () => {
    assert.deepEqual(problemsOf(withValueAt(validSnapshot(), ["accounts", 2, "state"], "GONE")), [
      'accounts[2].state: expected one of "ACTIVE"|"SUSPENDED"|"PENDING_CLOSURE"|"CLOSED" (got "GONE")',
    ]);
  });

  it("names the path of a malformed account id", () => {
    assert.deepEqual(problemsOf(withValueAt(validSnapshot(), ["accounts", 1, "id"], "12345")), [
      'accounts[1].id: expected a 12-digit account id (got "12345")',
    ]);
  });

  it("names the path of a missing field", () => {
    assert.deepEqual(problemsOf(withValueAt(validSnapshot(), ["accounts", 3, "email"], undefined)), [
      "accounts[3].email: expected string, received undefined (got nothing)",
    ]);
  });

  it("rejects a malformed organization id", () => {
    assert.deepEqual(problemsOf(withValueAt(validSnapshot(), ["organization", "id"], "org-1")), [
      'organization.id: expected an organization id like o-abcd123456 (got "org-1")',
    ]);
  });

  it("rejects a parent id that is neither a root nor an OU id", () => {
    assert.deepEqual(problemsOf(withValueAt(validSnapshot(), ["accounts", 1, "parentId"], "Security")), [
      'accounts[1].parentId: expected a root id (r-…) or an OU id (ou-…) (got "Security")',
    ]);
  });

  it("rejects duplicate account ids at the second occurrence", () => {
    assert.deepEqual(problemsOf(withValueAt(validSnapshot(), ["accounts", 3, "id"], memberId(1))), [
      `accounts[3].id: duplicate account id (got "${memberId(1)}")`,
    ]);
  });

  it("rejects an account under a root or OU the snapshot does not have", () => {
    assert.deepEqual(
      problemsOf(withValueAt(validSnapshot(), ["accounts", 2, "parentId"], "ou-test-missing1")),
      ['accounts[2].parentId: no root or organizational unit with this id (got "ou-test-missing1")'],
    );
  });

  it("rejects an OU under a parent the snapshot does not have", () => {
    assert.deepEqual(
      problemsOf(withValueAt(validSnapshot(), ["organizationalUnits", 0, "parentId"], "r-gone")),
      ['organizationalUnits[0].parentId: no root or organizational unit with this id (got "r-gone")'],
    );
  });

  it("rejects a snapshot without its management account", () => {
    assert.deepEqual(problemsOf(withValueAt(validSnapshot(), ["accounts", 0], undefined)), [
      `organization.managementAccountId: the management account is not among the accounts (got "${MANAGEMENT_ACCOUNT_ID}")`,
    ]);
  });

  it("rejects unknown keys, as typos in a hand-written snapshot", () => {
    const withExtras = withValueAt(withValueAt(validSnapshot(), ["accounts", 1, "owner"], "x"), ["extra"], 1);
    assert.deepEqual(problemsOf(withExtras), [
      "accounts[1].owner: unknown key; remove it or fix its spelling",
      "extra: unknown key; remove it or fix its spelling",
    ]);
  });

  it("requires at least one root and one account", () => {
    assert.deepEqual(problemsOf(withValueAt(validSnapshot(), ["roots"], [])).slice(0, 1), [
      "roots: expected at least one root (got [])",
    ]);
    assert.ok(
      problemsOf(withValueAt(validSnapshot(), ["accounts"], [])).includes(
        "accounts: expected at least one account (got [])",
      ),
    );
  });

  it("reports several problems together", () => {
    let broken = withValueAt(validSnapshot(), ["accounts", 1, "state"], "active");
    broken = withValueAt(broken, ["organization", "featureSet"], "SOME");
    broken = withValueAt(broken, ["collectedAt"], undefined);
    assert.deepEqual(
      problemsOf(broken).map((p) => p.slice(0, p.indexOf(":"))),
      ["organization.featureSet", "accounts[1].state", "collectedAt"],
    );
  });

  it("rejects a document that is not an object", () => {
    assert.deepEqual(problemsOf([]), ["(top level): expected object, received array (got [])"]);
    assert.deepEqual(problemsOf(null), ["(top level): expected object, received null (got null)"]);
  });
});

describe("parseSnapshotText", () => {
  it("parses JSON text", () => {
    const snapshot = validSnapshot();
    assert.deepEqual(parseSnapshotText(JSON.stringify(snapshot, null, 2), SOURCE), snapshot);
  });

  it("reports invalid JSON as one line naming the file and the position", () => {
    for (const text of ['{"organization": ', "", "{,}"]) {
      assert.throws(
        () => parseSnapshotText(text, SOURCE),
        (error: unknown) => {
          assert.ok(error instanceof SnapshotError);
          assert.match(error.message, /^org\.json: not valid JSON \(.+\)$/);
          assert.ok(!error.message.includes("\n"));
          return true;
        },
      );
    }
    assert.throws(() => parseSnapshotText("{,}", SOURCE), /at line 1, column 2/);
  });

  it("validates what it parsed", () => {
    const text = JSON.stringify(withValueAt(validSnapshot(), ["accounts", 2, "state"], "GONE"));
    assert.throws(() => parseSnapshotText(text, SOURCE), /^SnapshotError: org\.json: accounts\[2\]\.state: /);
  });
});

import assert from "node:assert/strict";
import { configProblemsOf } from "../../support/config-problems";
import { resolveGuardrailTargets } from "../../../lib/guardrails/targets";
import type { OrganizationSnapshot } from "../../../lib/organization/snapshot";
import {
  MANAGEMENT_ACCOUNT_ID,
  ROOT_ID,
  SECURITY_OU_ID,
  buildSnapshot,
} from "../../support/snapshot-builder";

const KEY = "org-governance:guardrails.targets";
const WORKLOADS_OU_ID = "ou-test-workloads";
const PRODUCTION_OU_ID = "ou-test-production";

/** Security (log archive, audit), Workloads > Production (two accounts, one suspended). */
function organization(): OrganizationSnapshot {
  const snapshot = buildSnapshot(
    { name: "Log Archive" },
    { name: "Audit" },
    { name: "Shop", parentId: PRODUCTION_OU_ID },
    { name: "Old Shop", parentId: PRODUCTION_OU_ID, state: "SUSPENDED" },
    { name: "Sandbox", parentId: ROOT_ID },
  );
  snapshot.organizationalUnits.push(
    { id: WORKLOADS_OU_ID, name: "Workloads", parentId: ROOT_ID },
    { id: PRODUCTION_OU_ID, name: "Production", parentId: WORKLOADS_OU_ID },
  );
  return snapshot;
}

/** The problem line for an unknown reference in an organization of `count` OUs under the root. */
function unknownAmongOus(count: number): string {
  const snapshot = organization();
  snapshot.organizationalUnits = Array.from({ length: count }, (_, i) => ({
    id: `ou-test-${i}`,
    name: `Team ${i}`,
    parentId: ROOT_ID,
  }));
  return configProblemsOf(() => resolveGuardrailTargets(snapshot, ["Nowhere"], KEY))[0];
}

describe("resolveGuardrailTargets", () => {
  it('resolves "root" to every root, covering every ACTIVE member account but the management account', () => {
    const [root] = resolveGuardrailTargets(organization(), "root", KEY);
    assert.equal(root.id, ROOT_ID);
    assert.equal(root.kind, "root");
    assert.equal(root.accountIds.length, 4);
    assert.ok(!root.accountIds.includes(MANAGEMENT_ACCOUNT_ID));
  });

  it("resolves OUs by id and by name (case-insensitive), counting accounts of nested OUs", () => {
    const targets = resolveGuardrailTargets(organization(), [SECURITY_OU_ID, "workloads"], KEY);
    assert.deepEqual(
      targets.map((t) => [t.id, t.kind, t.accountIds.length]),
      [
        [SECURITY_OU_ID, "organizational unit", 2],
        [WORKLOADS_OU_ID, "organizational unit", 1],
      ],
    );
  });

  it("accepts a root id in a list", () => {
    assert.equal(resolveGuardrailTargets(organization(), [ROOT_ID], KEY)[0].kind, "root");
  });

  it("reports every unknown, ambiguous or repeated reference, one line each", () => {
    const snapshot = organization();
    snapshot.organizationalUnits.push({ id: "ou-test-security2", name: "security", parentId: ROOT_ID });
    const problems = configProblemsOf(() =>
      resolveGuardrailTargets(snapshot, ["Nowhere", "Security", WORKLOADS_OU_ID, "Workloads"], KEY),
    );
    assert.equal(problems.length, 3);
    assert.match(
      problems[0],
      /^org-governance:guardrails\.targets\[0\]: no root or OU .* "Nowhere"; OUs: ou-test-security "Security"/,
    );
    assert.match(
      problems[1],
      /^org-governance:guardrails\.targets\[1\]: "Security" names 2 OUs .*; use the OU id$/,
    );
    assert.match(
      problems[2],
      /^org-governance:guardrails\.targets\[3\]: ou-test-workloads "Workloads" is listed twice; list it once$/,
    );
    for (const line of problems) assert.doesNotMatch(line, /\n/);
  });

  it("ignores spaces around a reference, as accounts are resolved", () => {
    assert.deepEqual(
      resolveGuardrailTargets(organization(), ["  Workloads "], KEY).map((t) => t.id),
      [WORKLOADS_OU_ID],
    );
  });

  it("an OU without active member accounts governs none", () => {
    const snapshot = organization();
    snapshot.organizationalUnits.push({ id: "ou-test-empty", name: "Empty", parentId: ROOT_ID });
    assert.deepEqual(resolveGuardrailTargets(snapshot, ["Empty"], KEY)[0].accountIds, []);
  });

  it("an unknown reference in an organization without OUs says there are none", () => {
    const snapshot = organization();
    snapshot.organizationalUnits = [];
    const [problem] = configProblemsOf(() => resolveGuardrailTargets(snapshot, ["Nowhere"], KEY));
    assert.match(problem, /"Nowhere"; OUs: none$/);
  });

  // The candidates are capped (MAX_LISTED_CANDIDATES, 10) so the line stays readable; the rest are counted.
  it("lists the first ten candidate OUs, separated, and counts the rest", () => {
    const problem = unknownAmongOus(12);
    assert.match(
      problem,
      /OUs: ou-test-0 "Team 0"; ou-test-1 "Team 1"; .*ou-test-9 "Team 9"; and 2 more \(see `npm run inventory`\)$/,
    );
    assert.doesNotMatch(problem, /Team 10/);
  });

  it("lists exactly ten candidate OUs without a count of more", () => {
    const problem = unknownAmongOus(10);
    assert.match(problem, /ou-test-9 "Team 9"$/);
  });
});

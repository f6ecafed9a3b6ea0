import assert from "node:assert/strict";
import { MAX_POLICY_DOCUMENT_CHARACTERS } from "../../../lib/guardrails/limits";
import {
  RESOURCE_CONTROL_POLICY,
  SERVICE_CONTROL_POLICY,
  guardrailPreconditionProblems,
  type PlannedGuardrailDocument,
} from "../../../lib/guardrails/preconditions";
import { resolveGuardrailTargets } from "../../../lib/guardrails/targets";
import type { OrganizationSnapshot } from "../../../lib/organization/snapshot";
import { ROOT_ID, SECURITY_OU_ID, buildSnapshot } from "../../support/snapshot-builder";

const KEY = "org-governance:guardrails";
const BOTH: PlannedGuardrailDocument[] = [
  { type: SERVICE_CONTROL_POLICY, json: "{}" },
  { type: RESOURCE_CONTROL_POLICY, json: "{}" },
];

function problems(
  snapshot: OrganizationSnapshot,
  documents = BOTH,
  targets: "root" | string[] = "root",
): string[] {
  const resolved = resolveGuardrailTargets(snapshot, targets, `${KEY}.targets`);
  return guardrailPreconditionProblems({ organization: snapshot, targets: resolved, documents, key: KEY });
}

describe("guardrailPreconditionProblems", () => {
  it("has nothing to say when both types are enabled and the documents fit", () => {
    assert.deepEqual(problems(buildSnapshot({ name: "Log Archive" })), []);
  });

  it("refuses an organization with consolidated billing only ('Enabling all features for an organization')", () => {
    const snapshot = buildSnapshot({ name: "Log Archive" });
    snapshot.organization.featureSet = "CONSOLIDATED_BILLING";
    assert.deepEqual(problems(snapshot), [
      `${KEY}: organization o-test123456 has only consolidated billing features, and SCPs and RCPs need all features; enable them (aws organizations enable-all-features) or set ${KEY}.enabled false`,
    ]);
  });

  it("names each policy type not enabled on the root, with the command that enables it ('Enabling a policy type')", () => {
    const snapshot = buildSnapshot({ name: "Log Archive" });
    snapshot.roots[0].policyTypes = [{ type: SERVICE_CONTROL_POLICY, status: "PENDING_ENABLE" }];
    assert.deepEqual(problems(snapshot), [
      `${KEY}: policy type SERVICE_CONTROL_POLICY is PENDING_ENABLE on root ${ROOT_ID}; enable it with \`aws organizations enable-policy-type --root-id ${ROOT_ID} --policy-type SERVICE_CONTROL_POLICY\`, or set ${KEY}.enabled false`,
      `${KEY}: policy type RESOURCE_CONTROL_POLICY is not enabled on root ${ROOT_ID}; enable it with \`aws organizations enable-policy-type --root-id ${ROOT_ID} --policy-type RESOURCE_CONTROL_POLICY\`, or set ${KEY}.resourceControlPolicy false`,
    ]);
  });

  it("does not ask for RCPs when the resource control policy is switched off", () => {
    const snapshot = buildSnapshot({ name: "Log Archive" });
    snapshot.roots[0].policyTypes = [{ type: SERVICE_CONTROL_POLICY, status: "ENABLED" }];
    assert.deepEqual(problems(snapshot, [BOTH[0]]), []);
  });

  it("tells how to refresh a snapshot written before roots recorded their policy types", () => {
    const snapshot = buildSnapshot({ name: "Log Archive" });
    delete snapshot.roots[0].policyTypes;
    const [line, ...rest] = problems(snapshot);
    assert.deepEqual(rest, []);
    assert.match(
      line,
      /does not record which policy types root r-test has enabled \(it predates them\); refresh it with `npm run inventory -- --out <snapshot file>`, or set org-governance:guardrails.enabled false$/,
    );
  });

  it("refuses a document over 5,120 characters ('Quotas and service limits for AWS Organizations')", () => {
    const json = "x".repeat(MAX_POLICY_DOCUMENT_CHARACTERS + 1);
    assert.deepEqual(
      problems(buildSnapshot({ name: "Log Archive" }), [{ type: SERVICE_CONTROL_POLICY, json }]),
      [
        `${KEY}: the guardrail service control policy would be 5121 characters, over the 5120 AWS Organizations accepts; list fewer or shorter ${KEY}.exemptPrincipals`,
      ],
    );
    const exact = "x".repeat(MAX_POLICY_DOCUMENT_CHARACTERS);
    assert.deepEqual(
      problems(buildSnapshot({ name: "Log Archive" }), [{ type: SERVICE_CONTROL_POLICY, json: exact }]),
      [],
    );
  });

  it("refuses a sixth policy of a type on a target ('Quotas and service limits for AWS Organizations')", () => {
    const snapshot = buildSnapshot({ name: "Log Archive" });
    snapshot.organizationalUnits[0].attachedPolicyCounts = {
      SERVICE_CONTROL_POLICY: 5,
      RESOURCE_CONTROL_POLICY: 4,
    };
    assert.deepEqual(problems(snapshot, BOTH, [SECURITY_OU_ID]), [
      `${KEY}.targets: organizational unit ${SECURITY_OU_ID} "Security" already has 5 service control policy attachments, and AWS Organizations allows 5; detach one, merge two, or target its child OUs`,
    ]);
  });
});

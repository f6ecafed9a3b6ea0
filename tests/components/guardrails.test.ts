import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { RESOURCE_CONTROL_POLICY_NAME, SERVICE_CONTROL_POLICY_NAME } from "../../components/guardrails";
import { MANAGEMENT_ACCOUNT_NOTICE } from "../../lib/guardrails/plan";
import { SAMPLE_ORGANIZATION_PATH } from "../../lib/organization/source";
import { guardrailServiceControlPolicy } from "../../lib/policies/guardrail-service-control-policy";
import { formatPlan } from "../../tools/plan/print-plan";
import { PlanFailedError, runPlan } from "../../tools/plan/run-plan";
import { named, ofType, plan, PROJECT_DIR, stackConfig } from "../support/plan";

const POLICY = "aws:organizations/policy:Policy";
const ATTACHMENT = "aws:organizations/policyAttachment:PolicyAttachment";

describe("Guardrails", () => {
  it("creates the SCP and the RCP in the management account and attaches both to the root", async () => {
    const result = await plan(stackConfig());
    const scp = named(result, "guardrails-scp");
    const rcp = named(result, "guardrails-rcp");
    assert.equal(scp.inputs.type, "SERVICE_CONTROL_POLICY");
    assert.equal(scp.inputs.name, SERVICE_CONTROL_POLICY_NAME);
    assert.equal(rcp.inputs.type, "RESOURCE_CONTROL_POLICY");
    assert.equal(rcp.inputs.name, RESOURCE_CONTROL_POLICY_NAME);
    for (const resource of [scp, rcp]) {
      assert.ok(resource.provider?.startsWith(named(result, "management-account").urn));
    }
    assert.deepEqual(
      ofType(result, ATTACHMENT)
        .map((a) => [a.inputs.policyId, a.inputs.targetId])
        .sort(),
      [
        [scp.outputs.id, "r-7xk2"],
        [rcp.outputs.id, "r-7xk2"],
      ].sort(),
    );
  });

  it("writes the pure document, as compact JSON, around the archive key that was created", async () => {
    const result = await plan(stackConfig());
    const content = named(result, "guardrails-scp").inputs.content as string;
    const expected = guardrailServiceControlPolicy({
      archiveBucketArn: "arn:aws:s3:::org-trail-archive-222233334444-eu-west-1",
      accessLogBucketArn: "arn:aws:s3:::org-trail-access-logs-222233334444-eu-west-1",
      archiveKeyArn: named(result, "log-archive-key").outputs.arn as string,
      trailArn: "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org-governance",
      exemptPrincipals: ["arn:aws:iam::222233334444:role/OrganizationAccountAccessRole"],
    });
    assert.equal(content, JSON.stringify(expected));
  });

  it("attaches to each named OU instead of the root, and leaves the RCP out when asked", async () => {
    const result = await plan(
      stackConfig({
        guardrails: { targets: ["Security", "ou-7xk2-wkld0001"], resourceControlPolicy: false },
      }),
    );
    assert.deepEqual(
      ofType(result, POLICY).map((p) => p.inputs.type),
      ["SERVICE_CONTROL_POLICY"],
    );
    assert.deepEqual(
      ofType(result, ATTACHMENT)
        .map((a) => a.inputs.targetId)
        .sort(),
      ["ou-7xk2-sec00001", "ou-7xk2-wkld0001"],
    );
  });

  it("creates nothing when switched off", async () => {
    const result = await plan(stackConfig({ guardrails: { enabled: false } }));
    assert.deepEqual(ofType(result, POLICY), []);
    assert.equal(result.outputs.guardrails, undefined);
  });

  it("prints which targets get which policy, the accounts each covers, and the management-account notice once", async () => {
    const text = formatPlan(await plan(stackConfig()));
    assert.ok(
      text.includes(
        'Guardrails: SERVICE_CONTROL_POLICY and RESOURCE_CONTROL_POLICY attached to\n  root r-7xk2 "Root": 7 member accounts\n',
      ),
      text,
    );
    assert.equal(text.split(MANAGEMENT_ACCOUNT_NOTICE).length - 1, 1);
  });

  it("stops before any resource when exemptPrincipals leave out the role that deploys the archive", async () => {
    const attempt = runPlan({
      projectDir: PROJECT_DIR,
      config: stackConfig({ guardrails: { exemptPrincipals: ["arn:aws:iam::*:role/Deployer"] } }),
    });
    await assert.rejects(attempt, (error: PlanFailedError) => {
      assert.equal(error.isUserError, true);
      assert.deepEqual(
        error.registered.filter((r) => r.custom),
        [],
      );
      assert.equal(
        error.message,
        "org-governance:guardrails.exemptPrincipals: none matches arn:aws:iam::222233334444:role/OrganizationAccountAccessRole, the role this program deploys the archive with, so its next run could not change the archive; add it",
      );
      return true;
    });
  });

  it("asks for a fresh inventory, before any resource, when the snapshot predates policy types", async () => {
    const directory = mkdtempSync(path.join(tmpdir(), "org-governance-"));
    try {
      const sample = JSON.parse(readFileSync(SAMPLE_ORGANIZATION_PATH, "utf8"));
      delete sample.roots[0].policyTypes;
      const file = path.join(directory, "old-snapshot.json");
      writeFileSync(file, JSON.stringify(sample));
      const attempt = runPlan({ projectDir: PROJECT_DIR, config: stackConfig(), snapshotFile: file });
      await assert.rejects(attempt, (error: PlanFailedError) => {
        assert.equal(error.isUserError, true);
        assert.deepEqual(
          error.registered.filter((r) => r.custom),
          [],
        );
        assert.match(
          error.message,
          /^org-governance:guardrails: the organization snapshot does not record which policy types root r-7xk2 has enabled .*npm run inventory/,
        );
        return true;
      });
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

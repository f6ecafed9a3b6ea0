import assert from "node:assert/strict";
import { placeholderKeyArn } from "../../../lib/guardrails/limits";
import { guardrailSummary, planGuardrails, type GuardrailPlanInput } from "../../../lib/guardrails/plan";
import { configProblemsOf } from "../../support/config-problems";
import { buildSnapshot, ROOT_ID } from "../../support/snapshot-builder";

const DEPLOYER = "arn:aws:iam::222233334444:role/OrganizationAccountAccessRole";

function input(guardrails: Partial<GuardrailPlanInput["config"]["guardrails"]> = {}): GuardrailPlanInput {
  return {
    config: {
      guardrails: { enabled: true, targets: "root", resourceControlPolicy: true, ...guardrails },
      partition: "aws",
      region: "eu-west-1",
    },
    organization: buildSnapshot({ name: "Log Archive", id: "222233334444" }),
    trailArn: "arn:aws:cloudtrail:eu-west-1:111122223333:trail/org-governance",
    archive: { accountId: "222233334444", roleArn: DEPLOYER },
  };
}

/** The root at AWS Organizations' limit of five policies of each type ("Quotas for AWS Organizations"). */
function rootAtAttachmentLimit(planInput: GuardrailPlanInput): GuardrailPlanInput {
  planInput.organization.roots[0].attachedPolicyCounts = {
    SERVICE_CONTROL_POLICY: 5,
    RESOURCE_CONTROL_POLICY: 5,
  };
  return planInput;
}

describe("planGuardrails", () => {
  it("reports a target that names no root or OU under the targets key, instead of planning without it", () => {
    const problems = configProblemsOf(() => planGuardrails(input({ targets: ["Nowhere"] })));
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^org-governance:guardrails\.targets\[0\]: no root or OU .* "Nowhere"/);
  });

  it("accepts further exemptions beside the role that deploys the archive", () => {
    const plan = planGuardrails(input({ exemptPrincipals: ["arn:aws:iam::*:role/BreakGlass", DEPLOYER] }));
    assert.deepEqual(plan?.exemptPrincipals, ["arn:aws:iam::*:role/BreakGlass", DEPLOYER]);
  });

  it("checks the attachment limit for both policies, and for the RCP only when it is created", () => {
    const problems = configProblemsOf(() => planGuardrails(rootAtAttachmentLimit(input())));
    assert.equal(problems.length, 2);
    assert.match(
      problems[0],
      new RegExp(`root ${ROOT_ID} "Root" already has 5 service control policy attachments`),
    );
    assert.match(problems[1], /already has 5 resource control policy attachments/);

    const withoutRcp = configProblemsOf(() =>
      planGuardrails(rootAtAttachmentLimit(input({ resourceControlPolicy: false }))),
    );
    assert.equal(withoutRcp.length, 1);
    assert.match(withoutRcp[0], /service control policy attachments/);
  });

  it("the summary names the policies created: the SCP, and the RCP unless switched off", () => {
    const both = planGuardrails(input());
    assert.ok(both);
    assert.deepEqual(guardrailSummary(both).policies, ["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"]);
    const scpOnly = planGuardrails(input({ resourceControlPolicy: false }));
    assert.ok(scpOnly);
    assert.deepEqual(guardrailSummary(scpOnly).policies, ["SERVICE_CONTROL_POLICY"]);
  });
});

// The size check runs before KMS assigns the key's id, so the stand-in must be as long as a real key ARN.
describe("placeholderKeyArn", () => {
  it("is a KMS key ARN of the partition, region and account, with a UUID-long key id", () => {
    assert.match(
      placeholderKeyArn("aws-us-gov", "us-gov-west-1", "111122223333"),
      new RegExp(`^arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/[0-9a-f-]{36}$`),
    );
  });
});

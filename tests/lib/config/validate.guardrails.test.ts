import assert from "node:assert/strict";
import { ConfigError, validateStackConfig } from "../../../lib/config/validate";
import { rawConfig } from "../../support/raw-config";

const KEY = "org-governance:guardrails";

function problemsOf(raw: Record<string, string>): string[] {
  try {
    validateStackConfig(raw);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    for (const line of error.problems) assert.doesNotMatch(line, /\n/);
    return error.problems;
  }
  assert.fail("expected a ConfigError");
}

describe("validateStackConfig: guardrails", () => {
  it("turns the guardrails on for the root, with the RCP, whenever the program creates the trail", () => {
    const { guardrails } = validateStackConfig(rawConfig());
    assert.deepEqual(guardrails, { enabled: true, targets: "root", resourceControlPolicy: true });
  });

  it("leaves them off by default when the program adds monitoring to an existing trail", () => {
    const config = validateStackConfig(
      rawConfig({
        trail: { create: false },
        monitoring: { logGroupName: "aws-controltower/CloudTrailLogs" },
      }),
    );
    assert.equal(config.guardrails.enabled, false);
  });

  it("keeps targets, exemptions and the RCP switch as written", () => {
    const guardrails = {
      targets: ["Security", "ou-7xk2-wkld0001"],
      exemptPrincipals: ["arn:aws:iam::*:role/OrganizationAccountAccessRole"],
      resourceControlPolicy: false,
    };
    assert.deepEqual(validateStackConfig(rawConfig({ guardrails })).guardrails, {
      enabled: true,
      ...guardrails,
    });
  });

  it("refuses guardrails without the trail they protect", () => {
    const problems = problemsOf(
      rawConfig({
        trail: { create: false },
        monitoring: { logGroupName: "aws-controltower/CloudTrailLogs" },
        guardrails: { enabled: true },
      }),
    );
    assert.deepEqual(problems, [
      `${KEY}.enabled: true needs the trail and archive this program creates (org-governance:trail.create is false); set ${KEY}.enabled false`,
    ]);
  });

  it("refuses an empty target list and an unknown key, then a wildcard exemption, one line each", () => {
    const problems = problemsOf(
      rawConfig({ guardrails: { targets: [], exemptPrincipals: ["*"], exempt: true } }),
    );
    assert.deepEqual(problems.sort(), [
      `${KEY}.exempt: unknown key; remove it or fix its spelling`,
      `${KEY}.targets: expected at least one OU id or name, or "root" (got [])`,
    ]);
    const wildcard = problemsOf(rawConfig({ guardrails: { exemptPrincipals: ["arn:aws:iam::*:role/*"] } }));
    assert.equal(wildcard.length, 1);
    assert.match(
      wildcard[0],
      /^org-governance:guardrails\.exemptPrincipals\[0\]: .* disables the guardrail;/,
    );
  });

  it("accepts a delegated administrator only with the trail it administers", () => {
    assert.equal(
      validateStackConfig(rawConfig({ trail: { delegatedAdministrator: "Audit" } })).trail
        .delegatedAdministrator,
      "Audit",
    );
    const problems = problemsOf(
      rawConfig({
        trail: { create: false, delegatedAdministrator: "Audit" },
        monitoring: { logGroupName: "aws-controltower/CloudTrailLogs" },
      }),
    );
    assert.deepEqual(problems, [
      "org-governance:trail.delegatedAdministrator: needs the trail this program creates (org-governance:trail.create is false); remove it",
    ]);
  });
});

import assert from "node:assert/strict";
import {
  arnLikeMatches,
  exemptPrincipalProblems,
  isWildcardPrincipal,
} from "../../../lib/guardrails/exempt-principals";

const KEY = "org-governance:guardrails.exemptPrincipals";

describe("exempt principals", () => {
  it("calls a pattern a wildcard when it names no role or user but every one of them", () => {
    for (const pattern of [
      "*",
      "arn:*",
      "arn:aws:iam::*:role/*",
      "arn:aws:iam::222233334444:role/*",
      "arn:aws:iam::*:user/*",
      "arn:aws:iam::*:*",
    ]) {
      assert.equal(isWildcardPrincipal(pattern), true, pattern);
    }
  });

  it("does not call a named role a wildcard, in one account or in every account", () => {
    for (const pattern of [
      "arn:aws:iam::222233334444:role/OrganizationAccountAccessRole",
      "arn:aws:iam::*:role/OrgGovernanceDeployer",
      "arn:aws:iam::222233334444:role/deploy/*",
      "arn:aws:iam::222233334444:role/Deployer-*",
    ]) {
      assert.equal(isWildcardPrincipal(pattern), false, pattern);
    }
  });

  it("reports a wildcard and a non-ARN, one line each, naming the index", () => {
    const problems = exemptPrincipalProblems(
      ["arn:aws:iam::222233334444:role/Deployer", "arn:aws:iam::*:role/*", "Deployer"],
      KEY,
    );
    assert.equal(problems.length, 2);
    assert.match(
      problems[0],
      /^org-governance:guardrails\.exemptPrincipals\[1\]: "arn:aws:iam::\*:role\/\*" exempts every principal it matches, which disables the guardrail;/,
    );
    assert.match(
      problems[1],
      /^org-governance:guardrails\.exemptPrincipals\[2\]: expected an IAM role or user ARN pattern .* \(got "Deployer"\)$/,
    );
  });

  it("matches ARNs as ArnLike does: * any run, ? one character ('IAM JSON policy elements: Condition operators')", () => {
    const role = "arn:aws:iam::222233334444:role/OrganizationAccountAccessRole";
    assert.ok(arnLikeMatches(role, role));
    assert.ok(arnLikeMatches("arn:aws:iam::*:role/Organization*", role));
    assert.ok(arnLikeMatches("arn:aws:iam::22223333444?:role/OrganizationAccountAccessRole", role));
    assert.ok(!arnLikeMatches("arn:aws:iam::*:role/Deployer", role));
    assert.ok(!arnLikeMatches("arn:aws:iam::222233334444:role/Organization.ccountAccessRole", role));
  });
});

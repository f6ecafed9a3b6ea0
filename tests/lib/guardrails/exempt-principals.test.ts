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

  it("calls a role or user name of wildcards and slashes only a wildcard, however many", () => {
    for (const pattern of [
      "arn:aws:iam::*:role/**",
      "arn:aws:iam::222233334444:user/*/*",
      "arn:aws:iam::*:role/",
    ]) {
      assert.equal(isWildcardPrincipal(pattern), true, pattern);
    }
  });

  it("calls a non-ARN pattern of ? wildcards only a wildcard", () => {
    for (const pattern of ["?", "???", ""]) assert.equal(isWildcardPrincipal(pattern), true, pattern);
  });

  it("refuses, as not a role or user ARN, a pattern with text before arn: or after the name", () => {
    const problems = exemptPrincipalProblems(
      [
        "xarn:aws:iam::222233334444:role/Deployer",
        "arn:aws:iam::222233334444:role/Deployer:extra",
        // Not role/ or user/ right after the account: wildcards elsewhere do not make it a wildcard.
        "arn:aws:iam::*:*/role/*",
        "arn:aws:iam::*:role/*:*",
      ],
      KEY,
    );
    assert.equal(problems.length, 4);
    for (const line of problems) assert.match(line, /: expected an IAM role or user ARN pattern /);
  });

  it("matches literal characters of a role name as themselves (role names allow +=,.@-)", () => {
    const role = "arn:aws:iam::222233334444:role/deploy.bot+ci";
    assert.ok(arnLikeMatches(role, role));
  });
});

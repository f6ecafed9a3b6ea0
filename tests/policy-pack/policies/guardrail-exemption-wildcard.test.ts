import assert from "node:assert/strict";
import { checkExemptionWildcard } from "../../../policy-pack/policies/guardrail-exemption-wildcard";
import type { ResourceView } from "../../../policy-pack/lib/wrap";
import {
  buildGuardrailResourceControlPolicy,
  buildGuardrailServiceControlPolicy,
} from "../../support/guardrail-fixtures";
import { UNKNOWN, otherResource, reasonOf } from "../fixtures";

function organizationPolicy(type: string, content: unknown): ResourceView {
  return {
    type: "aws:organizations/policy:Policy",
    urn: "urn:pulumi:dev::org-governance::aws:organizations/policy:Policy::guardrails-scp",
    name: "guardrails-scp",
    props: { type, content },
  };
}

const scp = (exempt: string[]) =>
  organizationPolicy("SERVICE_CONTROL_POLICY", JSON.stringify(buildGuardrailServiceControlPolicy(exempt)));

describe("guardrail-exemption-wildcard", () => {
  it("passes the program's SCP, which exempts the deployment role, and its RCP, which exempts no one", () => {
    assert.equal(
      checkExemptionWildcard(scp(["arn:aws:iam::222233334444:role/Deployer"])).status,
      "compliant",
    );
    const rcp = organizationPolicy(
      "RESOURCE_CONTROL_POLICY",
      JSON.stringify(buildGuardrailResourceControlPolicy()),
    );
    assert.equal(checkExemptionWildcard(rcp).status, "compliant");
  });

  for (const wildcard of ["*", "arn:aws:iam::*:role/*", "arn:aws:iam::222233334444:role/*"]) {
    it(`fails an SCP whose exemptions include ${wildcard}`, () => {
      const result = checkExemptionWildcard(scp(["arn:aws:iam::222233334444:role/Deployer", wildcard]));
      assert.equal(result.status, "non-compliant");
      assert.match(
        reasonOf(result),
        /^statement "ProtectArchiveBuckets" of "guardrails-scp" exempts the principal pattern/,
      );
    });
  }

  it("fails an RCP exempting every role through StringNotLikeIfExists", () => {
    const content = JSON.stringify({
      Version: "2012-10-17",
      Statement: [
        {
          Effect: "Deny",
          Principal: "*",
          Action: "s3:*",
          Resource: "*",
          Condition: { StringNotLikeIfExists: { "aws:PrincipalARN": "arn:aws:iam::*:role/*" } },
        },
      ],
    });
    const result = checkExemptionWildcard(organizationPolicy("RESOURCE_CONTROL_POLICY", content));
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /^a statement of "guardrails-scp"/);
  });

  // "Single-valued vs. multivalued context keys" (IAM user guide): a set operator on the single-valued
  // aws:PrincipalArn judges a one-element set, so it exempts exactly as the plain operator does.
  for (const operator of ["ForAnyValue:StringNotLike", "ForAllValues:ArnNotLike"]) {
    it(`fails an SCP exempting every principal through ${operator}`, () => {
      const content = JSON.stringify({
        Version: "2012-10-17",
        Statement: [
          {
            Sid: "ProtectTrail",
            Effect: "Deny",
            Action: "cloudtrail:StopLogging",
            Resource: "*",
            Condition: { [operator]: { "aws:PrincipalArn": "*" } },
          },
        ],
      });
      const result = checkExemptionWildcard(organizationPolicy("SERVICE_CONTROL_POLICY", content));
      assert.equal(result.status, "non-compliant");
      assert.match(
        reasonOf(result),
        /^statement "ProtectTrail" of "guardrails-scp" exempts the principal pattern "\*"/,
      );
    });
  }

  it("waits for content known only after deployment, naming the policy", () => {
    const result = checkExemptionWildcard(organizationPolicy("SERVICE_CONTROL_POLICY", UNKNOWN));
    assert.equal(result.status, "unknown");
    assert.match(reasonOf(result), /content of "guardrails-scp"/);
  });

  it("does not apply to other resources or other policy types, saying why", () => {
    const bucket = checkExemptionWildcard(otherResource());
    assert.equal(bucket.status, "not-applicable");
    assert.match(reasonOf(bucket), /not an organization policy/);
    const tagPolicy = checkExemptionWildcard(organizationPolicy("TAG_POLICY", "{}"));
    assert.equal(tagPolicy.status, "not-applicable");
    assert.match(reasonOf(tagPolicy), /TAG_POLICY, which exempts no principal/);
  });

  it("does not judge content that is no JSON policy document", () => {
    const result = checkExemptionWildcard(organizationPolicy("SERVICE_CONTROL_POLICY", "{not json"));
    assert.equal(result.status, "not-applicable");
    assert.match(reasonOf(result), /not a JSON policy document/);
  });
});

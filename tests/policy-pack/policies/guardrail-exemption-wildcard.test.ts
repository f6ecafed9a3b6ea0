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

  it("waits for content known only after deployment", () => {
    assert.equal(
      checkExemptionWildcard(organizationPolicy("SERVICE_CONTROL_POLICY", UNKNOWN)).status,
      "unknown",
    );
  });

  it("does not apply to other resources or other policy types", () => {
    assert.equal(checkExemptionWildcard(otherResource()).status, "not-applicable");
    assert.equal(checkExemptionWildcard(organizationPolicy("TAG_POLICY", "{}")).status, "not-applicable");
  });
});

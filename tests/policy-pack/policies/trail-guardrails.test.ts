import assert from "node:assert/strict";
import { checkTrailGuardrails } from "../../../policy-pack/policies/trail-guardrails";
import { buildGuardrailServiceControlPolicy } from "../../support/guardrail-fixtures";
import { compliantStack, previewStack, reasonOf, single, urnNamed, withProps, without } from "../fixtures";

const SCP = "guardrails-scp";
const ATTACHMENT = "guardrails-scp-r-7xk2";

describe("trail-guardrails", () => {
  it("passes an organization trail whose archive an attached SCP protects, reporting on the trail", () => {
    const finding = single(checkTrailGuardrails(compliantStack()));
    assert.equal(finding.status, "compliant");
    assert.equal(finding.urn, urnNamed(compliantStack(), "org-trail"));
  });

  it("flags a trail and archive with no guardrail at all", () => {
    const finding = single(checkTrailGuardrails(without(compliantStack(), SCP, ATTACHMENT)));
    assert.equal(finding.status, "non-compliant");
    assert.match(
      reasonOf(finding),
      /^Trail "org-trail" and its archive are protected by no attached service control policy that denies cloudtrail:StopLogging/,
    );
  });

  it("flags a guardrail that is created but never attached", () => {
    assert.equal(single(checkTrailGuardrails(without(compliantStack(), ATTACHMENT))).status, "non-compliant");
  });

  it("flags an attached SCP that does not deny stopping the trail", () => {
    const weak = buildGuardrailServiceControlPolicy();
    weak.Statement = weak.Statement.filter((s) => s.Sid !== "ProtectOrganizationTrail");
    const stack = withProps(compliantStack(), SCP, { content: JSON.stringify(weak) });
    assert.equal(single(checkTrailGuardrails(stack)).status, "non-compliant");
  });

  it("counts a wildcard action (cloudtrail:*, s3:*) as a denial", () => {
    const broad = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Deny", Action: ["cloudtrail:*", "s3:*"], Resource: "*" }],
    });
    const stack = withProps(compliantStack(), SCP, { content: broad });
    assert.equal(single(checkTrailGuardrails(stack)).status, "compliant");
  });

  it("links the attachment through its dependency in preview, and waits for the content", () => {
    const finding = single(checkTrailGuardrails(previewStack()));
    assert.equal(finding.status, "unknown");
    assert.match(reasonOf(finding), /the content of Policy "guardrails-scp" is not known during preview/);
  });

  it("does not apply without an organization trail, nor to a trail whose archive lives elsewhere", () => {
    const singleAccount = withProps(compliantStack(), "org-trail", { isOrganizationTrail: false });
    assert.equal(single(checkTrailGuardrails(singleAccount)).status, "not-applicable");
    assert.equal(single(checkTrailGuardrails(without(compliantStack(), "archive"))).status, "not-applicable");
  });
});

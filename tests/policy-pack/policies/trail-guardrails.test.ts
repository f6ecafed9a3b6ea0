import assert from "node:assert/strict";
import { checkTrailGuardrails } from "../../../policy-pack/policies/trail-guardrails";
import { buildGuardrailServiceControlPolicy } from "../../support/guardrail-fixtures";
import {
  UNKNOWN,
  compliantStack,
  previewStack,
  reasonOf,
  single,
  urnNamed,
  withDependencies,
  withProps,
  without,
} from "../fixtures";

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
      /^Trail "org-trail" and its archive are protected by no attached service control policy that denies cloudtrail:StopLogging, cloudtrail:DeleteTrail, s3:DeleteBucket, s3:PutBucketPolicy;/,
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
    const noTrail = single(checkTrailGuardrails(singleAccount));
    assert.equal(noTrail.status, "not-applicable");
    assert.match(reasonOf(noTrail), /no organization trail/);
    const elsewhere = single(checkTrailGuardrails(without(compliantStack(), "archive")));
    assert.equal(elsewhere.status, "not-applicable");
    assert.match(reasonOf(elsewhere), /archive bucket of Trail "org-trail" is not created by this stack/);
    // The engine lists a property's dependencies even when there are none: an empty list links no bucket.
    const noDependency = withDependencies(without(compliantStack(), "archive"), "org-trail", {
      s3BucketName: [],
    });
    assert.equal(single(checkTrailGuardrails(noDependency)).status, "not-applicable");
  });

  it("finds the archive through the trail's dependency when the trail's bucket name is known only after deployment", () => {
    const unnamed = withProps(withProps(compliantStack(), "archive", { bucket: undefined }), "org-trail", {
      s3BucketName: UNKNOWN,
    });
    const linked = withDependencies(unnamed, "org-trail", { s3BucketName: [urnNamed(unnamed, "archive")] });
    assert.equal(single(checkTrailGuardrails(linked)).status, "compliant");
  });

  it("does not take an unnamed bucket for the archive of a trail that names none", () => {
    // Without a bucket name or a dependency nothing links the two: an absent name matches no bucket.
    const unlinked = withProps(without(compliantStack(), SCP, ATTACHMENT), "org-trail", {
      s3BucketName: undefined,
    });
    const stack = withProps(unlinked, "archive", { bucket: undefined });
    assert.equal(single(checkTrailGuardrails(stack)).status, "not-applicable");
  });
});

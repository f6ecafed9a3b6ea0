import assert from "node:assert/strict";
import { checkTags, cloudtrailTags } from "../../../policy-pack/policies/cloudtrail-tags";
import { runPolicy } from "../../support/reliability/policy-runs";
import { UNKNOWN, compliantStack, compliantTrail, otherResource, reasonOf, withProps } from "../fixtures";

const REQUIRED = { requiredKeys: ["owner", "data-classification"] };

describe("cloudtrail-tags", () => {
  it("passes a trail with the required tags", () => {
    assert.equal(checkTags(compliantTrail(), REQUIRED).status, "compliant");
  });

  it("fails a trail without tags even when no key is required", () => {
    const result = checkTags(compliantTrail({ tags: undefined }), { requiredKeys: [] });
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /no tags/);
  });

  it("fails missing or empty required keys, naming them", () => {
    const result = checkTags(compliantTrail({ tags: { owner: "" } }), REQUIRED);
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /"owner", "data-classification" are missing or empty/);
  });

  it("does not apply to other resource types", () => {
    assert.equal(checkTags(otherResource(), REQUIRED).status, "not-applicable");
  });

  it("cannot judge tag values that are unknown during preview", () => {
    assert.equal(
      checkTags(compliantTrail({ tags: { owner: UNKNOWN, "data-classification": "audit" } }), REQUIRED)
        .status,
      "unknown",
    );
    assert.equal(checkTags(compliantTrail({ tags: UNKNOWN }), REQUIRED).status, "unknown");
  });

  it("counts tagsAll, where the provider's default tags appear", () => {
    const trail = compliantTrail({
      tags: undefined,
      tagsAll: { owner: "security", "data-classification": "audit" },
    });
    assert.equal(checkTags(trail, REQUIRED).status, "compliant");
  });

  it("requires no particular key when the policy is not configured: any tag will do", () => {
    const stack = withProps(compliantStack(), "org-trail", { tags: { team: "audit" } });
    assert.deepEqual(runPolicy(cloudtrailTags, stack).violations, []);
  });

  it("reads `tags` when `tagsAll` is present but empty", () => {
    const trail = compliantTrail({ tagsAll: {} });
    assert.equal(checkTags(trail, REQUIRED).status, "compliant");
  });

  it("fails a required key whose value is only blanks", () => {
    const trail = compliantTrail({ tags: { owner: "  ", "data-classification": "audit" } });
    assert.match(reasonOf(checkTags(trail, REQUIRED)), /^tags "owner" are missing or empty/);
  });

  it("names what it cannot judge during preview: the tags, or a required value", () => {
    assert.match(reasonOf(checkTags(compliantTrail({ tags: UNKNOWN }), REQUIRED)), /^`tags` is not known/);
    const value = compliantTrail({ tags: { owner: UNKNOWN, "data-classification": "audit" } });
    assert.match(reasonOf(checkTags(value, REQUIRED)), /^a required tag value is not known/);
  });
});

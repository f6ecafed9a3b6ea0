import assert from "node:assert/strict";
import { checkMultiRegion } from "../../../policy-pack/policies/cloudtrail-multi-region";
import { UNKNOWN, compliantTrail, otherResource, reasonOf } from "../fixtures";

describe("cloudtrail-multi-region", () => {
  it("passes a multi-Region trail", () => {
    assert.equal(checkMultiRegion(compliantTrail()).status, "compliant");
  });

  it("fails a single-Region trail and says how to fix it", () => {
    const result = checkMultiRegion(compliantTrail({ isMultiRegionTrail: false }));
    assert.equal(result.status, "non-compliant");
    assert.match(
      reasonOf(result),
      /`isMultiRegionTrail` is false: activity in other Regions goes unrecorded; set `isMultiRegionTrail: true`/,
    );
  });

  it("fails a trail that leaves the setting to the AWS default (single Region)", () => {
    const result = checkMultiRegion(compliantTrail({ isMultiRegionTrail: undefined }));
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /not set \(AWS default false\)/);
  });

  it("does not apply to other resource types", () => {
    assert.equal(checkMultiRegion(otherResource()).status, "not-applicable");
  });

  it("cannot judge a value that is unknown during preview", () => {
    const result = checkMultiRegion(compliantTrail({ isMultiRegionTrail: UNKNOWN }));
    assert.equal(result.status, "unknown");
    assert.match(reasonOf(result), /not known during preview.*`pulumi up`.*`pulumi policy analyze`/);
  });
});

import assert from "node:assert/strict";
import { checkS3DataEvents } from "../../../policy-pack/policies/cloudtrail-s3-data-events";
import { ARCHIVE_BUCKET, UNKNOWN, compliantTrail, otherResource, reasonOf } from "../fixtures";

const MANAGEMENT = { fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] };

function s3Objects(...extra: Record<string, unknown>[]) {
  return {
    fieldSelectors: [
      { field: "eventCategory", equals: ["Data"] },
      { field: "resources.type", equals: ["AWS::S3::Object"] },
      ...extra,
    ],
  };
}

describe("cloudtrail-s3-data-events", () => {
  it("passes a write-only S3 object selector", () => {
    assert.equal(checkS3DataEvents(compliantTrail()).status, "compliant");
  });

  it("passes a selector that excludes only the trail's own bucket", () => {
    const trail = compliantTrail({
      advancedEventSelectors: [
        MANAGEMENT,
        s3Objects({ field: "resources.ARN", notStartsWiths: [`arn:aws:s3:::${ARCHIVE_BUCKET}/`] }),
      ],
    });
    assert.equal(checkS3DataEvents(trail).status, "compliant");
  });

  // @pulumi/aws v7's TrailAdvancedEventSelectorFieldSelector has plural operators only; the singular
  // `notStartsWith` is not an operator, and CloudTrail would never see the exclusion it was meant to be.
  it("fails a selector with an unknown operator name instead of treating it as an exclusion", () => {
    const trail = compliantTrail({
      advancedEventSelectors: [
        MANAGEMENT,
        s3Objects({ field: "resources.ARN", notStartsWith: [`arn:aws:s3:::${ARCHIVE_BUCKET}/`] }),
      ],
    });
    const result = checkS3DataEvents(trail);
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /resources\.ARN uses unknown operator notStartsWith/);
  });

  it("fails a trail with management events only", () => {
    const result = checkS3DataEvents(compliantTrail({ advancedEventSelectors: [MANAGEMENT] }));
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /no event selector selects AWS::S3::Object data events/);
  });

  it("fails read-only object logging", () => {
    const trail = compliantTrail({
      advancedEventSelectors: [s3Objects({ field: "readOnly", equals: ["true"] })],
    });
    const result = checkS3DataEvents(trail);
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /readOnly equals \[true\]/);
  });

  it("fails a selector limited to some buckets", () => {
    const trail = compliantTrail({
      advancedEventSelectors: [
        s3Objects({ field: "resources.ARN", startsWiths: ["arn:aws:s3:::one-bucket/"] }),
      ],
    });
    assert.match(
      reasonOf(checkS3DataEvents(trail)),
      /resources\.ARN startsWiths \[arn:aws:s3:::one-bucket\/\]/,
    );
  });

  it("judges basic data resources too", () => {
    const basic = (readWriteType: string, values: string[]) =>
      compliantTrail({
        advancedEventSelectors: undefined,
        eventSelectors: [{ readWriteType, dataResources: [{ type: "AWS::S3::Object", values }] }],
      });
    assert.equal(checkS3DataEvents(basic("WriteOnly", ["arn:aws:s3"])).status, "compliant");
    assert.equal(checkS3DataEvents(basic("All", ["arn:aws:s3:::"])).status, "compliant");
    assert.equal(checkS3DataEvents(basic("ReadOnly", ["arn:aws:s3"])).status, "non-compliant");
    assert.equal(checkS3DataEvents(basic("All", ["arn:aws:s3:::one-bucket/"])).status, "non-compliant");
  });

  it("does not apply to other resource types", () => {
    assert.equal(checkS3DataEvents(otherResource()).status, "not-applicable");
  });

  it("cannot judge selectors that are unknown during preview", () => {
    assert.equal(checkS3DataEvents(compliantTrail({ advancedEventSelectors: UNKNOWN })).status, "unknown");
  });
});

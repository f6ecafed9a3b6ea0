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

  // "Logging data events" (CloudTrail User Guide): resources.type names the one resource type a selector
  // logs, so a selector for DynamoDB tables logs no S3 object event however it is filtered.
  it("fails a trail whose data events cover only DynamoDB", () => {
    const dynamo = {
      fieldSelectors: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::DynamoDB::Table"] },
      ],
    };
    const advanced = compliantTrail({ advancedEventSelectors: [MANAGEMENT, dynamo] });
    assert.equal(checkS3DataEvents(advanced).status, "non-compliant");
    const basic = compliantTrail({
      advancedEventSelectors: undefined,
      eventSelectors: [
        { readWriteType: "All", dataResources: [{ type: "AWS::DynamoDB::Table", values: ["arn:aws:s3"] }] },
      ],
    });
    assert.equal(checkS3DataEvents(basic).status, "non-compliant");
  });

  it("fails S3 object selectors that are not data selectors, and a trail without selectors", () => {
    const notData = {
      fieldSelectors: [
        { field: "eventCategory", equals: ["Management"] },
        { field: "resources.type", equals: ["AWS::S3::Object"] },
      ],
    };
    const noCategory = { fieldSelectors: [{ field: "resources.type", equals: ["AWS::S3::Object"] }] };
    const noType = { fieldSelectors: [{ field: "eventCategory", equals: ["Data"] }] };
    for (const selector of [notData, noCategory, noType]) {
      assert.equal(
        checkS3DataEvents(compliantTrail({ advancedEventSelectors: [selector] })).status,
        "non-compliant",
      );
    }
    const none = compliantTrail({ advancedEventSelectors: undefined, eventSelectors: undefined });
    assert.equal(checkS3DataEvents(none).status, "non-compliant");
  });

  it("fails a selector that includes only some buckets, or writes only under a prefix, naming the field", () => {
    for (const narrowing of [
      { field: "resources.ARN", startsWiths: [`arn:aws:s3:::${ARCHIVE_BUCKET}/`] },
      { field: "resources.ARN", equals: [`arn:aws:s3:::${ARCHIVE_BUCKET}/x`] },
      { field: "resources.ARN", endsWiths: [".json"] },
      { field: "resources.ARN", notStartsWiths: ["arn:aws:s3:::a/"], startsWiths: ["arn:aws:s3:::b/"] },
      { field: "eventName", equals: ["PutObject"] },
    ]) {
      const result = checkS3DataEvents(compliantTrail({ advancedEventSelectors: [s3Objects(narrowing)] }));
      assert.equal(result.status, "non-compliant", JSON.stringify(narrowing));
      assert.match(reasonOf(result), new RegExp(narrowing.field.replace(".", "\\.")));
    }
  });

  it("passes a selector that excludes named buckets or objects in them, and basic selectors after others", () => {
    const trail = compliantTrail({
      advancedEventSelectors: [
        s3Objects({
          field: "resources.ARN",
          notEquals: ["arn:aws:s3:::a/x"],
          notStartsWiths: ["arn:aws:s3:::b/", "arn:aws-cn:s3:::c/logs/"],
        }),
      ],
    });
    assert.equal(checkS3DataEvents(trail).status, "compliant");
    const basic = compliantTrail({
      advancedEventSelectors: undefined,
      eventSelectors: [
        {
          readWriteType: "All",
          dataResources: [{ type: "AWS::Lambda::Function", values: ["arn:aws:lambda"] }],
        },
        { dataResources: "none" },
        { dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws-cn:s3"] }] },
      ],
    });
    assert.equal(checkS3DataEvents(basic).status, "compliant");
  });

  // "AdvancedFieldSelector" (CloudTrail API Reference): NotStartsWith and NotEndsWith compare the object
  // ARN as text, so a prefix shorter than one bucket (`arn:aws:s3:::`, `arn:aws:s3:::org`) or any suffix
  // excludes objects of every bucket: the trail then misses writes the rule exists for.
  it("fails an exclusion that reaches beyond named buckets", () => {
    for (const exclusion of [
      { field: "resources.ARN", notStartsWiths: ["arn:aws:s3:::"] },
      { field: "resources.ARN", notStartsWiths: ["arn:aws:s3:::org"] },
      { field: "resources.ARN", notStartsWiths: [`arn:aws:s3:::${ARCHIVE_BUCKET}/`, "arn:"] },
      { field: "resources.ARN", notEndsWiths: [".json.gz"] },
      { field: "resources.ARN", notEquals: ["arn:aws:s3:::"] },
    ]) {
      const result = checkS3DataEvents(compliantTrail({ advancedEventSelectors: [s3Objects(exclusion)] }));
      assert.equal(result.status, "non-compliant", JSON.stringify(exclusion));
      assert.match(reasonOf(result), /resources\.ARN not/);
    }
  });

  it("passes a basic data resource whose values include every bucket beside single ones", () => {
    const trail = compliantTrail({
      advancedEventSelectors: undefined,
      eventSelectors: [
        {
          readWriteType: "All",
          dataResources: [{ type: "AWS::S3::Object", values: ["arn:aws:s3:::one/", "arn:aws:s3"] }],
        },
      ],
    });
    assert.equal(checkS3DataEvents(trail).status, "compliant");
  });

  it("says why matching selectors fall short, and what it cannot judge in preview", () => {
    const readOnly = compliantTrail({
      advancedEventSelectors: [MANAGEMENT, s3Objects({ field: "readOnly", equals: ["true"] })],
    });
    assert.match(
      reasonOf(checkS3DataEvents(readOnly)),
      /^the S3 object selectors fall short: readOnly equals \[true\]; select all S3 object write events$/,
    );
    const twoShort = compliantTrail({
      advancedEventSelectors: [
        s3Objects({ field: "readOnly", equals: ["true"] }),
        s3Objects({ field: "eventName", equals: ["PutObject"] }),
      ],
    });
    assert.match(
      reasonOf(checkS3DataEvents(twoShort)),
      /^the S3 object selectors fall short: readOnly equals \[true\]; eventName equals \[PutObject\]; select all/,
    );
    const unknown = compliantTrail({ advancedEventSelectors: UNKNOWN });
    assert.match(
      reasonOf(checkS3DataEvents(unknown)),
      /^the trail's event selector list is not known during preview/,
    );
  });
});

import assert from "node:assert/strict";
import {
  managementCoverage,
  s3WriteDataCoverage,
  selectorsOf,
} from "../../../policy-pack/lib/event-selectors";
import type { TrailProps } from "../../../policy-pack/lib/trail";
import { ARCHIVE_BUCKET } from "../fixtures";

const MANAGEMENT = { field: "eventCategory", equals: ["Management"] };
const S3_OBJECTS = [
  { field: "eventCategory", equals: ["Data"] },
  { field: "resources.type", equals: ["AWS::S3::Object"] },
];
const ALL_BUCKETS = { type: "AWS::S3::Object", values: ["arn:aws:s3"] };

function judged(trail: TrailProps) {
  const selectors = selectorsOf(trail);
  if (selectors.kind === "unknown") throw new Error("expected known selectors");
  return { management: managementCoverage(selectors), s3: s3WriteDataCoverage(selectors) };
}

function advanced(...fieldSelectors: Record<string, unknown>[]) {
  return judged({ advancedEventSelectors: [{ fieldSelectors }] });
}

describe("event selectors", () => {
  // https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html:
  // a trail without selectors logs every management event and no data event.
  it("reads a trail without selectors as all management events, nothing narrowed, and no S3 data events", () => {
    assert.deepEqual(judged({}), {
      management: { reads: true, writes: true, narrowedBy: [] },
      s3: { covered: false, shortfalls: [] },
    });
    const managementOnly = { covered: false, shortfalls: [] };
    assert.deepEqual(judged({ eventSelectors: [{ readWriteType: "All" }] }).s3, managementOnly);
  });

  it("reports no shortfall once a selector covers all S3 object writes", () => {
    assert.deepEqual(judged({ eventSelectors: [{ dataResources: [ALL_BUCKETS] }] }).s3, {
      covered: true,
      shortfalls: [],
    });
    assert.deepEqual(advanced(...S3_OBJECTS).s3, { covered: true, shortfalls: [] });
  });

  for (const junk of [null, 42, "All", []]) {
    it(`ignores a basic selector that is not an object (${JSON.stringify(junk)}) instead of counting it`, () => {
      const coverage = judged({ eventSelectors: [junk] }).management;
      assert.deepEqual([coverage.reads, coverage.writes], [false, false]);
    });

    it(`ignores a field selector or data resource that is not an object (${JSON.stringify(junk)})`, () => {
      assert.equal(advanced(junk as never, MANAGEMENT).management.writes, true);
      const basic = judged({ eventSelectors: [{ dataResources: [junk, ALL_BUCKETS] }] });
      assert.equal(basic.s3.covered, true);
    });
  }

  it("ignores values that are not strings where CloudTrail takes a list of strings", () => {
    const narrowed = advanced(MANAGEMENT, { field: "eventSource", notEquals: [42, "kms.amazonaws.com"] });
    assert.deepEqual(narrowed.management.narrowedBy, ["eventSource notEquals [kms.amazonaws.com]"]);
  });

  it("names every unknown operator and lists the known ones", () => {
    const { narrowedBy } = advanced(MANAGEMENT, {
      field: "eventSource",
      notStartsWith: ["kms"],
      startsWith: ["iam"],
    }).management;
    assert.deepEqual(narrowedBy, [
      "eventSource uses unknown operator notStartsWith, startsWith (known: equals, notEquals, startsWiths, notStartsWiths, endsWiths, notEndsWiths)",
    ]);
  });

  it("describes a narrowing field with every operator and value it uses, or by its name alone", () => {
    const { narrowedBy } = advanced(
      MANAGEMENT,
      {
        field: "eventSource",
        notEquals: ["kms.amazonaws.com", "iam.amazonaws.com"],
        notStartsWiths: ["sts"],
      },
      { field: "eventName" },
    ).management;
    assert.deepEqual(narrowedBy, [
      "eventSource notEquals [kms.amazonaws.com, iam.amazonaws.com] notStartsWiths [sts]",
      "eventName",
    ]);
  });

  it("names every event source a basic selector excludes", () => {
    const coverage = judged({
      eventSelectors: [{ excludeManagementEventSources: ["kms.amazonaws.com", "rdsdata.amazonaws.com"] }],
    }).management;
    assert.deepEqual(coverage.narrowedBy, [
      "excludeManagementEventSources [kms.amazonaws.com, rdsdata.amazonaws.com]",
    ]);
  });

  // https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_DataResource.html: `arn:aws:s3`
  // (or `arn:aws:s3:::`) selects every bucket; anything longer names one bucket or a prefix in it.
  it("names the single buckets a basic data resource lists, and a read-only one", () => {
    const prefix = `arn:aws:s3:::${ARCHIVE_BUCKET}/reports/arn:aws:s3`;
    const single = judged({
      eventSelectors: [
        { dataResources: [{ type: "AWS::S3::Object", values: [`arn:aws:s3:::${ARCHIVE_BUCKET}/`, prefix] }] },
        { readWriteType: "ReadOnly", dataResources: [ALL_BUCKETS] },
      ],
    });
    assert.deepEqual(single.s3.shortfalls, [
      `dataResources values [arn:aws:s3:::${ARCHIVE_BUCKET}/, ${prefix}] name single buckets`,
      "readWriteType ReadOnly",
    ]);
  });

  it("counts as narrowing an ARN exclusion that is not an object ARN in a named bucket", () => {
    const odd = `x-arn:aws:s3:::${ARCHIVE_BUCKET}/`;
    const coverage = advanced(...S3_OBJECTS, { field: "resources.ARN", notStartsWiths: [odd] }).s3;
    assert.deepEqual(coverage, { covered: false, shortfalls: [`resources.ARN notStartsWiths [${odd}]`] });
  });

  it("accepts a bucket exclusion only on resources.ARN, not on another field", () => {
    const own = `arn:aws:s3:::${ARCHIVE_BUCKET}/`;
    const coverage = advanced(...S3_OBJECTS, { field: "eventName", notStartsWiths: [own] }).s3;
    assert.deepEqual(coverage, { covered: false, shortfalls: [`eventName notStartsWiths [${own}]`] });
  });
});

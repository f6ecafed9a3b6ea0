import assert from "node:assert/strict";
import fc from "fast-check";
import {
  AdvancedEventSelector,
  DataEventsSettings,
  FieldSelector,
  archiveActivitySelector,
  MANAGEMENT_EVENTS,
  trailEventSelectors,
} from "../../../lib/trail/event-selectors";

const ARCHIVE_BUCKET = "arn:aws:s3:::org-trail-archive-222233334444-eu-west-1";
const ACCESS_LOG_BUCKET = "arn:aws:s3:::org-trail-access-logs-222233334444-eu-west-1";
const OWN_BUCKETS = [ARCHIVE_BUCKET, ACCESS_LOG_BUCKET];

const S3_MODES = ["none", "WriteOnly", "ReadOnly", "All"] as const;

function settings(overrides: Partial<DataEventsSettings> = {}): DataEventsSettings {
  return { s3: "WriteOnly", lambda: false, dynamodb: false, archiveReads: true, ...overrides };
}

function resourceTypeOf(selector: AdvancedEventSelector): string | undefined {
  return selector.fieldSelectors.find((f) => f.field === "resources.type")?.equals?.[0];
}

function field(selector: AdvancedEventSelector, name: string): FieldSelector | undefined {
  return selector.fieldSelectors.find((f) => f.field === name);
}

function s3Selector(dataEvents: DataEventsSettings): AdvancedEventSelector {
  const selector = trailEventSelectors(dataEvents, OWN_BUCKETS, ARCHIVE_BUCKET).find(
    (s) => resourceTypeOf(s) === "AWS::S3::Object",
  );
  assert.ok(selector, "no S3 data event selector");
  return selector;
}

describe("FieldSelector", () => {
  it("is the provider's own type: a singular operator name does not compile", () => {
    const plural: FieldSelector = { field: "resources.ARN", notStartsWiths: ["arn:aws:s3:::b/"] };
    // @ts-expect-error -- @pulumi/aws v7 names the operator notStartsWiths (types/input.d.ts)
    const singular: FieldSelector = { field: "resources.ARN", notStartsWith: ["arn:aws:s3:::b/"] };
    assert.notDeepEqual(plural, singular);
  });
});

describe("MANAGEMENT_EVENTS", () => {
  it("selects all management events: no readOnly field and no excluded event sources", () => {
    assert.deepEqual(MANAGEMENT_EVENTS.fieldSelectors, [{ field: "eventCategory", equals: ["Management"] }]);
  });
});

describe("trailEventSelectors", () => {
  it("always starts with the management events selector", () => {
    for (const s3 of S3_MODES) {
      const selectors = trailEventSelectors(
        settings({ s3, lambda: true, dynamodb: true }),
        OWN_BUCKETS,
        ARCHIVE_BUCKET,
      );
      assert.deepEqual(selectors[0], MANAGEMENT_EVENTS);
      assert.equal(
        selectors.filter((s) => field(s, "eventCategory")?.equals?.[0] === "Management").length,
        1,
      );
    }
  });

  it("selects management events and the archive's own activity only when every data event is off", () => {
    assert.deepEqual(trailEventSelectors(settings({ s3: "none" }), OWN_BUCKETS, ARCHIVE_BUCKET), [
      MANAGEMENT_EVENTS,
      archiveActivitySelector(ARCHIVE_BUCKET, true),
    ]);
  });

  it("selects S3 object data events, excluding both of the trail's own buckets", () => {
    const selector = s3Selector(settings());
    assert.deepEqual(field(selector, "eventCategory"), { field: "eventCategory", equals: ["Data"] });
    assert.deepEqual(field(selector, "resources.ARN"), {
      field: "resources.ARN",
      notStartsWiths: [`${ARCHIVE_BUCKET}/`, `${ACCESS_LOG_BUCKET}/`],
    });
  });

  it("keeps write events for WriteOnly, read events for ReadOnly and both for All", () => {
    assert.deepEqual(field(s3Selector(settings({ s3: "WriteOnly" })), "readOnly"), {
      field: "readOnly",
      equals: ["false"],
    });
    assert.deepEqual(field(s3Selector(settings({ s3: "ReadOnly" })), "readOnly"), {
      field: "readOnly",
      equals: ["true"],
    });
    assert.equal(field(s3Selector(settings({ s3: "All" })), "readOnly"), undefined);
  });

  it("adds Lambda and DynamoDB data events when asked, without readOnly filters", () => {
    const selectors = trailEventSelectors(
      settings({ s3: "none", lambda: true, dynamodb: true }),
      OWN_BUCKETS,
      ARCHIVE_BUCKET,
    );
    assert.deepEqual(selectors.slice(1, -1).map(resourceTypeOf), [
      "AWS::Lambda::Function",
      "AWS::DynamoDB::Table",
    ]);
    for (const selector of selectors.slice(1, -1)) {
      assert.deepEqual(field(selector, "eventCategory")?.equals, ["Data"]);
      assert.equal(field(selector, "readOnly"), undefined);
    }
  });

  it("for any settings: one selector per enabled kind, unique names, own buckets never logged", () => {
    const anySettings = fc.record({
      s3: fc.constantFrom(...S3_MODES),
      lambda: fc.boolean(),
      dynamodb: fc.boolean(),
      archiveReads: fc.boolean(),
    });
    fc.assert(
      fc.property(anySettings, (dataEvents) => {
        const selectors = trailEventSelectors(dataEvents, OWN_BUCKETS, ARCHIVE_BUCKET);
        const expectedCount =
          2 + Number(dataEvents.s3 !== "none") + Number(dataEvents.lambda) + Number(dataEvents.dynamodb);
        assert.equal(selectors.length, expectedCount);
        assert.equal(new Set(selectors.map((s) => s.name)).size, selectors.length);
        for (const selector of selectors) {
          const name = selector.name ?? "";
          assert.ok(name.length > 0 && name.length <= 1000);
          assert.ok(selector.fieldSelectors.length > 0);
          if (resourceTypeOf(selector) === "AWS::S3::Object" && field(selector, "eventName") === undefined) {
            assert.deepEqual(
              field(selector, "resources.ARN")?.notStartsWiths,
              OWN_BUCKETS.map((arn) => `${arn}/`),
            );
          }
        }
      }),
    );
  });
});

// "AdvancedFieldSelector" (CloudTrail API reference): for data events, resources.ARN, eventName (any
// operator) and readOnly (Equals) are supported fields.
describe("archiveActivitySelector", () => {
  it("records every call on the archive's objects but PutObject, CloudTrail's deliveries (no loop)", () => {
    assert.deepEqual(archiveActivitySelector(ARCHIVE_BUCKET, true).fieldSelectors, [
      { field: "eventCategory", equals: ["Data"] },
      { field: "resources.type", equals: ["AWS::S3::Object"] },
      { field: "resources.ARN", startsWiths: [`${ARCHIVE_BUCKET}/`] },
      { field: "eventName", notEquals: ["PutObject"] },
    ]);
  });

  it("leaves reads (GetObject) out only when archiveReads is off", () => {
    assert.deepEqual(field(archiveActivitySelector(ARCHIVE_BUCKET, false), "readOnly"), {
      field: "readOnly",
      equals: ["false"],
    });
  });

  // The name is what `aws cloudtrail get-event-selectors` shows a reader: it says whether reads are kept.
  it("names the selector after what it records, saying so when reads are left out", () => {
    assert.equal(
      archiveActivitySelector(ARCHIVE_BUCKET, true).name,
      "The log archive's own objects: every call but CloudTrail's deliveries",
    );
    assert.equal(
      archiveActivitySelector(ARCHIVE_BUCKET, false).name,
      "The log archive's own objects: every call but CloudTrail's deliveries, writes only",
    );
  });

  it("is part of the trail's selectors whatever the data-event settings", () => {
    for (const s3 of S3_MODES) {
      const selectors = trailEventSelectors(
        settings({ s3, archiveReads: false }),
        OWN_BUCKETS,
        ARCHIVE_BUCKET,
      );
      assert.deepEqual(selectors.at(-1), archiveActivitySelector(ARCHIVE_BUCKET, false));
    }
  });
});

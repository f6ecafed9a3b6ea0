import assert from "node:assert/strict";
import { checkManagementEvents } from "../../../policy-pack/policies/cloudtrail-management-events";
import { UNKNOWN, compliantTrail, otherResource, reasonOf } from "../fixtures";

function management(...extra: Record<string, unknown>[]) {
  return { fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }, ...extra] };
}

describe("cloudtrail-management-events", () => {
  it("passes an advanced management selector without conditions", () => {
    assert.equal(checkManagementEvents(compliantTrail()).status, "compliant");
  });

  it("passes a trail with no selectors at all (CloudTrail then logs all management events)", () => {
    const trail = compliantTrail({ advancedEventSelectors: undefined, eventSelectors: undefined });
    assert.equal(checkManagementEvents(trail).status, "compliant");
  });

  it("passes separate read-only and write-only selectors that together cover both", () => {
    const trail = compliantTrail({
      advancedEventSelectors: [
        management({ field: "readOnly", equals: ["true"] }),
        management({ field: "readOnly", equals: ["false"] }),
      ],
    });
    assert.equal(checkManagementEvents(trail).status, "compliant");
  });

  it("fails a write-only trail", () => {
    const trail = compliantTrail({
      advancedEventSelectors: [management({ field: "readOnly", equals: ["false"] })],
    });
    const result = checkManagementEvents(trail);
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /captures every read management event/);
  });

  it("fails a readOnly field with an unknown operator name rather than guessing what it meant", () => {
    const trail = compliantTrail({
      advancedEventSelectors: [management({ field: "readOnly", notEqual: ["true"] })],
    });
    const result = checkManagementEvents(trail);
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /readOnly uses unknown operator notEqual/);
  });

  it("fails a selector that excludes an event source, naming it", () => {
    const trail = compliantTrail({
      advancedEventSelectors: [management({ field: "eventSource", notEquals: ["kms.amazonaws.com"] })],
    });
    const result = checkManagementEvents(trail);
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /eventSource notEquals \[kms\.amazonaws\.com\]/);
    const twice = compliantTrail({
      advancedEventSelectors: [
        management({ field: "eventSource", notEquals: ["kms.amazonaws.com"] }),
        management({ field: "eventSource", notEquals: ["rdsdata.amazonaws.com"] }),
      ],
    });
    assert.match(
      reasonOf(checkManagementEvents(twice)),
      /\(selectors narrowed by eventSource notEquals \[kms\.amazonaws\.com\]; eventSource notEquals \[rdsdata\.amazonaws\.com\] do not count\)/,
    );
  });

  it("judges basic event selectors too", () => {
    const base = { advancedEventSelectors: undefined };
    const all = compliantTrail({
      ...base,
      eventSelectors: [{ includeManagementEvents: true, readWriteType: "All" }],
    });
    const readOnly = compliantTrail({ ...base, eventSelectors: [{ readWriteType: "ReadOnly" }] });
    const excluding = compliantTrail({
      ...base,
      eventSelectors: [{ readWriteType: "All", excludeManagementEventSources: ["rdsdata.amazonaws.com"] }],
    });
    const dataOnly = compliantTrail({ ...base, eventSelectors: [{ includeManagementEvents: false }] });
    assert.equal(checkManagementEvents(all).status, "compliant");
    assert.match(reasonOf(checkManagementEvents(readOnly)), /every write management event/);
    assert.match(
      reasonOf(checkManagementEvents(excluding)),
      /excludeManagementEventSources \[rdsdata\.amazonaws\.com\]/,
    );
    assert.match(reasonOf(checkManagementEvents(dataOnly)), /every read and write management event/);
  });

  it("does not apply to other resource types", () => {
    assert.equal(checkManagementEvents(otherResource()).status, "not-applicable");
  });

  it("cannot judge selectors that hold unknown values", () => {
    const trail = compliantTrail({
      advancedEventSelectors: [management({ field: "readOnly", equals: [UNKNOWN] })],
    });
    assert.equal(checkManagementEvents(trail).status, "unknown");
  });

  // "Logging management events" (CloudTrail User Guide): readOnly "false" selects write events only, and a
  // basic selector's readWriteType WriteOnly likewise; neither logs the read events an investigation needs.
  it("fails every way of logging only write management events", () => {
    const advanced = (...extra: Record<string, unknown>[]) =>
      compliantTrail({ advancedEventSelectors: [management(...extra)] });
    const writeOnly = [
      advanced({ field: "readOnly", equals: ["false"] }),
      advanced({ field: "readOnly", notEquals: ["true"] }),
      compliantTrail({ advancedEventSelectors: undefined, eventSelectors: [{ readWriteType: "WriteOnly" }] }),
    ];
    for (const trail of writeOnly) {
      const result = checkManagementEvents(trail);
      assert.equal(result.status, "non-compliant");
      assert.match(
        reasonOf(result),
        /no (advanced|basic) event selector captures every read management event;/,
      );
    }
    const readOnly = advanced({ field: "readOnly", equals: ["true"] });
    assert.match(reasonOf(checkManagementEvents(readOnly)), /captures every write management event;/);
  });

  it("does not count data-event selectors, or selectors without an eventCategory, as management coverage", () => {
    const trail = compliantTrail({
      advancedEventSelectors: [
        {
          fieldSelectors: [
            { field: "eventCategory", equals: ["Data"] },
            { field: "resources.type", equals: ["AWS::S3::Object"] },
          ],
        },
        { fieldSelectors: [{ field: "readOnly", equals: ["true"] }] },
        { fieldSelectors: [{ field: "eventCategory", notEquals: ["Management"] }] },
        { notAFieldSelectorList: true },
      ],
    });
    assert.match(reasonOf(checkManagementEvents(trail)), /every read and write management event;/);
  });

  it("passes basic selectors that together cover reads and writes, and ignores malformed ones", () => {
    const trail = compliantTrail({
      advancedEventSelectors: [],
      eventSelectors: ["not a selector", { readWriteType: "ReadOnly" }, { readWriteType: "WriteOnly" }],
    });
    assert.equal(checkManagementEvents(trail).status, "compliant");
    const unnamed = compliantTrail({
      advancedEventSelectors: undefined,
      eventSelectors: [{ readWriteType: 3 }],
    });
    assert.equal(checkManagementEvents(unnamed).status, "compliant");
  });

  it("fails a management selector with an unknown operator on eventCategory itself", () => {
    const trail = compliantTrail({
      advancedEventSelectors: [
        { fieldSelectors: [{ field: "eventCategory", equals: ["Management"], startsWith: ["x"] }] },
      ],
    });
    assert.match(reasonOf(checkManagementEvents(trail)), /eventCategory uses unknown operator startsWith/);
  });

  it("cannot judge basic selectors that hold unknown values either", () => {
    const trail = compliantTrail({
      advancedEventSelectors: undefined,
      eventSelectors: [{ readWriteType: UNKNOWN }],
    });
    assert.equal(checkManagementEvents(trail).status, "unknown");
  });

  it("keeps reads and writes apart when readOnly both selects and drops values", () => {
    const trail = compliantTrail({
      advancedEventSelectors: [
        management({ field: "readOnly", equals: ["true", "false"], notEquals: ["false"] }),
      ],
    });
    assert.match(reasonOf(checkManagementEvents(trail)), /captures every write management event;/);
  });

  it("reads empty selector lists as none (CloudTrail's default: every management event)", () => {
    const trail = compliantTrail({ advancedEventSelectors: undefined, eventSelectors: [] });
    assert.equal(checkManagementEvents(trail).status, "compliant");
  });

  it("says which selectors did not count, and what it cannot judge in preview", () => {
    const narrowed = compliantTrail({
      advancedEventSelectors: [management({ field: "eventSource", notEquals: ["kms.amazonaws.com"] })],
    });
    assert.match(
      reasonOf(checkManagementEvents(narrowed)),
      /management event \(selectors narrowed by eventSource notEquals \[kms\.amazonaws\.com\] do not count\); select/,
    );
    const unknown = compliantTrail({ advancedEventSelectors: UNKNOWN });
    assert.match(
      reasonOf(checkManagementEvents(unknown)),
      /^the trail's event selector list is not known during preview/,
    );
  });
});

import assert from "node:assert/strict";
import { checkLogGroupRetention } from "../../../policy-pack/policies/trail-log-group-retention";
import { UNKNOWN, compliantStack, previewStack, reasonOf, single, withProps, without } from "../fixtures";

const DEFAULTS = { minimumRetentionDays: 365 };

describe("trail-log-group-retention", () => {
  it("passes a year of retention, and a group that never expires", () => {
    assert.equal(single(checkLogGroupRetention(compliantStack(), DEFAULTS)).status, "compliant");
    const forever = withProps(compliantStack(), "trail-log-group", { retentionInDays: 0 });
    assert.equal(single(checkLogGroupRetention(forever, DEFAULTS)).status, "compliant");
  });

  it("fails a shorter retention", () => {
    const result = single(
      checkLogGroupRetention(
        withProps(compliantStack(), "trail-log-group", { retentionInDays: 90 }),
        DEFAULTS,
      ),
    );
    assert.equal(result.status, "non-compliant");
    assert.match(
      reasonOf(result),
      /LogGroup "trail-log-group" keeps events 90 days, fewer than the required 365/,
    );
  });

  it("fails a retention below a stricter configured minimum", () => {
    assert.equal(
      single(checkLogGroupRetention(compliantStack(), { minimumRetentionDays: 400 })).status,
      "non-compliant",
    );
  });

  it("does not apply to a stack without a trail, nor to a trail without a log group", () => {
    assert.equal(
      single(checkLogGroupRetention(without(compliantStack(), "org-trail"), DEFAULTS)).status,
      "not-applicable",
    );
    const noGroup = withProps(compliantStack(), "org-trail", { cloudWatchLogsGroupArn: undefined });
    assert.equal(single(checkLogGroupRetention(noGroup, DEFAULTS)).status, "not-applicable");
  });

  it("finds the group in preview by its dependency", () => {
    assert.equal(single(checkLogGroupRetention(previewStack(), DEFAULTS)).status, "compliant");
  });

  it("cannot judge an unknown retention", () => {
    const stack = withProps(compliantStack(), "trail-log-group", { retentionInDays: UNKNOWN });
    assert.equal(single(checkLogGroupRetention(stack, DEFAULTS)).status, "unknown");
  });
});

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
    const finding = single(checkLogGroupRetention(noGroup, DEFAULTS));
    assert.equal(finding.status, "not-applicable");
    assert.match(
      reasonOf(finding),
      /has no `cloudWatchLogsGroupArn` \(cloudtrail-cloudwatch-logs reports that\)/,
    );
  });

  it("finds the group in preview by its dependency", () => {
    assert.equal(single(checkLogGroupRetention(previewStack(), DEFAULTS)).status, "compliant");
  });

  it("cannot judge an unknown retention", () => {
    const stack = withProps(compliantStack(), "trail-log-group", { retentionInDays: UNKNOWN });
    const finding = single(checkLogGroupRetention(stack, DEFAULTS));
    assert.equal(finding.status, "unknown");
    assert.match(reasonOf(finding), /^`retentionInDays` of LogGroup "trail-log-group" is not known/);
  });

  // "Change log data retention in CloudWatch Logs" (CloudWatch Logs User Guide): by default log data is
  // stored indefinitely, so a group without `retentionInDays` meets any minimum.
  it("passes a group whose retention is unset or null (never expire)", () => {
    for (const retentionInDays of [undefined, null]) {
      const stack = withProps(compliantStack(), "trail-log-group", { retentionInDays });
      assert.equal(single(checkLogGroupRetention(stack, DEFAULTS)).status, "compliant");
    }
  });

  it("cannot verify a group another stack manages, naming it as the trail's log group", () => {
    const finding = single(checkLogGroupRetention(without(compliantStack(), "trail-log-group"), DEFAULTS));
    assert.match(reasonOf(finding), /^cannot verify: .* uses log group "arn:aws:logs:/);
  });
});

import assert from "node:assert/strict";
import { checkSnsNotification } from "../../../policy-pack/policies/cloudtrail-sns-notification";
import { UNKNOWN, compliantTrail, otherResource, reasonOf } from "../fixtures";

describe("cloudtrail-sns-notification", () => {
  it("passes a trail that notifies a topic", () => {
    assert.equal(checkSnsNotification(compliantTrail()).status, "compliant");
  });

  it("fails a trail without a topic", () => {
    const result = checkSnsNotification(compliantTrail({ snsTopicName: undefined }));
    assert.equal(result.status, "non-compliant");
    assert.match(
      reasonOf(result),
      /^`snsTopicName` is not set: nobody hears about log deliveries; set it to an SNS topic name or ARN$/,
    );
  });

  it("fails an empty topic name", () => {
    assert.equal(checkSnsNotification(compliantTrail({ snsTopicName: "" })).status, "non-compliant");
  });

  it("does not apply to other resource types", () => {
    assert.equal(checkSnsNotification(otherResource()).status, "not-applicable");
  });

  it("cannot judge a topic name that is unknown during preview", () => {
    assert.equal(checkSnsNotification(compliantTrail({ snsTopicName: UNKNOWN })).status, "unknown");
  });
});

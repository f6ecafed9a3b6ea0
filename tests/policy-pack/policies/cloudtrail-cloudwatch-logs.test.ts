import assert from "node:assert/strict";
import { checkCloudWatchLogs } from "../../../policy-pack/policies/cloudtrail-cloudwatch-logs";
import { ACCOUNT, LOG_GROUP_ARN, UNKNOWN, compliantTrail, otherResource, reasonOf } from "../fixtures";

describe("cloudtrail-cloudwatch-logs", () => {
  it("passes a trail with a log group and a delivery role", () => {
    assert.equal(checkCloudWatchLogs(compliantTrail()).status, "compliant");
  });

  it("fails a trail without a log group", () => {
    const result = checkCloudWatchLogs(compliantTrail({ cloudWatchLogsGroupArn: undefined }));
    assert.equal(result.status, "non-compliant");
    assert.match(
      reasonOf(result),
      /^`cloudWatchLogsGroupArn` is not set: no metric filter or alarm sees the trail's events; set it to the log group ARN followed by `:\*`$/,
    );
  });

  it("fails a trail without the role CloudTrail writes with", () => {
    const result = checkCloudWatchLogs(compliantTrail({ cloudWatchLogsRoleArn: undefined }));
    assert.equal(result.status, "non-compliant");
    assert.match(
      reasonOf(result),
      /^`cloudWatchLogsRoleArn` is not set: CloudTrail has no role to write to the log group; set it to a role CloudTrail can assume$/,
    );
  });

  it("fails a group ARN without the log-stream wildcard CloudTrail requires", () => {
    const result = checkCloudWatchLogs(compliantTrail({ cloudWatchLogsGroupArn: LOG_GROUP_ARN }));
    assert.equal(result.status, "non-compliant");
    assert.match(reasonOf(result), /followed by ":\*"; append ":\*"/);
  });

  it("does not apply to other resource types", () => {
    assert.equal(checkCloudWatchLogs(otherResource()).status, "not-applicable");
  });

  it("cannot judge an ARN that is unknown during preview", () => {
    assert.equal(checkCloudWatchLogs(compliantTrail({ cloudWatchLogsGroupArn: UNKNOWN })).status, "unknown");
  });

  it("fails an ARN that ends in the wildcard but names no log group", () => {
    const topic = `arn:aws:sns:eu-west-1:${ACCOUNT}:org-trail-alerts:*`;
    const result = checkCloudWatchLogs(compliantTrail({ cloudWatchLogsGroupArn: topic }));
    assert.equal(result.status, "non-compliant");
  });
});

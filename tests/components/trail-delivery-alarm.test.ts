import assert from "node:assert/strict";
import { named, plan, stackConfig } from "../support/plan";

const ALARM = "trail-delivery-quiet-log-group";

describe("TrailDeliveryAlarm", () => {
  // "CloudWatch Logs metrics and dimensions" (CloudWatch Logs user guide): IncomingLogEvents, namespace
  // AWS/Logs, dimension LogGroupName; no data point is published for a period without events.
  it("alarms when the trail's log group receives no event for an hour, missing data included", async () => {
    const result = await plan(stackConfig());
    const alarm = named(result, ALARM).inputs;
    assert.equal(alarm.namespace, "AWS/Logs");
    assert.equal(alarm.metricName, "IncomingLogEvents");
    assert.deepEqual(alarm.dimensions, { LogGroupName: "/org-governance/cloudtrail/org-governance" });
    assert.equal(alarm.statistic, "Sum");
    assert.equal(alarm.period, 3600);
    assert.equal(alarm.evaluationPeriods, 1);
    assert.equal(alarm.comparisonOperator, "LessThanThreshold");
    assert.equal(alarm.threshold, 1);
    assert.equal(alarm.treatMissingData, "breaching");
    assert.deepEqual(alarm.alarmActions, [named(result, "security-monitoring-topic").outputs.arn]);
    assert.match(
      String(alarm.name),
      /^org-governance-/,
      "the alarm topic's policy admits this program's alarms only",
    );
  });

  it("takes its quiet period from monitoring.maxQuietMinutes, and watches an existing trail's log group too", async () => {
    const custom = await plan(stackConfig({ monitoring: { maxQuietMinutes: 180 } }));
    assert.equal(named(custom, ALARM).inputs.period, 10800);
    const existing = await plan(
      stackConfig({
        trail: { create: false },
        monitoring: { logGroupName: "aws-controltower/CloudTrailLogs" },
      }),
    );
    assert.deepEqual(named(existing, ALARM).inputs.dimensions, {
      LogGroupName: "aws-controltower/CloudTrailLogs",
    });
  });
});

import assert from "node:assert/strict";
import { CIS_CONTROL_IDS, CONTROLS, controlById } from "../../lib/controls";
import { compileFilterPattern } from "../../lib/filter-pattern";
import { named, ofType, plan, policyOf, stackConfig, statement } from "../support/plan";

const FILTER = "aws:cloudwatch/logMetricFilter:LogMetricFilter";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const ALARM_ARNS = "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:org-governance-*";
type Transformation = { name: string; namespace: string; value: string };

describe("SecurityMonitoring", () => {
  it("creates one filter and one alarm per CIS control by default", async () => {
    const result = await plan(stackConfig());
    const filters = ofType(result, FILTER);
    assert.equal(filters.length, 15);
    // The trail delivery alarm (TrailDeliveryAlarm) is not a control's.
    assert.equal(ofType(result, ALARM).filter((a) => a.urn.includes("SecurityMonitoring")).length, 15);
    assert.deepEqual(
      filters.map((f) => f.inputs.name).sort(),
      CIS_CONTROL_IDS.map((id) => `org-governance-${id}`).sort(),
    );
  });

  it("puts every filter on the trail's log group, with the catalog's exact pattern", async () => {
    const result = await plan(stackConfig());
    const logGroup = named(result, "trail-logs-log-group");
    for (const filter of ofType(result, FILTER)) {
      assert.equal(filter.inputs.logGroupName, logGroup.inputs.name);
      assert.ok(filter.dependencies.includes(logGroup.urn), "the filter waits for the log group");
      const control = controlById(String(filter.inputs.name).replace("org-governance-", ""))!;
      assert.equal(filter.inputs.pattern, control.filterPattern);
      assert.doesNotThrow(() => compileFilterPattern(String(filter.inputs.pattern)));
    }
  });

  it("alarms on each filter's metric and namespace: Sum ≥ 1 over 5 minutes, missing data not breaching, to the topic", async () => {
    const result = await plan(stackConfig({ monitoring: { namespace: "Security/Trail" } }));
    const topic = named(result, "security-monitoring-topic");
    const alarms = ofType(result, ALARM);
    for (const filter of ofType(result, FILTER)) {
      const metric = filter.inputs.metricTransformation as Transformation;
      assert.equal(metric.namespace, "Security/Trail");
      assert.equal(metric.value, "1");
      const alarm = alarms.find((a) => a.inputs.metricName === metric.name);
      assert.ok(alarm, `an alarm watches ${metric.name}`);
      assert.equal(alarm.inputs.namespace, metric.namespace);
      assert.equal(alarm.inputs.statistic, "Sum");
      assert.equal(alarm.inputs.period, 300);
      assert.equal(alarm.inputs.evaluationPeriods, 1);
      assert.equal(alarm.inputs.threshold, 1);
      assert.equal(alarm.inputs.comparisonOperator, "GreaterThanOrEqualToThreshold");
      assert.equal(alarm.inputs.treatMissingData, "notBreaching");
      assert.deepEqual(alarm.inputs.alarmActions, [topic.outputs.arn]);
    }
  });

  it("encrypts the topic with a customer managed key whose policy lets this account's alarms use it", async () => {
    const result = await plan(stackConfig());
    const key = named(result, "security-monitoring-key");
    assert.equal(named(result, "security-monitoring-topic").inputs.kmsMasterKeyId, key.outputs.arn);
    assert.equal(key.inputs.enableKeyRotation, true);
    const grant = statement(policyOf(key), "CloudWatchAlarmsUseKey");
    assert.deepEqual(grant.Principal, { Service: "cloudwatch.amazonaws.com" });
    assert.deepEqual(grant.Action, ["kms:Decrypt", "kms:GenerateDataKey*"]);
    assert.deepEqual(grant.Condition, {
      ArnLike: { "aws:SourceArn": ALARM_ARNS },
      StringEquals: { "aws:SourceAccount": "111122223333" },
    });
  });

  it("lets only this account's alarms publish to the topic", async () => {
    const result = await plan(stackConfig());
    const policy = policyOf(named(result, "security-monitoring-topic-policy"));
    const publish = statement(policy, "CloudWatchAlarmsPublish");
    assert.equal(publish.Resource, named(result, "security-monitoring-topic").outputs.arn);
    assert.deepEqual(publish.Condition, {
      ArnLike: { "aws:SourceArn": ALARM_ARNS },
      StringEquals: { "aws:SourceAccount": "111122223333" },
    });
    for (const alarm of ofType(result, ALARM)) assert.match(String(alarm.inputs.name), /^org-governance-/);
  });

  it("subscribes each configured e-mail address", async () => {
    const result = await plan(stackConfig({ monitoring: { emails: ["a@example.com", "b@example.org"] } }));
    const subscriptions = ofType(result, "aws:sns/topicSubscription:TopicSubscription");
    assert.deepEqual(subscriptions.map((s) => s.inputs.endpoint).sort(), ["a@example.com", "b@example.org"]);
    for (const s of subscriptions) assert.equal(s.inputs.protocol, "email");
  });

  it("monitors all controls, or the listed ones", async () => {
    assert.equal(
      ofType(await plan(stackConfig({ monitoring: { controls: "all" } })), FILTER).length,
      CONTROLS.length,
    );
    const listed = await plan(
      stackConfig({ monitoring: { controls: ["root-account-usage", "vpc-changes"] } }),
    );
    assert.deepEqual(
      ofType(listed, FILTER)
        .map((f) => f.inputs.name)
        .sort(),
      ["org-governance-root-account-usage", "org-governance-vpc-changes"],
    );
  });

  it("adds monitoring to an existing log group without creating a second trail (Control Tower)", async () => {
    const result = await plan(
      stackConfig({
        trail: { create: false },
        monitoring: { logGroupName: "aws-controltower/CloudTrailLogs" },
      }),
    );
    assert.equal(ofType(result, "aws:cloudtrail/trail:Trail").length, 0);
    assert.equal(ofType(result, "aws:s3/bucket:Bucket").length, 0);
    const filters = ofType(result, FILTER);
    assert.equal(filters.length, 15);
    for (const f of filters) assert.equal(f.inputs.logGroupName, "aws-controltower/CloudTrailLogs");
  });
});

import assert from "node:assert/strict";
import { filtersOn, judgeAlarmed } from "../../../policy-pack/lib/monitoring";
import type { StackResource } from "../../../policy-pack/lib/stack";
import { METRIC_NAMESPACE, TOPIC_ARN, UNKNOWN, resource, urnOf } from "../fixtures";

// Which metric filters read the trail's log group, and whether a filter's metric reaches an alarm that
// notifies a topic. "Creating metrics from log events using filters" (CloudWatch Logs User Guide): a
// filter reads one log group, by name; "Using Amazon CloudWatch alarms": an alarm watches one metric,
// identified by namespace and name (and dimensions).

const FILTER = "aws:cloudwatch/logMetricFilter:LogMetricFilter";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
const GROUP_TYPE = "aws:cloudwatch/logGroup:LogGroup";
const GROUP_NAME = "org-trail";
const GROUP = resource(GROUP_TYPE, "trail-logs", { name: GROUP_NAME });
const OTHER_GROUP = resource(GROUP_TYPE, "other-logs", { name: "other" });
const METRIC = "RootAccountUsage";

function filter(name: string, logGroupName: unknown, dependsOn: readonly string[] = []): StackResource {
  return resource(
    FILTER,
    name,
    { logGroupName, metricTransformation: { name: METRIC, namespace: METRIC_NAMESPACE, value: "1" } },
    dependsOn.length > 0 ? { logGroupName: dependsOn } : {},
  );
}

function alarm(name: string, props: Record<string, unknown>): StackResource {
  return resource(ALARM, name, {
    metricName: METRIC,
    namespace: METRIC_NAMESPACE,
    alarmActions: [TOPIC_ARN],
    ...props,
  });
}

function names(resources: readonly StackResource[]): string[] {
  return resources.map((r) => r.name);
}

describe("filtersOn: the metric filters that read the trail's log group", () => {
  const stack = [
    GROUP,
    OTHER_GROUP,
    filter("by-name", GROUP_NAME),
    filter("by-reference", UNKNOWN, [GROUP.urn]),
    filter("other-group-by-name", "other"),
    filter("other-group-by-reference", UNKNOWN, [OTHER_GROUP.urn]),
    filter("not-known-yet", UNKNOWN),
    filter("no-group", undefined),
    filter("stale-name-but-reference", "renamed", [GROUP.urn]),
  ];

  it("counts filters naming the group or referring to its resource, and nothing else", () => {
    const { on, undetermined } = filtersOn(stack, { name: GROUP_NAME, resource: GROUP });
    assert.deepEqual(names(on), ["by-name", "by-reference", "stale-name-but-reference"]);
    assert.deepEqual(names(undetermined), ["not-known-yet", "no-group"]);
  });

  it("matches by name alone when the group is not a resource of this stack", () => {
    const { on, undetermined } = filtersOn(stack, { name: GROUP_NAME, resource: undefined });
    assert.deepEqual(names(on), ["by-name"]);
    assert.deepEqual(names(undetermined), ["not-known-yet", "no-group"]);
  });

  it("matches by reference alone while the group's name is not known", () => {
    const { on } = filtersOn(stack, { name: undefined, resource: GROUP });
    assert.deepEqual(names(on), ["by-reference", "stale-name-but-reference"]);
  });

  it("never takes another group's filter for the trail's, nor a filter on a group with a similar name", () => {
    const similar = [filter("prefix", `${GROUP_NAME}-copy`), filter("case", GROUP_NAME.toUpperCase())];
    const { on, undetermined } = filtersOn(similar, { name: GROUP_NAME, resource: GROUP });
    assert.deepEqual([names(on), names(undetermined)], [[], []]);
  });
});

describe("judgeAlarmed: a filter's metric must reach an alarm that notifies a topic", () => {
  const watched = filter("root-usage", GROUP_NAME);

  it("passes an alarm on the same namespace and name that notifies a topic", () => {
    assert.deepEqual(judgeAlarmed([watched, alarm("root-alarm", {})], watched), { kind: "ok" });
  });

  it("does not count an alarm on a same-named metric in another namespace, or another metric of the namespace", () => {
    for (const props of [
      { namespace: "AWS/Usage" },
      { metricName: `${METRIC}Other` },
      { namespace: undefined },
    ]) {
      const verdict = judgeAlarmed([watched, alarm("elsewhere", props)], watched);
      assert.equal(verdict.kind, "fail", JSON.stringify(props));
      assert.match(
        verdict.kind === "fail" ? verdict.why : "",
        /no alarm watches metric OrgGovernance\/CIS\/RootAccountUsage/,
      );
    }
  });

  it("waits for an alarm whose metric or namespace is unknown, but not when another alarm already passes", () => {
    const pending = alarm("pending", { namespace: UNKNOWN });
    assert.deepEqual(judgeAlarmed([watched, pending], watched), { kind: "unknown" });
    assert.deepEqual(judgeAlarmed([watched, alarm("pending-name", { metricName: UNKNOWN })], watched), {
      kind: "unknown",
    });
    assert.deepEqual(judgeAlarmed([watched, pending, alarm("root-alarm", {})], watched), { kind: "ok" });
  });

  it("waits for a pending alarm even when an earlier one fails: the pending one may notify", () => {
    const off = alarm("off", { actionsEnabled: false });
    const pending = alarm("pending", { namespace: UNKNOWN });
    assert.deepEqual(judgeAlarmed([watched, off, pending], watched), { kind: "unknown" });
    assert.equal(judgeAlarmed([watched, off], watched).kind, "fail");
  });

  it("waits while the filter's own metric name, namespace or dimensions are unknown (preview)", () => {
    // An alarm on the known metric exists: only the filter's side is not known yet.
    for (const metricTransformation of [
      { name: UNKNOWN, namespace: METRIC_NAMESPACE },
      { name: METRIC, namespace: UNKNOWN },
      { name: METRIC, namespace: METRIC_NAMESPACE, dimensions: UNKNOWN },
    ]) {
      const pending = resource(FILTER, "pending", { logGroupName: GROUP_NAME, metricTransformation });
      assert.deepEqual(
        judgeAlarmed([pending, alarm("root-alarm", {})], pending),
        { kind: "unknown" },
        JSON.stringify(metricTransformation),
      );
    }
  });

  it("fails a metric published with dimensions, and accepts an empty dimension map", () => {
    const dimensioned = resource(FILTER, "dimensioned", {
      logGroupName: GROUP_NAME,
      metricTransformation: {
        name: METRIC,
        namespace: METRIC_NAMESPACE,
        dimensions: { user: "$.userIdentity.arn" },
      },
    });
    const verdict = judgeAlarmed([dimensioned, alarm("root-alarm", {})], dimensioned);
    assert.equal(verdict.kind, "fail");
    const empty = resource(FILTER, "empty", {
      logGroupName: GROUP_NAME,
      metricTransformation: { name: METRIC, namespace: METRIC_NAMESPACE, dimensions: {} },
    });
    assert.deepEqual(judgeAlarmed([empty, alarm("root-alarm", {})], empty), { kind: "ok" });
  });

  it("fails an alarm with its actions off or without a topic, and names it", () => {
    const off = judgeAlarmed([watched, alarm("off", { actionsEnabled: false })], watched);
    assert.match(off.kind === "fail" ? off.why : "", /actionsEnabled: false/);
    const noTopic = judgeAlarmed(
      [watched, alarm("no-topic", { alarmActions: ["arn:aws:lambda:eu-west-1:111122223333:function:f"] })],
      watched,
    );
    assert.match(noTopic.kind === "fail" ? noTopic.why : "", /has no SNS topic in `alarmActions`/);
    const empty = judgeAlarmed([watched, alarm("empty", { alarmActions: [] })], watched);
    assert.equal(empty.kind, "fail");
  });

  it("accepts a topic known only by the engine's dependency during preview, and waits without one", () => {
    const topicUrn = urnOf("aws:sns/topic:Topic", "alerts");
    const topic = { ...resource("aws:sns/topic:Topic", "alerts", {}), urn: topicUrn };
    const previewAlarm = resource(
      ALARM,
      "preview",
      { metricName: METRIC, namespace: METRIC_NAMESPACE, alarmActions: [UNKNOWN] },
      { alarmActions: [topicUrn] },
    );
    assert.deepEqual(judgeAlarmed([watched, topic, previewAlarm], watched), { kind: "ok" });
    const unlinked = alarm("unlinked", { alarmActions: [UNKNOWN] });
    assert.deepEqual(judgeAlarmed([watched, unlinked], watched), { kind: "unknown" });
    assert.deepEqual(judgeAlarmed([watched, alarm("whole", { alarmActions: UNKNOWN })], watched), {
      kind: "unknown",
    });
    assert.deepEqual(judgeAlarmed([watched, alarm("enabled?", { actionsEnabled: UNKNOWN })], watched), {
      kind: "unknown",
    });
  });
});

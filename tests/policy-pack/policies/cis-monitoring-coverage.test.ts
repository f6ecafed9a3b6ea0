import assert from "node:assert/strict";
import { CIS_CONTROL_IDS, CONTROLS } from "../../../lib/controls";
import { checkMonitoringCoverage } from "../../../policy-pack/policies/cis-monitoring-coverage";
import {
  UNKNOWN,
  compliantStack,
  previewStack,
  reasonOf,
  single,
  urnNamed,
  withDependencies,
  withProps,
  without,
} from "../fixtures";
import type { Finding } from "../../../policy-pack/lib/result";

const CIS = { controls: "cis" as const };

function problems(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.status !== "compliant");
}

function withPattern(controlId: string, pattern: string) {
  return withProps(compliantStack(), `${controlId}-filter`, { pattern });
}

describe("cis-monitoring-coverage", () => {
  it("passes a stack with a filter and an SNS-notifying alarm for every CIS control", () => {
    const findings = checkMonitoringCoverage(compliantStack(), CIS);
    assert.equal(findings.length, CIS_CONTROL_IDS.length);
    assert.deepEqual(problems(findings), []);
    assert.ok(findings.every((finding) => finding.urn === urnNamed(compliantStack(), "trail-log-group")));
  });

  it("passes a reordered, respaced and re-quoted pattern that means the same", () => {
    const stack = withPattern(
      "root-account-usage",
      '{ $.eventType != "AwsServiceEvent"   &&  $.userIdentity.invokedBy NOT EXISTS && $.userIdentity.type = Root }',
    );
    assert.deepEqual(problems(checkMonitoringCoverage(stack, CIS)), []);
  });

  it("fails a pattern that misses an event the control must catch, and says which", () => {
    const stack = withPattern(
      "cloudtrail-config-changes",
      "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail) || ($.eventName=StartLogging)}",
    );
    const result = single(problems(checkMonitoringCoverage(stack, CIS)));
    assert.equal(result.status, "non-compliant");
    assert.match(
      reasonOf(result),
      /^control "cloudtrail-config-changes" \(CloudTrail configuration changes; CIS 4\.5, CloudWatch\.5\)/,
    );
    assert.match(
      reasonOf(result),
      /misses 1 of the 5 calls the control exists for: StopLogging \(cloudtrail\.amazonaws\.com\);/,
    );
    assert.match(reasonOf(result), /add one with pattern \{\(\$\.eventName=CreateTrail\)/);
  });

  it("fails a pattern that also fires on ordinary successful read-only calls", () => {
    const stack = withPattern("cloudtrail-config-changes", "{$.eventSource = cloudtrail.amazonaws.com}");
    assert.match(
      reasonOf(single(problems(checkMonitoringCoverage(stack, CIS)))),
      /fires on ordinary successful calls \(DescribeTrails on cloudtrail\.amazonaws\.com by IAMUser, /,
    );
  });

  it("passes a published form that is noisier than the catalog's, with an advisory note (CIS v1.4.0 4.2)", () => {
    const stack = withPattern(
      "console-signin-without-mfa",
      '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
    );
    const result = single(problems(checkMonitoringCoverage(stack, CIS)));
    assert.equal(result.status, "advisory");
    assert.match(
      reasonOf(result),
      /^control "console-signin-without-mfa" .*: LogMetricFilter "console-signin-without-mfa-filter" covers it, but is noisier than the catalog's pattern: it also fires on ConsoleLogin on signin\.amazonaws\.com by IAMUser failing with "Failed authentication"/,
    );
  });

  it("fails a pattern that does not parse, quoting the syntax error", () => {
    const stack = withPattern("root-account-usage", '{$.userIdentity.type = "Root" &&}');
    assert.match(
      reasonOf(single(problems(checkMonitoringCoverage(stack, CIS)))),
      /does not parse \(column \d+: expected/,
    );
  });

  it("fails a control whose alarm is missing, silent, or switched off", () => {
    const noAlarm = without(compliantStack(), "root-account-usage-alarm");
    assert.match(
      reasonOf(single(problems(checkMonitoringCoverage(noAlarm, CIS)))),
      /no alarm watches metric OrgGovernance\/CIS\/RootAccountUsage/,
    );
    const silent = withProps(compliantStack(), "root-account-usage-alarm", { alarmActions: [] });
    assert.match(
      reasonOf(single(problems(checkMonitoringCoverage(silent, CIS)))),
      /no SNS topic in `alarmActions`/,
    );
    const off = withProps(compliantStack(), "root-account-usage-alarm", { actionsEnabled: false });
    assert.match(reasonOf(single(problems(checkMonitoringCoverage(off, CIS)))), /`actionsEnabled: false`/);
  });

  it("fails filters on another log group, or publishing dimensions", () => {
    const elsewhere = withProps(compliantStack(), "vpc-changes-filter", { logGroupName: "some-other-group" });
    assert.match(
      reasonOf(single(problems(checkMonitoringCoverage(elsewhere, CIS)))),
      /no metric filter on log group "org-trail" catches its events/,
    );
    const dimensions = withProps(compliantStack(), "vpc-changes-filter", {
      metricTransformation: {
        name: "VpcChanges",
        namespace: "OrgGovernance/CIS",
        value: "1",
        dimensions: { Account: "$.recipientAccountId" },
      },
    });
    assert.match(
      reasonOf(single(problems(checkMonitoringCoverage(dimensions, CIS)))),
      /publishes its metric with dimensions/,
    );
  });

  it("checks exactly the configured controls", () => {
    const all = problems(checkMonitoringCoverage(compliantStack(), { controls: "all" }));
    assert.equal(all.length, CONTROLS.length - CIS_CONTROL_IDS.length);
    assert.ok(all.every((finding) => finding.status === "non-compliant"));
    const listed = checkMonitoringCoverage(without(compliantStack(), "vpc-changes-filter"), {
      controls: ["root-account-usage"],
    });
    assert.deepEqual(
      listed.map((finding) => finding.status),
      ["compliant"],
    );
  });

  it("does not apply to a stack without a trail, nor to a trail without a log group", () => {
    assert.equal(
      single(checkMonitoringCoverage(without(compliantStack(), "org-trail"), CIS)).status,
      "not-applicable",
    );
    const noGroup = withProps(compliantStack(), "org-trail", { cloudWatchLogsGroupArn: undefined });
    assert.equal(single(checkMonitoringCoverage(noGroup, CIS)).status, "not-applicable");
  });

  it("passes in preview, following topic and log group dependencies", () => {
    assert.deepEqual(problems(checkMonitoringCoverage(previewStack(), CIS)), []);
  });

  it("cannot judge unknown patterns or alarm actions it cannot trace to a topic", () => {
    const pattern = withPattern("root-account-usage", UNKNOWN);
    assert.equal(single(problems(checkMonitoringCoverage(pattern, CIS))).status, "unknown");
    const actions = withDependencies(
      withProps(compliantStack(), "root-account-usage-alarm", { alarmActions: [UNKNOWN] }),
      "root-account-usage-alarm",
      {},
    );
    const result = single(problems(checkMonitoringCoverage(actions, CIS)));
    assert.equal(result.status, "unknown");
    assert.match(reasonOf(result), /the alarm for control "root-account-usage"/);
  });
});

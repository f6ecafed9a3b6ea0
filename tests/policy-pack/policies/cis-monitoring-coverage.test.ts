import assert from "node:assert/strict";
import { CIS_CONTROL_IDS, CONTROLS, controlById } from "../../../lib/controls";
import {
  checkMonitoringCoverage,
  cisMonitoringCoverage,
  describeControl,
  explainCoverage,
} from "../../../policy-pack/policies/cis-monitoring-coverage";
import type { Stack, StackResource } from "../../../policy-pack/lib/stack";
import { runPolicy } from "../../support/reliability/policy-runs";
import {
  UNKNOWN,
  compliantStack,
  resource,
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

/** The CIS v1.4.0 4.2 published form: it also fires on failed, role and root sign-ins. */
const NOISIER_MFA_PATTERN = '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }';

function explained(stack: Stack, controlId: string) {
  return explainCoverage(stack, CIS).find((entry) => entry.control === controlId);
}

function problems(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.status !== "compliant");
}

function withPattern(controlId: string, pattern: unknown) {
  return withProps(compliantStack(), `${controlId}-filter`, { pattern });
}

/** A copy of a resource of the compliant stack under another name, with some properties changed. */
function copyOf(name: string, as: string, overrides: Record<string, unknown>): StackResource {
  const original = compliantStack().find((r) => r.name === name);
  assert.ok(original, name);
  return resource(original.type, as, { ...original.props, ...overrides });
}

/** A second filter with the catalog's pattern for the control, publishing another metric, and its alarm. */
function secondFilter(controlId: string, metricName: string, alarmProps: Record<string, unknown> = {}) {
  return [
    copyOf(`${controlId}-filter`, `${controlId}-second-filter`, {
      metricTransformation: { name: metricName, namespace: "OrgGovernance/CIS", value: "1" },
    }),
    copyOf(`${controlId}-alarm`, `${controlId}-second-alarm`, { metricName, ...alarmProps }),
  ];
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
    const stack = withPattern("console-signin-without-mfa", NOISIER_MFA_PATTERN);
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
      /no metric filter on log group "org-trail" catches its events; add one with pattern/,
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

describe("cis-monitoring-coverage: the trail's log group", () => {
  it("names the trail that sends nothing to CloudWatch Logs", () => {
    const noGroup = withProps(compliantStack(), "org-trail", { cloudWatchLogsGroupArn: undefined });
    assert.match(
      reasonOf(single(checkMonitoringCoverage(noGroup, CIS))),
      /^Trail "org-trail" sends no events to CloudWatch Logs/,
    );
  });

  it("waits while the trail's log group is not known yet and no dependency names it (preview)", () => {
    const pending = withProps(compliantStack(), "org-trail", { cloudWatchLogsGroupArn: UNKNOWN });
    const result = single(checkMonitoringCoverage(pending, CIS));
    assert.equal(result.status, "unknown");
    assert.match(reasonOf(result), /which log group Trail "org-trail" sends events to/);
  });

  it("fails a log group of the INFREQUENT_ACCESS class, which supports no metric filters", () => {
    // "Log classes" (CloudWatch Logs User Guide): Infrequent Access does not support metric filters.
    const infrequent = withProps(compliantStack(), "trail-log-group", { logGroupClass: "INFREQUENT_ACCESS" });
    const result = single(checkMonitoringCoverage(infrequent, CIS));
    assert.equal(result.status, "non-compliant");
    assert.equal(result.urn, urnNamed(compliantStack(), "trail-log-group"));
    assert.match(reasonOf(result), /^log group "org-trail" uses the INFREQUENT_ACCESS class.*use STANDARD$/);
    const standard = withProps(compliantStack(), "trail-log-group", { logGroupClass: "STANDARD" });
    assert.deepEqual(problems(checkMonitoringCoverage(standard, CIS)), []);
  });

  it("waits when the control's filter may be on the group but its group is not known yet", () => {
    const pending = withProps(compliantStack(), "root-account-usage-filter", { logGroupName: UNKNOWN });
    const result = single(problems(checkMonitoringCoverage(pending, CIS)));
    assert.equal(result.status, "unknown");
    assert.match(
      reasonOf(result),
      /which metric filter on log group "org-trail" covers control "root-account-usage"/,
    );
  });

  it("says when the group has no metric filters at all", () => {
    const bare = compliantStack().filter((r) => !r.name.endsWith("-filter"));
    const findings = checkMonitoringCoverage(bare, CIS);
    assert.equal(findings.length, CIS_CONTROL_IDS.length);
    for (const finding of findings) {
      assert.equal(finding.status, "non-compliant");
      assert.match(
        reasonOf(finding),
        /catches its events \(the group has no metric filters\); add one with pattern/,
      );
    }
  });
});

describe("cis-monitoring-coverage: several filters for one control", () => {
  it("waits when one alarm fails but another covering filter's alarm is not known yet", () => {
    const stack: Stack = [
      ...withProps(compliantStack(), "root-account-usage-alarm", { actionsEnabled: false }),
      ...secondFilter("root-account-usage", "RootUsageCopy", { actionsEnabled: UNKNOWN }),
    ];
    const result = single(problems(checkMonitoringCoverage(stack, CIS)));
    assert.equal(result.status, "unknown");
    assert.match(reasonOf(result), /the alarm for control "root-account-usage"/);
  });

  it("names every noisier call in the advisory", () => {
    const stack = withPattern("console-signin-without-mfa", NOISIER_MFA_PATTERN);
    assert.match(
      reasonOf(single(problems(checkMonitoringCoverage(stack, CIS)))),
      /also fires on ConsoleLogin .* by IAMUser failing with "Failed authentication", ConsoleLogin .* by AssumedRole, ConsoleLogin .* by Root; pattern/,
    );
  });
});

describe("cis-monitoring-coverage: settings", () => {
  it("accepts a list of several control ids, and refuses an empty one", () => {
    const report = runPolicy(cisMonitoringCoverage, compliantStack(), {
      controls: ["root-account-usage", "vpc-changes"],
    });
    assert.deepEqual(report.violations, []);
    assert.throws(() => runPolicy(cisMonitoringCoverage, compliantStack(), { controls: [] }), /controls/);
  });
});

describe("describeControl: the control's name in every message, with its CIS and Security Hub ids", () => {
  const base = controlById("root-account-usage");
  assert.ok(base);
  const named = (cis: { v1_4?: string; v3_0?: string }, securityHub?: string) =>
    describeControl({ ...base, cis, securityHub });

  it("gives one CIS id when both benchmark versions agree, both when they differ", () => {
    assert.equal(
      named({ v1_4: "4.3", v3_0: "4.3" }, "CloudWatch.1"),
      `control "root-account-usage" (${base.title}; CIS 4.3, CloudWatch.1)`,
    );
    assert.match(named({ v1_4: "4.3", v3_0: "4.4" }), /; CIS v1\.4\.0 4\.3, v3\.0\.0 4\.4\)$/);
  });

  it("names the one benchmark version that has the control", () => {
    assert.match(named({ v1_4: "4.3" }), /; CIS v1\.4\.0 4\.3\)$/);
    assert.match(named({ v3_0: "4.16" }, "CloudWatch.15"), /; CIS v3\.0\.0 4\.16, CloudWatch\.15\)$/);
  });

  it("shows the title alone for a control outside CIS and Security Hub", () => {
    assert.equal(named({}), `control "root-account-usage" (${base.title})`);
  });
});

describe("explainCoverage", () => {
  it("names the filter that covers each control", () => {
    const coverage = explainCoverage(compliantStack(), CIS);
    assert.deepEqual(
      coverage.map((entry) => `${entry.control}: ${entry.status} by ${entry.coveredBy.join(",")}`),
      CIS_CONTROL_IDS.map((id) => `${id}: covered by ${id}-filter`),
    );
  });

  it("lists neither uncaught calls nor noise for a control its filter covers quietly", () => {
    for (const entry of explainCoverage(compliantStack(), CIS)) {
      assert.deepEqual(entry.uncaught, [], entry.control);
      assert.equal("noisier" in entry, false, entry.control);
    }
  });

  it("names the control's own filter first, and reports the quiet one's noise when another is noisier", () => {
    // The second filter, with the catalog's pattern, comes first in the stack; the control's own filter is noisy.
    const [copy, copyAlarm] = secondFilter("console-signin-without-mfa", "MfaCopy");
    const stack = [copy, copyAlarm, ...withPattern("console-signin-without-mfa", NOISIER_MFA_PATTERN)];
    const entry = explained(stack, "console-signin-without-mfa");
    assert.deepEqual(entry?.coveredBy, [
      "console-signin-without-mfa-filter",
      "console-signin-without-mfa-second-filter",
    ]);
    assert.equal(entry?.noisier, undefined);
  });

  it("does not call a control uncovered while a filter's pattern or group is not known yet", () => {
    for (const pending of [
      withPattern("root-account-usage", UNKNOWN),
      withProps(compliantStack(), "root-account-usage-filter", { logGroupName: UNKNOWN }),
    ]) {
      const entry = explained(pending, "root-account-usage");
      assert.equal(entry?.status, "not known yet");
      assert.deepEqual(entry?.coveredBy, []);
    }
  });

  it("reads a filter whose pattern is not a string as one it cannot judge, without compiling it", () => {
    // The random-props sweep feeds such values; the policy must answer, not throw.
    for (const pattern of [undefined, 5, ["{ $.eventName = ConsoleLogin }"]]) {
      const entry = explained(withPattern("root-account-usage", pattern), "root-account-usage");
      assert.equal(entry?.status, "not known yet", JSON.stringify(pattern));
    }
  });

  it("names the calls no filter catches, and why the control's own filter falls short", () => {
    const stack = withPattern(
      "cloudtrail-config-changes",
      "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || ($.eventName=DeleteTrail)}",
    );
    const entry = explained(stack, "cloudtrail-config-changes");
    // The root-account-usage filter catches the root user's variant, so only the others are left.
    assert.deepEqual(entry?.uncaught, [
      "StartLogging (cloudtrail.amazonaws.com) by IAMUser in us-east-1, by AssumedRole in eu-west-1",
      "StopLogging (cloudtrail.amazonaws.com) by IAMUser in us-east-1, by AssumedRole in eu-west-1",
    ]);
    assert.equal(entry?.status, "not covered");
    assert.deepEqual(entry?.coveredBy, []);
    assert.match(
      entry?.closest ?? "",
      /^LogMetricFilter "cloudtrail-config-changes-filter": its pattern misses 2 of the 5 calls/,
    );
  });

  it("notes a covering filter that is noisier than the catalog's pattern", () => {
    const stack = withPattern("console-signin-without-mfa", NOISIER_MFA_PATTERN);
    const entry = explained(stack, "console-signin-without-mfa");
    assert.equal(entry?.status, "covered");
    assert.equal(entry?.noisier?.length, 3);
  });
});

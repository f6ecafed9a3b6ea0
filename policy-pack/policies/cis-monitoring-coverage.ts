import { z } from "zod";
import { CONTROLS, type MonitoringControl, selectControls } from "../../lib/controls";
import { logGroupNameFromArn } from "../lib/arn";
import { policyConfig } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import { PatternJudge, type WatchedGroup, filtersOn, judgeAlarmed, metricOf } from "../lib/monitoring";
import {
  type Finding,
  type RuleResult,
  advisory,
  at,
  compliant,
  nonCompliant,
  notApplicable,
  notKnownYet,
} from "../lib/result";
import { type Stack, type StackResource, label } from "../lib/stack";
import { NO_TRAIL, trailsIn } from "../lib/trail";
import { trailLogGroup } from "../lib/trail-links";
import { isUnknown } from "../lib/unknown";
import { stackPolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "cis-monitoring-coverage",
  description:
    "Every selected monitoring control has a metric filter on the trail's log group that catches what the control must catch, and an alarm on its metric that notifies an SNS topic.",
  enforcementLevel: "mandatory",
  severity: "medium",
  remediationSteps:
    "For each control reported, add an aws.cloudwatch.LogMetricFilter on the trail's log group with the control's pattern (any equivalent spelling passes) and an aws.cloudwatch.MetricAlarm on the same metricName and namespace whose alarmActions include the alerts topic ARN.",
  securityHub: [
    ...new Set(CONTROLS.flatMap((control) => (control.securityHub ? [control.securityHub] : []))),
  ],
  cis: CONTROLS.flatMap((control) => [
    ...(control.cis.v1_4 ? [`v1.4.0/${control.cis.v1_4}`] : []),
    ...(control.cis.v3_0 ? [`v3.0.0/${control.cis.v3_0}`] : []),
  ]),
};

const CONTROL_IDS = CONTROLS.map((control) => control.id) as [string, ...string[]];

const config = policyConfig(
  z.strictObject({
    controls: z
      .union([z.enum(["cis", "all"]), z.array(z.enum(CONTROL_IDS)).min(1)])
      .default("cis")
      .describe('"cis" (the CIS set), "all" (CIS plus extended controls) or a list of control ids'),
  }),
);

export type MonitoringCoverageConfig = ReturnType<typeof config.parse>;

export function checkMonitoringCoverage(stack: Stack, settings: MonitoringCoverageConfig): Finding[] {
  const trails = trailsIn(stack);
  if (trails.length === 0) return [NO_TRAIL];
  const controls = selectControls(settings.controls);
  const judge = new PatternJudge();
  return trails.flatMap((trail) => coverageOfTrail(stack, trail, controls, judge));
}

function coverageOfTrail(
  stack: Stack,
  trail: StackResource,
  controls: readonly MonitoringControl[],
  judge: PatternJudge,
): Finding[] {
  const link = trailLogGroup(stack, trail);
  if (link.kind === "absent") {
    return [
      at(
        trail.urn,
        notApplicable(
          `${label(trail)} sends no events to CloudWatch Logs (cloudtrail-cloudwatch-logs reports that)`,
        ),
      ),
    ];
  }
  if (link.kind === "unknown")
    return [at(trail.urn, notKnownYet(`which log group ${label(trail)} sends events to`))];
  const group: WatchedGroup =
    link.kind === "found"
      ? { name: knownString(link.resource.props.name), resource: link.resource }
      : { name: logGroupNameFromArn(link.value), resource: undefined };
  const groupTitle =
    group.name !== undefined
      ? `log group "${group.name}"`
      : label(link.kind === "found" ? link.resource : trail);
  const urn = group.resource?.urn ?? trail.urn;
  if (group.resource?.props.logGroupClass === "INFREQUENT_ACCESS") {
    return [
      at(
        urn,
        nonCompliant(
          `${groupTitle} uses the INFREQUENT_ACCESS class, which has no metric filters; use STANDARD`,
        ),
      ),
    ];
  }
  const filters = filtersOn(stack, group);
  return controls.map((control) =>
    at(urn, judgeControl(stack, control, filters.on, filters.undetermined.length > 0, judge, groupTitle)),
  );
}

function judgeControl(
  stack: Stack,
  control: MonitoringControl,
  filters: readonly StackResource[],
  someFiltersUndetermined: boolean,
  judge: PatternJudge,
  groupTitle: string,
): RuleResult {
  const name = describeControl(control);
  const matching: { filter: StackResource; noisier: readonly string[] }[] = [];
  const misses: { filter: StackResource; why: string }[] = [];
  let patternsUnknown = someFiltersUndetermined;
  for (const filter of filters) {
    const pattern = filter.props.pattern;
    if (isUnknown(pattern)) patternsUnknown = true;
    if (typeof pattern !== "string" || isUnknown(pattern)) continue;
    const verdict = judge.judge(pattern, control);
    if (verdict.kind === "covers") matching.push({ filter, noisier: verdict.noisier });
    else misses.push({ filter, why: verdict.why });
  }
  if (matching.length === 0) {
    if (patternsUnknown) return notKnownYet(`which metric filter on ${groupTitle} covers ${name}`);
    const closest = misses.find(({ filter }) => metricOf(filter).name === control.metricName);
    const detail = closest
      ? `; ${label(closest.filter)} has its metric name but ${closest.why}`
      : filters.length === 0
        ? " (the group has no metric filters)"
        : "";
    return nonCompliant(
      `${name}: no metric filter on ${groupTitle} catches its events${detail}; add one with pattern ${control.filterPattern}`,
    );
  }
  const verdicts = matching.map(({ filter, noisier }) => ({
    filter,
    noisier,
    alarm: judgeAlarmed(stack, filter),
  }));
  const alarmed = verdicts.filter(({ alarm }) => alarm.kind === "ok");
  if (alarmed.length > 0) {
    const quiet = alarmed.find(({ noisier }) => noisier.length === 0);
    if (quiet !== undefined) return compliant();
    const [noisy] = alarmed;
    return advisory(
      `${name}: ${label(noisy.filter)} covers it, but is noisier than the catalog's pattern: it also fires on ` +
        `${noisy.noisier.join(", ")}; pattern ${control.filterPattern} stays silent on them`,
    );
  }
  if (verdicts.some(({ alarm }) => alarm.kind === "unknown")) return notKnownYet(`the alarm for ${name}`);
  // None passes and none is pending, so every verdict left is a failure.
  const [{ alarm: failure }] = verdicts;
  // Stryker disable next-line ConditionalExpression,StringLiteral: unreachable fallback, for the type checker only
  const why = failure.kind === "fail" ? failure.why : "no alarm notifies anyone";
  return nonCompliant(`${name}: ${why}`);
}

/** For one control on one trail's log group: which filters cover it, or which calls no filter catches. */
export interface ControlCoverage {
  readonly control: string;
  readonly title: string;
  readonly logGroup: string;
  /** "covered": some filter's pattern covers the control (its alarm is the findings' business). */
  readonly status: "covered" | "not covered" | "not known yet";
  /** Filters whose pattern covers the control, by name. */
  readonly coveredBy: readonly string[];
  /** Required calls that no filter on the group matches (empty when some filter covers the control). */
  readonly uncaught: readonly string[];
  /** What the covering filter also fires on that the catalog's pattern ignores (advisory). */
  readonly noisier?: readonly string[];
  /** When not covered: why the filter with the control's metric name does not cover it. */
  readonly closest?: string;
}

/**
 * Why each selected control is or is not covered, per trail log group: the explanation the policy
 * check prints beside its findings. Judged on patterns alone, as `checkMonitoringCoverage` does.
 */
export function explainCoverage(stack: Stack, settings: MonitoringCoverageConfig): ControlCoverage[] {
  const controls = selectControls(settings.controls);
  const judge = new PatternJudge();
  return trailsIn(stack).flatMap((trail) => {
    const link = trailLogGroup(stack, trail);
    if (link.kind === "absent" || link.kind === "unknown") return [];
    const group: WatchedGroup =
      link.kind === "found"
        ? { name: knownString(link.resource.props.name), resource: link.resource }
        : { name: logGroupNameFromArn(link.value), resource: undefined };
    const logGroup = group.name ?? label(link.kind === "found" ? link.resource : trail);
    const { on, undetermined } = filtersOn(stack, group);
    const patterns = on.map((filter) => ({ filter, pattern: filter.props.pattern }));
    const known = patterns.filter(
      (entry): entry is { filter: StackResource; pattern: string } =>
        typeof entry.pattern === "string" && !isUnknown(entry.pattern),
    );
    const someUnknown = undetermined.length > 0 || known.length < patterns.length;
    return controls.map((control): ControlCoverage => {
      // The control's own filter (its metric name) first, then the others in stack order.
      const ownFirst = [
        ...known.filter(({ filter }) => isOwnFilter(filter, control)),
        ...known.filter(({ filter }) => !isOwnFilter(filter, control)),
      ];
      const covering = ownFirst.flatMap(({ filter, pattern }) => {
        const verdict = judge.judge(pattern, control);
        return verdict.kind === "covers" ? [{ filter, noisier: verdict.noisier }] : [];
      });
      const base = { control: control.id, title: control.title, logGroup };
      if (covering.length > 0) {
        const quiet = covering.find(({ noisier }) => noisier.length === 0) ?? covering[0];
        return {
          ...base,
          status: "covered",
          coveredBy: covering.map(({ filter }) => filter.name),
          uncaught: [],
          ...(quiet.noisier.length > 0 ? { noisier: quiet.noisier } : {}),
        };
      }
      const uncaught = judge.uncaughtCalls(
        known.map(({ pattern }) => pattern),
        control,
      );
      const closest = ownFirst.find(({ filter }) => isOwnFilter(filter, control));
      const verdict = closest && judge.judge(closest.pattern, control);
      return {
        ...base,
        status: someUnknown ? "not known yet" : "not covered",
        coveredBy: [],
        uncaught,
        ...(closest && verdict?.kind === "fails"
          ? { closest: `${label(closest.filter)}: ${verdict.why}` }
          : {}),
      };
    });
  });
}

function isOwnFilter(filter: StackResource, control: MonitoringControl): boolean {
  return metricOf(filter).name === control.metricName;
}

/** `control "root-account-usage" (Usage of the root user; CIS 4.3, CloudWatch.1)`. */
export function describeControl(control: MonitoringControl): string {
  const { v1_4, v3_0 } = control.cis;
  const cis =
    v1_4 && v3_0
      ? v1_4 === v3_0
        ? [`CIS ${v1_4}`]
        : [`CIS v1.4.0 ${v1_4}`, `v3.0.0 ${v3_0}`]
      : v1_4
        ? [`CIS v1.4.0 ${v1_4}`]
        : v3_0
          ? [`CIS v3.0.0 ${v3_0}`]
          : [];
  const ids = [...cis, ...(control.securityHub ? [control.securityHub] : [])];
  return `control "${control.id}" (${control.title}${ids.length > 0 ? `; ${ids.join(", ")}` : ""})`;
}

function knownString(value: unknown): string | undefined {
  return typeof value === "string" && !isUnknown(value) ? value : undefined;
}

export const cisMonitoringCoverage = stackPolicy(meta, config, checkMonitoringCoverage);

import type { MonitoringControl } from "../../lib/controls";
import { type FilterMatcher, FilterPatternSyntaxError, compileFilterPattern } from "../../lib/filter-pattern";
import { isSnsTopicArn } from "./arn";
import { asArray, valueAt } from "./read";
import { LOG_METRIC_FILTER, METRIC_ALARM, SNS_TOPIC } from "./resource-types";
import { type Stack, type StackResource, dependenciesOf, label, ofType } from "./stack";
import { containsUnknown, isUnknown } from "./unknown";

/** The log group the filters must watch: its name when known, its resource when this stack manages it. */
export interface WatchedGroup {
  readonly name: string | undefined;
  readonly resource: StackResource | undefined;
}

export type Verdict =
  { readonly kind: "ok" } | { readonly kind: "unknown" } | { readonly kind: "fail"; readonly why: string };

const OK: Verdict = { kind: "ok" };
const UNKNOWN: Verdict = { kind: "unknown" };

/** The metric filters that read the group; filters whose group is not known yet come back as undetermined. */
export function filtersOn(stack: Stack, group: WatchedGroup) {
  const on: StackResource[] = [];
  const undetermined: StackResource[] = [];
  for (const filter of ofType(stack, LOG_METRIC_FILTER)) {
    const groupName = filter.props.logGroupName;
    const sources = filter.propertyDependencies.logGroupName ?? [];
    if (group.resource !== undefined && sources.includes(group.resource.urn)) on.push(filter);
    else if (typeof groupName === "string" && !isUnknown(groupName)) {
      if (group.name !== undefined && groupName === group.name) on.push(filter);
    } else if (sources.length === 0) undetermined.push(filter);
  }
  return { on, undetermined };
}

/**
 * Judges patterns by what they match, not how they are written: a pattern passes a control when it
 * matches every record the control must catch and none it must ignore. Compiled patterns are cached.
 */
export class PatternJudge {
  private readonly compiled = new Map<string, FilterMatcher | FilterPatternSyntaxError>();

  judge(pattern: string, control: MonitoringControl): Verdict {
    const matcher = this.compile(pattern);
    if (matcher instanceof FilterPatternSyntaxError)
      return { kind: "fail", why: `its pattern does not parse (${matcher.message})` };
    const missed = control.vectors.matches.find((record) => !matcher.matchesRecord(record));
    if (missed)
      return { kind: "fail", why: `its pattern misses ${describeRecord(missed)}, which it must catch` };
    const caught = control.vectors.ignores.find((record) => matcher.matchesRecord(record));
    if (caught)
      return {
        kind: "fail",
        why: `its pattern also matches ${describeRecord(caught)}, which it must ignore`,
      };
    return OK;
  }

  private compile(pattern: string): FilterMatcher | FilterPatternSyntaxError {
    let result = this.compiled.get(pattern);
    if (result === undefined) {
      try {
        result = compileFilterPattern(pattern);
      } catch (error) {
        if (!(error instanceof FilterPatternSyntaxError)) throw error;
        result = error;
      }
      this.compiled.set(pattern, result);
    }
    return result;
  }
}

function describeRecord(record: MonitoringControl["vectors"]["matches"][number]): string {
  const who = typeof record.userIdentity?.type === "string" ? ` by ${record.userIdentity.type}` : "";
  const error = typeof record.errorCode === "string" ? ` failing with ${record.errorCode}` : "";
  return `${record.eventName} on ${record.eventSource}${who}${error}`;
}

export interface MetricRef {
  readonly name: unknown;
  readonly namespace: unknown;
}

export function metricOf(filter: StackResource): MetricRef {
  return {
    name: valueAt(filter.props, ["metricTransformation", "name"]),
    namespace: valueAt(filter.props, ["metricTransformation", "namespace"]),
  };
}

/** Whether a filter's metric reaches an alarm that notifies an SNS topic. */
export function judgeAlarmed(stack: Stack, filter: StackResource): Verdict {
  const metric = metricOf(filter);
  const dimensions = valueAt(filter.props, ["metricTransformation", "dimensions"]);
  if (containsUnknown(metric) || isUnknown(dimensions)) return UNKNOWN;
  if (dimensions !== null && typeof dimensions === "object" && Object.keys(dimensions).length > 0) {
    return {
      kind: "fail",
      why: `${label(filter)} publishes its metric with dimensions, so an alarm on the plain metric never fires; remove them`,
    };
  }
  const alarms = ofType(stack, METRIC_ALARM).filter((alarm) => sameMetric(alarm, metric) !== false);
  const verdicts = alarms.map((alarm) =>
    sameMetric(alarm, metric) === "unknown" ? UNKNOWN : judgeNotifies(stack, alarm),
  );
  if (verdicts.some((verdict) => verdict.kind === "ok")) return OK;
  if (verdicts.some((verdict) => verdict.kind === "unknown")) return UNKNOWN;
  const shown = `${String(metric.namespace)}/${String(metric.name)}`;
  const failure = verdicts.find((verdict) => verdict.kind === "fail");
  return (
    failure ?? {
      kind: "fail",
      why: `no alarm watches metric ${shown} of ${label(filter)}; add an aws.cloudwatch.MetricAlarm on it`,
    }
  );
}

function sameMetric(alarm: StackResource, metric: MetricRef): boolean | "unknown" {
  const { metricName, namespace } = alarm.props;
  if (isUnknown(metricName) || isUnknown(namespace)) return "unknown";
  return metricName === metric.name && namespace === metric.namespace;
}

function judgeNotifies(stack: Stack, alarm: StackResource): Verdict {
  const enabled = alarm.props.actionsEnabled;
  if (isUnknown(enabled)) return UNKNOWN;
  if (enabled === false)
    return { kind: "fail", why: `${label(alarm)} has \`actionsEnabled: false\`; turn its actions on` };
  const actions = alarm.props.alarmActions;
  if (isUnknown(actions)) return topicDependency(stack, alarm) ? OK : UNKNOWN;
  const list = asArray(actions);
  if (list.some((action) => typeof action === "string" && !isUnknown(action) && isSnsTopicArn(action)))
    return OK;
  // In preview a topic's ARN is unknown, but the engine still records which topic it came from.
  if (list.some(isUnknown)) return topicDependency(stack, alarm) ? OK : UNKNOWN;
  return {
    kind: "fail",
    why: `${label(alarm)} has no SNS topic in \`alarmActions\`; add the alerts topic ARN`,
  };
}

function topicDependency(stack: Stack, alarm: StackResource): boolean {
  return dependenciesOf(stack, alarm, "alarmActions", SNS_TOPIC).length > 0;
}

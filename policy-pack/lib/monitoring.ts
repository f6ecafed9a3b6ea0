import {
  type CloudTrailRecord,
  type MonitoringControl,
  type RequiredRecord,
  ignoredRecords,
  requiredRecords,
} from "../../lib/controls";
import {
  type FilterMatcher,
  FilterPatternSyntaxError,
  type JsonExpression,
  compileFilterPattern,
  parseFilterPattern,
} from "../../lib/filter-pattern";
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
      if (groupName === group.name) on.push(filter);
    } else if (sources.length === 0) undetermined.push(filter);
  }
  return { on, undetermined };
}

/** What a filter pattern does for one control. */
export type Coverage =
  /** Matches every required call and no ordinary noise; `noisier` lists what the catalog's pattern ignores but this one matches. */
  | { readonly kind: "covers"; readonly noisier: readonly string[] }
  | { readonly kind: "fails"; readonly why: string; readonly missed: readonly string[] };

/**
 * Judges patterns by what they match, not how they are written. A pattern covers a control when it
 * matches one record per required call and variant (`requiredRecords`), and none of the ordinary,
 * successful read-only activity every alarm must stay silent on. Matching something else the catalog's
 * pattern ignores (a failed or SSO sign-in, say) is noisier, not wrong. Verdicts are cached.
 */
export class PatternJudge {
  private readonly compiled = new Map<string, FilterMatcher | FilterPatternSyntaxError>();
  private readonly verdicts = new Map<string, Coverage>();
  /** Records tried so far, for tests that keep the judge's cost in check. */
  recordsTried = 0;

  judge(pattern: string, control: MonitoringControl): Coverage {
    const key = `${control.id}\u0000${pattern}`;
    let verdict = this.verdicts.get(key);
    if (verdict === undefined) {
      verdict = this.judgeAfresh(pattern, control);
      this.verdicts.set(key, verdict);
    }
    return verdict;
  }

  private judgeAfresh(pattern: string, control: MonitoringControl): Coverage {
    const matcher = this.compile(pattern);
    if (matcher instanceof FilterPatternSyntaxError)
      return { kind: "fails", why: `its pattern does not parse (${matcher.message})`, missed: [] };
    const matches = (record: unknown) => {
      this.recordsTried++;
      return matcher.matchesRecord(record);
    };
    const required = requiredRecords(control);
    const missedVariants = required.filter(({ record }) => !matches(record));
    if (missedVariants.length > 0) {
      const missed = describeMisses(required, missedVariants);
      const calls = new Set(required.map(({ callText }) => callText)).size;
      return {
        kind: "fails",
        why: `its pattern misses ${missed.length === calls ? "every one" : `${missed.length}`} of the ${calls} ${calls === 1 ? "call" : "calls"} the control exists for: ${missed.join("; ")}`,
        missed,
      };
    }
    const { noise, quieter } = ignoredRecords(control);
    const noisy = noise.filter(matches);
    if (noisy.length > 0) {
      const loose = looseExclusions(pattern);
      return {
        kind: "fails",
        why:
          `its pattern fires on ordinary successful calls (${noisy.map(describeRecord).join(", ")}), so its alarm ` +
          `would count everyday activity` +
          (loose.length === 0
            ? ""
            : `: ${loose.join(" and ")} ${loose.length === 1 ? "is an alternative" : "are alternatives"} of \`||\`, ` +
              `so on ${loose.length === 1 ? "its" : "their"} own ${loose.length === 1 ? "it matches" : "they match"} nearly every event; join such exclusions with \`&&\``),
        missed: [],
      };
    }
    return { kind: "covers", noisier: quieter.filter(matches).map(describeRecord) };
  }

  /** The control's required calls that none of `patterns` matches in any variant, each named once. */
  uncaughtCalls(patterns: readonly string[], control: MonitoringControl): string[] {
    const matchers = patterns.map((pattern) => this.compile(pattern)).filter(isMatcher);
    const uncaught = requiredRecords(control).filter(
      ({ record }) => !matchers.some((matcher) => matcher.matchesRecord(record)),
    );
    return describeMisses(requiredRecords(control), uncaught);
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

function isMatcher(compiled: FilterMatcher | FilterPatternSyntaxError): compiled is FilterMatcher {
  return !(compiled instanceof FilterPatternSyntaxError);
}

/** Each missed call once; a call missed in only some variants names them. */
function describeMisses(all: readonly RequiredRecord[], missed: readonly RequiredRecord[]): string[] {
  const byCall = new Map<string, RequiredRecord[]>();
  for (const entry of missed) byCall.set(entry.callText, [...(byCall.get(entry.callText) ?? []), entry]);
  return [...byCall].map(([callText, entries]) => {
    const variants = all.filter((entry) => entry.callText === callText).length;
    return entries.length === variants ? callText : `${callText} ${entries.map((e) => e.variant).join(", ")}`;
  });
}

/** Negations (`$.eventName != "HeadBucket"`) that are alternatives of an `||`, as written, if any. */
function looseExclusions(pattern: string): string[] {
  // Called only for a pattern that compiled, so it parses.
  const ast = parseFilterPattern(pattern);
  if (ast.kind !== "json") return [];
  const found: string[] = [];
  const visit = (expression: JsonExpression): void => {
    if (expression.type !== "or" && expression.type !== "and") return;
    for (const operand of expression.operands) {
      if (expression.type === "or" && isNegation(operand)) found.push(`\`${showCondition(operand)}\``);
      else visit(operand);
    }
  };
  visit(ast.expression);
  return found;
}

function isNegation(expression: JsonExpression): boolean {
  if (expression.type === "comparison") return expression.operator === "!=";
  if (expression.type === "predicate") return expression.predicate === "NOT EXISTS";
  // Negations joined with `&&` or with `||` match nearly every event as well.
  return expression.operands.every(isNegation);
}

function showCondition(expression: JsonExpression): string {
  if (expression.type === "comparison") {
    const { value } = expression;
    const shown =
      value.type === "regex"
        ? `%${value.source}%`
        : value.type === "string" && value.quoted
          ? `"${value.text}"`
          : value.text;
    return `${expression.selector.text} ${expression.operator} ${shown}`;
  }
  if (expression.type === "predicate") return `${expression.selector.text} ${expression.predicate}`;
  return expression.operands
    .map((operand) =>
      operand.type === "and" || operand.type === "or"
        ? `(${showCondition(operand)})`
        : showCondition(operand),
    )
    .join(expression.type === "and" ? " && " : " || ");
}

function describeRecord(record: CloudTrailRecord): string {
  // Stryker disable next-line ConditionalExpression: every catalog record names its identity type; the guard keeps a message readable for one that would not
  const who = typeof record.userIdentity?.type === "string" ? ` by ${record.userIdentity.type}` : "";
  const error =
    typeof record.errorCode === "string"
      ? ` failing with ${record.errorCode}`
      : typeof record.errorMessage === "string"
        ? ` failing with "${record.errorMessage}"`
        : "";
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
  // None passes and none is pending, so every verdict left is a failure.
  const [failure] = verdicts;
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

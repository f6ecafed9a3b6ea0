import type { guardrailSummary } from "../../lib/guardrails/plan";
import { PLAN_YOUR_ORGANIZATION } from "./snapshot-choice";
import type { PlannedResource } from "./capture";
import type { PlanResult } from "./run-plan";

type Props = Record<string, unknown>;

/** The settings worth seeing in a review, per resource type; other types show their name only. */
const KEY_SETTINGS: Record<string, (p: Props) => string> = {
  "aws:cloudtrail/trail:Trail": (p) =>
    [
      `name=${p.name}`,
      p.isOrganizationTrail ? "organization" : "single-account",
      p.isMultiRegionTrail ? "all regions" : "one region",
      p.includeGlobalServiceEvents ? "global events" : "no global events",
      p.enableLogFileValidation ? "log file validation" : "NO log file validation",
      p.kmsKeyId ? "KMS" : "NO KMS",
      `selectors=${(p.advancedEventSelectors as Props[] | undefined)?.map((s) => s.name).join(" | ")}`,
      `insights=${(p.insightSelectors as Props[] | undefined)?.map((s) => s.insightType).join(",") || "none"}`,
    ].join(", "),
  "aws:s3/bucket:Bucket": (p) => `${p.bucket}${p.objectLockEnabled ? ", Object Lock enabled" : ""}`,
  "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration": (p) => {
    const retention = (p.rule as { defaultRetention?: Props } | undefined)?.defaultRetention ?? {};
    return `${retention.mode} ${retention.years !== undefined ? `${retention.years} years` : `${retention.days} days`}`;
  },
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": (p) =>
    ((p.rules as Props[] | undefined) ?? [])
      .map((rule) =>
        [
          ...((rule.transitions as Props[] | undefined) ?? []).map((t) => `${t.storageClass}@${t.days}d`),
          rule.expiration ? `expire@${(rule.expiration as Props).days}d` : "never expires",
          `noncurrent expire@${(rule.noncurrentVersionExpiration as Props | undefined)?.noncurrentDays}d`,
        ].join(" → "),
      )
      .join("; "),
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": (p) =>
    String(
      ((p.rules as Props[] | undefined)?.[0]?.applyServerSideEncryptionByDefault as Props | undefined)
        ?.sseAlgorithm,
    ),
  "aws:s3/bucketLogging:BucketLogging": (p) => `→ ${p.targetBucket}/${p.targetPrefix}`,
  "aws:kms/key:Key": (p) =>
    `rotation ${p.enableKeyRotation ? "on" : "OFF"}, deletion window ${p.deletionWindowInDays}d`,
  "aws:cloudwatch/logGroup:LogGroup": (p) =>
    `${p.name}, ${p.retentionInDays}d, ${p.kmsKeyId ? "KMS" : "no KMS"}`,
  "aws:cloudwatch/logMetricFilter:LogMetricFilter": (p) =>
    `${(p.metricTransformation as Props | undefined)?.name}: ${p.pattern}`,
  "aws:cloudwatch/metricAlarm:MetricAlarm": (p) =>
    `${p.namespace}/${p.metricName} ${p.statistic} ≥ ${p.threshold} over ${p.period}s`,
  "aws:organizations/policy:Policy": (p) =>
    `${p.name}, ${p.type}, ${typeof p.content === "string" ? `${p.content.length} characters` : "content known at deployment"}`,
  "aws:organizations/policyAttachment:PolicyAttachment": (p) => `${p.policyId} → ${p.targetId}`,
  "aws:sns/topic:Topic": (p) => `${p.name}, ${p.kmsMasterKeyId ? "KMS" : "no KMS"}`,
};

/** `aws:s3/bucket:Bucket` → `s3:Bucket`: the service and the type, sorted and read together. */
function shortType(type: string): string {
  const [, module = "", name = type] = type.split(":");
  return `${module.split("/")[0]}:${name}`;
}

function nameOf(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

/** The account each provider is pinned to, by provider URN. */
function providerAccounts(resources: PlannedResource[]): Map<string, string> {
  const accounts = new Map<string, string>();
  for (const r of resources) {
    if (!r.type.startsWith("pulumi:providers:")) continue;
    const allowed = r.inputs.allowedAccountIds;
    const list =
      typeof allowed === "string" ? (JSON.parse(allowed) as string[]) : (allowed as string[] | undefined);
    accounts.set(r.urn, list?.[0] ?? "unknown");
  }
  return accounts;
}

/** The widest line the plan prints: a terminal split in two, a pull-request comment, a docs page. */
export const PLAN_WIDTH = 120;
const SETTINGS_INDENT = " ".repeat(6);

export interface FormatOptions {
  /** Print long settings (patterns, lifecycle rules) in full, folded under their resource. @default false */
  readonly details?: boolean;
}

/**
 * A readable plan: resources grouped by account and component, types grouped and sorted, columns aligned,
 * every line at most 120 columns (long settings cut with "…", or folded in full with `details`), and one
 * count of what `pulumi preview` would create.
 */
export function formatPlan(plan: PlanResult, options: FormatOptions = {}): string {
  const accounts = providerAccounts(plan.resources);
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  const awsResources = plan.resources.filter((x) => x.custom && !x.type.startsWith("pulumi:"));
  const groups = new Map<string, PlannedResource[]>();
  for (const r of awsResources) {
    const account = accounts.get(r.provider?.slice(0, r.provider.lastIndexOf("::")) ?? "") ?? "unknown";
    const component =
      r.parent && byUrn.get(r.parent)?.type !== "pulumi:pulumi:Stack" ? nameOf(r.parent) : "(stack)";
    const key = `account ${account} · ${component}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const outputs = plan.outputs as { organizationId?: string };
  const lines = [...planHeading(plan, outputs.organizationId), ""];
  let cut = false;
  for (const [group, members] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${group} (${members.length})`);
    const rows = members
      .map((r) => ({
        type: shortType(r.type),
        name: `${nameOf(r.urn)}${r.protect ? " [protected]" : ""}`,
        settings: KEY_SETTINGS[r.type]?.(r.inputs) ?? "",
      }))
      .sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
    const typeWidth = Math.max(...rows.map((row) => row.type.length));
    const nameWidth = Math.max(...rows.map((row) => row.name.length));
    for (const { type, name, settings } of rows) {
      const row = `  ${type.padEnd(typeWidth)}  ${name.padEnd(nameWidth)}  ${settings}`.trimEnd();
      if (row.length <= PLAN_WIDTH) {
        lines.push(row);
        continue;
      }
      // Settings that do not fit beside the name go under it: in full with --details, else cut.
      lines.push(`  ${type.padEnd(typeWidth)}  ${name}`);
      const under = fold(settings, SETTINGS_INDENT, options.details ? PLAN_WIDTH : Infinity);
      cut ||= !options.details && under[0].length > PLAN_WIDTH;
      lines.push(...(options.details ? under : [fit(under[0], PLAN_WIDTH)]));
    }
    lines.push("");
  }
  lines.push(...guardrailLines(plan.outputs.guardrails as GuardrailOutput | undefined));
  lines.push(...resourceCount(plan.resources));
  if (cut) lines.push("", "Settings cut with … are printed in full with --details.");
  return lines.join("\n");
}

/**
 * Which stack, which organization and from which file: the plan's first lines, folded at 120 columns.
 * The snapshot's file is shown relative to the project directory (see `chooseSnapshot`).
 */
export function planHeading(plan: PlanResult, organizationId: string | undefined): string[] {
  return [
    ...paragraph(
      `Offline plan of stack "${plan.stack}" for organization ${organizationId ?? "?"} ${plan.snapshot.description}.`,
    ),
    ...(plan.snapshot.origin === "sample" ? paragraph(`Note: ${PLAN_YOUR_ORGANIZATION}.`) : []),
    "This is a plan under Pulumi's mock runtime: nothing was deployed, and ids and ARNs are simulated.",
  ];
}

/** The `guardrails` stack output. */
type GuardrailOutput = ReturnType<typeof guardrailSummary>;

/** Which targets get which guardrail, how many accounts each covers, and what they cannot reach. */
function guardrailLines(guardrails: GuardrailOutput | undefined): string[] {
  if (!guardrails) return [];
  return [
    ...paragraph(`Guardrails: ${guardrails.policies.join(" and ")} attached to`),
    ...guardrails.targets.map((t) =>
      fit(
        `  ${t.kind} ${t.id} "${t.name}": ${t.accounts} member account${t.accounts === 1 ? "" : "s"}`,
        PLAN_WIDTH,
      ),
    ),
    ...paragraph(`exempt: ${guardrails.exemptPrincipals.join(", ")}`, "  "),
    ...paragraph(`Note: ${guardrails.notice}`),
    "",
  ];
}

/** A paragraph folded at 120 columns, its later lines indented two more columns than its first. */
function paragraph(text: string, indent = ""): string[] {
  const [first, ...rest] = fold(text, indent, PLAN_WIDTH);
  if (rest.length === 0) return [first];
  return [first, ...fold(rest.map((line) => line.trim()).join(" "), `${indent}  `, PLAN_WIDTH)];
}

/** The count `pulumi preview` prints ("+ N to create"), and what it is made of, by service and type. */
function resourceCount(resources: readonly PlannedResource[]): string[] {
  const aws = resources.filter((x) => x.custom && !x.type.startsWith("pulumi:"));
  const providers = resources.filter((x) => x.type.startsWith("pulumi:providers:")).length;
  const components = resources.filter((x) => !x.custom && x.type !== "pulumi:pulumi:Stack").length;
  const stacks = resources.filter((x) => x.type === "pulumi:pulumi:Stack").length;
  const byService = new Map<string, Map<string, number>>();
  for (const r of aws) {
    const [service, name] = shortType(r.type).split(":");
    const types = byService.get(service) ?? new Map<string, number>();
    types.set(name, (types.get(name) ?? 0) + 1);
    byService.set(service, types);
  }
  const parts = [...byService]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([service, types]) =>
        `${service}: ${[...types]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([t, n]) => `${n} ${t}`)
          .join(", ")}`,
    );
  return [
    `${resources.length} resources to create, as \`pulumi preview\` counts them: ${aws.length} AWS resources, ` +
      `${providers} providers, ${components} components, ${stacks} stack.`,
    ...fold(parts.join(" · "), "  ", PLAN_WIDTH),
  ];
}

/** One line, cut at `width` with an ellipsis. */
function fit(line: string, width: number): string {
  return line.length <= width ? line : `${line.slice(0, width - 1)}…`;
}

/** Text folded into lines of at most `width`, each starting with `indent`, broken at spaces where it can. */
export function fold(text: string, indent: string, width: number): string[] {
  const room = width - indent.length;
  if (!Number.isFinite(room)) return [indent + text.trim()];
  const lines: string[] = [];
  let rest = text.trim();
  while (rest.length > room) {
    const space = rest.lastIndexOf(" ", room);
    const at = space > room / 2 ? space : room;
    lines.push(indent + rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  if (rest !== "") lines.push(indent + rest);
  return lines;
}

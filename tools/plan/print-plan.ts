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

function shortType(type: string): string {
  return type.slice(type.lastIndexOf(":") + 1);
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

/** A readable plan: resources grouped by account and component, with their key settings and counts. */
export function formatPlan(plan: PlanResult): string {
  const accounts = providerAccounts(plan.resources);
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  const groups = new Map<string, PlannedResource[]>();
  for (const r of plan.resources.filter((x) => x.custom && !x.type.startsWith("pulumi:"))) {
    const account = accounts.get(r.provider?.slice(0, r.provider.lastIndexOf("::")) ?? "") ?? "unknown";
    const component =
      r.parent && byUrn.get(r.parent)?.type !== "pulumi:pulumi:Stack" ? nameOf(r.parent) : "(stack)";
    const key = `account ${account} · ${component}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const outputs = plan.outputs as { organizationId?: string };
  const lines = [...planHeading(plan, outputs.organizationId), ""];
  for (const [group, members] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(group);
    for (const r of members.sort((a, b) => a.type.localeCompare(b.type) || a.urn.localeCompare(b.urn))) {
      const describe = KEY_SETTINGS[r.type];
      const flags = r.protect ? " [protected]" : "";
      lines.push(
        `  ${shortType(r.type).padEnd(38)} ${nameOf(r.urn)}${flags}${describe ? `  ${describe(r.inputs)}` : ""}`,
      );
    }
    lines.push("");
  }
  const counts = new Map<string, number>();
  for (const r of plan.resources.filter((x) => x.custom && !x.type.startsWith("pulumi:"))) {
    counts.set(shortType(r.type), (counts.get(shortType(r.type)) ?? 0) + 1);
  }
  lines.push(...guardrailLines(plan.outputs.guardrails as GuardrailOutput | undefined));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  lines.push(`${total} resources: ${[...counts].map(([t, n]) => `${n} ${t}`).join(", ")}`);
  return lines.join("\n");
}

/** Which stack, which organization and from which file: the plan's first lines. */
export function planHeading(plan: PlanResult, organizationId: string | undefined): string[] {
  const source = plan.snapshot?.description ?? `from ${plan.snapshotFile}`;
  return [
    `Offline plan of stack "${plan.stack}" for organization ${organizationId ?? "?"} ${source}.`,
    ...(plan.snapshot?.origin === "sample" ? [`Note: ${PLAN_YOUR_ORGANIZATION}.`] : []),
    "This is a plan under Pulumi's mock runtime: nothing was deployed, and ids and ARNs are simulated.",
  ];
}

interface GuardrailOutput {
  policies: string[];
  targets: { id: string; name: string; kind: string; accounts: number }[];
  exemptPrincipals: string[];
  notice: string;
}

/** Which targets get which guardrail, how many accounts each covers, and what they cannot reach. */
function guardrailLines(guardrails: GuardrailOutput | undefined): string[] {
  if (!guardrails) return [];
  return [
    `Guardrails: ${guardrails.policies.join(" and ")} attached to`,
    ...guardrails.targets.map(
      (t) => `  ${t.kind} ${t.id} "${t.name}": ${t.accounts} member account${t.accounts === 1 ? "" : "s"}`,
    ),
    `  exempt: ${guardrails.exemptPrincipals.join(", ")}`,
    `Note: ${guardrails.notice}`,
    "",
  ];
}

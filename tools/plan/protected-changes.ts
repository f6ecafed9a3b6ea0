import type { PlannedResource } from "./capture";

/** A resource the previous export marks protected, as much of it as the comparison reads. */
export interface PreviousResource {
  readonly urn: string;
  readonly type: string;
  readonly custom: boolean;
  readonly protect?: boolean;
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
}

/** A protected resource that `pulumi up` would replace: delete (refused, it is protected) and create anew. */
export interface ProtectedChange {
  readonly urn: string;
  readonly type: string;
  /** One line: what changes and why it means a replacement. */
  readonly reason: string;
}

/**
 * The inputs whose change replaces a resource of this type, because AWS offers no way to rename it.
 * S3: "After you create a general purpose bucket, you can't change its name" (Amazon S3 User Guide,
 * "General purpose bucket naming rules"); CloudWatch Logs has no API to rename a log group (CloudWatch
 * Logs API Reference: CreateLogGroup, DeleteLogGroup, no UpdateLogGroup).
 */
const NAME_INPUTS: Readonly<Record<string, string>> = {
  "aws:s3/bucket:Bucket": "bucket",
  "aws:cloudwatch/logGroup:LogGroup": "name",
};

function nameOf(urn: string): string {
  return urn.slice(urn.lastIndexOf("::") + 2);
}

/**
 * Every protected resource of the previous export (`pulumi stack export`) that this plan would replace:
 * gone from the plan (its logical name or parent changed, so its URN did: Pulumi deletes the old one and
 * creates a new one unless an alias carries it over), or still there under a new physical name.
 */
export function protectedChanges(
  previous: readonly PreviousResource[],
  planned: readonly PlannedResource[],
): ProtectedChange[] {
  const byUrn = new Map(planned.map((r) => [r.urn, r]));
  const changes: ProtectedChange[] = [];
  for (const old of previous) {
    if (!old.custom || !old.protect) continue;
    const now = byUrn.get(old.urn);
    if (now === undefined) {
      const sameType = planned.filter((r) => r.type === old.type && !previous.some((p) => p.urn === r.urn));
      const successor = sameType.length === 1 ? `; the plan creates ${nameOf(sameType[0].urn)} instead` : "";
      changes.push({
        urn: old.urn,
        type: old.type,
        reason: `${nameOf(old.urn)} is no longer in the plan (renamed or removed)${successor}`,
      });
      continue;
    }
    const key = NAME_INPUTS[old.type];
    const before = key && (old.inputs?.[key] ?? old.outputs?.[key]);
    const after = key && now.inputs[key];
    if (key && typeof before === "string" && typeof after === "string" && before !== after) {
      changes.push({
        urn: old.urn,
        type: old.type,
        reason: `${nameOf(old.urn)}: ${key} changes from ${before} to ${after}, which AWS cannot rename`,
      });
    }
  }
  return changes;
}

/** The loud block printed before and after the plan when a protected resource would be replaced. */
export function formatProtectedChanges(changes: readonly ProtectedChange[], previousFile: string): string {
  const rule = "!".repeat(100);
  return [
    rule,
    `!! WARNING: this plan would REPLACE ${changes.length} PROTECTED resource(s) of ${previousFile}:`,
    ...changes.map((change) => `!!   ${change.reason}`),
    "!! `pulumi up` would create the new resource, then refuse to delete the protected one and fail; with",
    "!! the protection lifted, it would delete the old one and the history it holds. Keep the old names, or",
    "!! add an alias (https://www.pulumi.com/docs/iac/concepts/options/aliases/) so Pulumi moves it instead.",
    rule,
  ].join("\n");
}

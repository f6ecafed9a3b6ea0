import { z } from "zod";
import { formatIssues } from "../config/issues";
import { parseJsonDocument } from "../json/parse-document";

/** Account states as AWS Organizations reports them (`Account.State`). */
export const ACCOUNT_STATES = ["ACTIVE", "SUSPENDED", "PENDING_CLOSURE", "CLOSED"] as const;
export type AccountState = (typeof ACCOUNT_STATES)[number];

const accountId = z.string().regex(/^\d{12}$/, "a 12-digit account id");
const organizationId = z.string().regex(/^o-[a-z0-9]{10,32}$/, "an organization id like o-abcd123456");
const rootId = z.string().regex(/^r-[0-9a-z]{4,32}$/, "a root id like r-ab12");
const ouId = z.string().regex(/^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/, "an OU id like ou-ab12-cdef3456");
// One pattern, not a union of the two: a union records a failed attempt for every account in an OU,
// which was most of the cost of validating a large organization.
const PARENT_ID = /^(?:r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
const parentId = z.string().regex(PARENT_ID, "a root id (r-…) or an OU id (ou-…)");

/**
 * A policy type's state on a root. The type is a plain string: a type AWS adds later must not make a
 * fresh inventory unreadable.
 */
const rootPolicyType = z.strictObject({
  type: z.string().min(1),
  status: z.enum(["ENABLED", "PENDING_ENABLE", "PENDING_DISABLE"]),
});

/** Policies attached directly to a root or OU, by type, AWS-managed ones (FullAWSAccess) included. */
const attachedPolicyCounts = z
  .record(z.string().min(1), z.number().int().nonnegative())
  .optional()
  .describe("Policies attached directly, by type; absent when not listed.");

export const organizationSnapshotSchema = z
  .strictObject({
    organization: z.strictObject({
      id: organizationId,
      arn: z.string().startsWith("arn:", "an ARN"),
      managementAccountId: accountId,
      featureSet: z.enum(["ALL", "CONSOLIDATED_BILLING"]),
    }),
    roots: z
      .array(
        z.strictObject({
          id: rootId,
          name: z.string().min(1),
          // Absent in snapshots written before org-governance recorded them; the guardrails then ask
          // for a fresh inventory.
          policyTypes: z.array(rootPolicyType).optional(),
          attachedPolicyCounts,
        }),
      )
      .min(1, "at least one root"),
    organizationalUnits: z.array(
      z.strictObject({ id: ouId, name: z.string().min(1), parentId, attachedPolicyCounts }),
    ),
    accounts: z
      .array(
        z.strictObject({
          id: accountId,
          name: z.string().min(1),
          email: z.string().min(3),
          state: z.enum(ACCOUNT_STATES),
          parentId,
          tags: z.record(z.string(), z.string()).optional(),
          joinedTimestamp: z.string().optional(),
        }),
      )
      .min(1, "at least one account"),
    trustedServices: z.array(z.string()).optional(),
    delegatedAdministrators: z
      .array(z.strictObject({ servicePrincipal: z.string(), accountId }))
      .optional()
      .describe("Delegated administrators of services this program cares about (cloudtrail.amazonaws.com)."),
    collectedAt: z.string().min(1),
    metadata: z
      .strictObject({
        source: z.enum(["live", "sample", "generated"]),
        calls: z.number().int().nonnegative().optional(),
        retries: z.number().int().nonnegative().optional(),
        durationMs: z.number().nonnegative().optional(),
      })
      .optional(),
  })
  .superRefine((snapshot, ctx) => {
    const parents = new Set([
      ...snapshot.roots.map((r) => r.id),
      ...snapshot.organizationalUnits.map((o) => o.id),
    ]);
    const seen = new Set<string>();
    snapshot.accounts.forEach((account, i) => {
      if (seen.has(account.id)) {
        ctx.addIssue({ code: "custom", path: ["accounts", i, "id"], message: "duplicate account id" });
      }
      seen.add(account.id);
      if (PARENT_ID.test(account.parentId) && !parents.has(account.parentId)) {
        ctx.addIssue({
          code: "custom",
          path: ["accounts", i, "parentId"],
          message: "no root or organizational unit with this id",
        });
      }
    });
    snapshot.organizationalUnits.forEach((ou, i) => {
      if (PARENT_ID.test(ou.parentId) && !parents.has(ou.parentId)) {
        ctx.addIssue({
          code: "custom",
          path: ["organizationalUnits", i, "parentId"],
          message: "no root or organizational unit with this id",
        });
      }
    });
    if (!seen.has(snapshot.organization.managementAccountId)) {
      ctx.addIssue({
        code: "custom",
        path: ["organization", "managementAccountId"],
        message: "the management account is not among the accounts",
      });
    }
  });

export type OrganizationSnapshot = z.infer<typeof organizationSnapshotSchema>;
export type SnapshotAccount = OrganizationSnapshot["accounts"][number];

/** A file broken everywhere is reported by its first problems, not by hundreds of thousands of lines. */
export const MAX_LISTED_PROBLEMS = 20;

/** Raised for a snapshot that does not match the format; `message` lists the problems, one per line. */
export class SnapshotError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `${source}: ${p}`);
    const more = problems.length - MAX_LISTED_PROBLEMS;
    super([...listed, ...(more > 0 ? [`${source}: and ${more} more problems`] : [])].join("\n"));
    this.name = "SnapshotError";
  }
}

/**
 * Validates a parsed snapshot. Problems name the path inside the file (`accounts[3].state`), the value
 * found and what was expected.
 */
export function parseSnapshot(value: unknown, source: string): OrganizationSnapshot {
  const result = organizationSnapshotSchema.safeParse(value);
  if (!result.success) throw new SnapshotError(source, formatIssues(result.error.issues, value));
  return result.data;
}

/** Parses snapshot JSON text; a syntax error is reported with its position. */
export function parseSnapshotText(text: string, source: string): OrganizationSnapshot {
  const parsed = parseJsonDocument(text);
  if (!parsed.ok) throw new SnapshotError(source, [parsed.problem]);
  return parseSnapshot(parsed.value, source);
}

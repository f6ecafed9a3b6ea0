import { z } from "zod";
import { accountReference } from "./account-reference";

/** The namespace of every key this program reads (`org-governance:<key>`). */
export const CONFIG_NAMESPACE = "org-governance";

/** Retention periods CloudWatch Logs accepts (`PutRetentionPolicy`), in days. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** S3 keeps an object in Standard-IA at least this long after creation before it accepts the transition. */
export const STANDARD_IA_MINIMUM_DAYS = 30;

/** S3 types every lifecycle day count as a 32-bit Integer ("LifecycleRule", S3 API reference). */
export const S3_INTEGER_MAX = 2_147_483_647;

/**
 * The longest default Object Lock retention S3 accepts: 100 years, 36,500 days ("Locking objects with
 * Object Lock", S3 user guide).
 */
export const OBJECT_LOCK_MAX_YEARS = 100;
export const OBJECT_LOCK_MAX_DAYS = 36_500;

/** A whole, positive number of days of at most `max`, reported at its own key. */
function days(max: number, why: string) {
  return z
    .number()
    .int("a whole number of days")
    .positive("a positive number of days")
    .max(max, `at most ${max} days, ${why}`);
}

const lifecycleDays = days(S3_INTEGER_MAX, "the largest day count S3 lifecycle rules accept");

export const organizationConfigSchema = z.strictObject({
  /** @default undefined — the live AWS Organizations API is read */
  snapshotFile: z.string().min(1, "a path to an organization snapshot file").optional(),
});

export const objectLockConfigSchema = z
  .strictObject({
    /** @default "COMPLIANCE" */
    mode: z.enum(["COMPLIANCE", "GOVERNANCE"]).default("COMPLIANCE"),
    /** @default 365 (when `years` is not set) */
    days: days(OBJECT_LOCK_MAX_DAYS, "the longest Object Lock retention S3 accepts").optional(),
    years: z
      .number()
      .int("a whole number of years")
      .positive("a positive number of years")
      .max(
        OBJECT_LOCK_MAX_YEARS,
        `at most ${OBJECT_LOCK_MAX_YEARS} years, the longest Object Lock retention S3 accepts`,
      )
      .optional(),
  })
  .refine((lock) => lock.days === undefined || lock.years === undefined, {
    message: "set either days or years, not both",
  });

export const lifecycleConfigSchema = z.strictObject({
  /** @default 90 */
  infrequentAccessAfterDays: lifecycleDays.optional(),
  /** @default 365 */
  glacierAfterDays: lifecycleDays.optional(),
  /** @default undefined — no Deep Archive transition */
  deepArchiveAfterDays: lifecycleDays.optional(),
  /** @default undefined — logs are never expired */
  expireAfterDays: lifecycleDays.optional(),
});

export const logArchiveConfigSchema = z.strictObject({
  account: accountReference,
  /** @default "OrganizationAccountAccessRole" */
  roleName: z
    .string()
    .regex(/^[\w+=,.@-]{1,64}$/, "an IAM role name (1-64 of letters, digits and +=,.@_-)")
    .default("OrganizationAccountAccessRole"),
  objectLock: objectLockConfigSchema.default({ mode: "COMPLIANCE" }),
  lifecycle: lifecycleConfigSchema.default({}),
  /** @default true */
  protect: z.boolean().default(true),
});

export const dataEventsConfigSchema = z.strictObject({
  /** @default "WriteOnly" (CIS 3.8: object-level logging for write events) */
  s3: z.enum(["none", "WriteOnly", "ReadOnly", "All"]).default("WriteOnly"),
  /** @default false */
  lambda: z.boolean().default(false),
  /** @default false */
  dynamodb: z.boolean().default(false),
});

export const trailConfigSchema = z.strictObject({
  /** @default true — false adds monitoring to an existing trail's log group (Control Tower) */
  create: z.boolean().default(true),
  /**
   * A member account (id, name or e-mail) registered as CloudTrail's delegated administrator, so the
   * security team manages the trail from its own account.
   * @default undefined — none
   */
  delegatedAdministrator: accountReference.optional(),
  /** @default "org-governance" */
  name: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$/,
      "a trail name of 3-128 letters, digits, '.', '_' or '-', starting and ending with a letter or digit",
    )
    .default("org-governance"),
  dataEvents: dataEventsConfigSchema.default({ s3: "WriteOnly", lambda: false, dynamodb: false }),
  /** @default [] */
  insights: z
    .array(z.enum(["ApiCallRateInsight", "ApiErrorRateInsight"]))
    .refine((types) => new Set(types).size === types.length, "each insight type at most once")
    .default([]),
  cloudWatchLogs: z
    .strictObject({
      /** @default 365 */
      retentionDays: z
        .number()
        .refine((days) => (LOG_RETENTION_DAYS as readonly number[]).includes(days), {
          message: `one of ${LOG_RETENTION_DAYS.join(", ")}`,
        })
        .default(365),
    })
    .default({ retentionDays: 365 }),
});

export const monitoringConfigSchema = z.strictObject({
  /** @default "OrgGovernance" */
  // The metric filters' namespace: "MetricTransformation" (CloudWatch Logs API reference) allows 1-255
  // characters matching [^:*$]*, and "Metric" (CloudWatch API reference) [^:].*. A leading space is
  // refused too: it is invisible in the console and almost surely a mistake.
  namespace: z
    .string()
    .regex(
      /^[^:*$\s][^:*$]{0,254}$/,
      "a CloudWatch namespace (1-255 characters, none of : * $, not starting with a space)",
    )
    .refine((ns) => !ns.startsWith("AWS/"), "a namespace that does not start with AWS/ (reserved for AWS)")
    .default("OrgGovernance"),
  /** @default [] */
  emails: z.array(z.email("an e-mail address like secops@example.com")).default([]),
  /** @default "cis" */
  controls: z.union([z.enum(["cis", "all"]), z.array(z.string()).min(1)]).default("cis"),
  /** @default undefined — the log group this program creates for its trail */
  logGroupName: z
    .string()
    .regex(/^[.\-_/#A-Za-z0-9]{1,512}$/, "a log group name (1-512 of letters, digits and . - _ / #)")
    .optional(),
});

/** Preventive guardrails: organization policies that keep the trail and its archive intact. */
export const guardrailsConfigSchema = z.strictObject({
  /** @default true when the program creates the trail (`trail.create`), else false */
  enabled: z.boolean().optional(),
  /** @default "root" — every account of the organization; or a list of OU ids or names (or root ids) */
  targets: z
    .union([
      z.literal("root"),
      z.array(z.string().trim().min(1, "an OU id or name")).min(1, 'at least one OU id or name, or "root"'),
    ])
    .default("root"),
  /** @default [the role the program deploys the archive with] — `aws:PrincipalArn` patterns */
  exemptPrincipals: z.array(z.string()).min(1, "at least one principal ARN pattern").optional(),
  /** @default true — also attach the resource control policy (the archive's data perimeter) */
  resourceControlPolicy: z.boolean().default(true),
});

const tagKey = z
  .string()
  .min(1, "a tag key of 1-128 characters")
  .max(128, "a tag key of 1-128 characters")
  .refine((key) => !key.toLowerCase().startsWith("aws:"), "a tag key that does not start with aws:");

export const stackConfigSchema = z.strictObject({
  organization: organizationConfigSchema.default({}),
  /** Required when the program creates the trail (`trail.create`, the default). */
  logArchive: logArchiveConfigSchema.optional(),
  trail: trailConfigSchema.default(trailConfigSchema.parse({})),
  monitoring: monitoringConfigSchema.default(monitoringConfigSchema.parse({})),
  guardrails: guardrailsConfigSchema.default({ targets: "root", resourceControlPolicy: true }),
  /** Applied to every taggable resource through the providers' default tags. @default {} */
  tags: z.record(tagKey, z.string().max(256, "a tag value of at most 256 characters")).default({}),
});

export type StackConfigInput = z.input<typeof stackConfigSchema>;
export type ParsedStackConfig = z.output<typeof stackConfigSchema>;

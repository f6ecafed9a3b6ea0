import { CONFIG_NAMESPACE, ParsedStackConfig, STANDARD_IA_MINIMUM_DAYS, stackConfigSchema } from "./schema";
import { describeValue, formatIssues } from "./issues";
import { type AwsProviderSettings, awsProviderSettings } from "./aws-provider";
import { partitionOf } from "../naming";
import { selectControls, UnknownControlError } from "../controls";
import { exemptPrincipalProblems } from "../guardrails/exempt-principals";

/** Days in a retention year, as S3 Object Lock counts them. */
export const DAYS_PER_YEAR = 365;
export const DEFAULT_RETENTION_DAYS = 365;
export const DEFAULT_INFREQUENT_ACCESS_AFTER_DAYS = 90;
export const DEFAULT_GLACIER_AFTER_DAYS = 365;

/** The stack configuration after validation, with every default and derived value filled in. */
export interface StackConfig extends Omit<ParsedStackConfig, "logArchive" | "guardrails"> {
  /** `enabled` resolved: on by default whenever the program creates the trail. */
  guardrails: Omit<ParsedStackConfig["guardrails"], "enabled"> & { enabled: boolean };
  /** The home region (`aws:region`): where the trail, its log group and the archive bucket live. */
  region: string;
  partition: string;
  /** The stack's `aws:` settings that every explicit provider receives (`aws:profile`, ...). */
  awsProvider: AwsProviderSettings;
  /** Present whenever `trail.create` is true. */
  logArchive?: Omit<LogArchiveSettings, "objectLock" | "lifecycle"> & {
    objectLock: { mode: "COMPLIANCE" | "GOVERNANCE"; retentionDays: number; days?: number; years?: number };
    lifecycle: {
      infrequentAccessAfterDays?: number;
      glacierAfterDays?: number;
      deepArchiveAfterDays?: number;
      expireAfterDays?: number;
    };
  };
}

type LogArchiveSettings = NonNullable<ParsedStackConfig["logArchive"]>;

/** The log-archive settings after validation, with the retention in days and the default lifecycle. */
export type LogArchiveConfig = NonNullable<StackConfig["logArchive"]>;

/** Every problem of a stack configuration, one line each; thrown before any resource is registered. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "ConfigError";
  }
}

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/**
 * Pulumi hands config values as strings: objects and arrays as JSON text, scalars as plain text.
 * Plain text that parses as JSON (numbers, booleans) becomes that value, as `pulumi config get --json` does.
 */
function decodeConfigValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Validates the whole stack configuration at once.
 *
 * @param raw every config key of the stack, fully qualified (`org-governance:logArchive`, `aws:region`),
 *   as `pulumi.runtime.allConfig()` returns them.
 * @throws ConfigError listing every problem, one line each: the full key, the bad value, what is expected.
 */
export function validateStackConfig(raw: Record<string, string>): StackConfig {
  const problems: string[] = [];
  const prefix = `${CONFIG_NAMESPACE}:`;
  // fromEntries defines own properties: a key named `__proto__` stays an (unknown) key, not a prototype
  // that would silently supply the other keys.
  const document: Record<string, unknown> = Object.fromEntries(
    Object.entries(raw)
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, text]) => [key.slice(prefix.length), decodeConfigValue(text)]),
  );

  const region = raw["aws:region"];
  if (region === undefined || region === "") {
    problems.push("aws:region: required; set the home region with `pulumi config set aws:region eu-west-1`");
  } else if (!REGION_PATTERN.test(region)) {
    problems.push(`aws:region: expected a region like eu-west-1 (got ${describeValue(region)})`);
  }

  const awsProvider = awsProviderSettings(raw);
  problems.push(...awsProvider.problems);

  // Checked on the raw document, so it is reported together with any schema problem.
  const createsTrail = (document.trail as { create?: unknown } | undefined)?.create !== false;
  if (createsTrail && document.logArchive === undefined) {
    problems.push(
      `${prefix}logArchive: required to create the trail; set ${prefix}logArchive.account to the log-archive account's id, name or e-mail (got nothing)`,
    );
  }
  const parsed = stackConfigSchema.safeParse(document);
  if (!parsed.success) {
    problems.push(...formatIssues(parsed.error.issues, document, prefix));
    throw new ConfigError(problems);
  }
  const config = parsed.data;
  const logArchive = config.logArchive && resolveLogArchive(config.logArchive);
  if (logArchive)
    problems.push(...lifecycleProblems(logArchive.lifecycle, logArchive.objectLock.retentionDays));
  if (config.trail.create === false && config.monitoring.logGroupName === undefined) {
    problems.push(
      `${prefix}trail.create: false needs ${prefix}monitoring.logGroupName, the existing trail's log group (got nothing)`,
    );
  }
  problems.push(...controlSelectionProblems(config.monitoring.controls));
  const guardrails = { ...config.guardrails, enabled: config.guardrails.enabled ?? config.trail.create };
  problems.push(...guardrailProblems(config, guardrails.enabled));
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    ...config,
    guardrails,
    region: region!,
    partition: partitionOf(region!),
    awsProvider: awsProvider.settings,
    logArchive,
  };
}

/** The retention in days, and the default lifecycle when none is configured. */
function resolveLogArchive(settings: LogArchiveSettings): LogArchiveConfig {
  const lock = settings.objectLock;
  const retentionDays =
    lock.years !== undefined ? lock.years * DAYS_PER_YEAR : (lock.days ?? DEFAULT_RETENTION_DAYS);
  // Defaults fill an absent lifecycle only: once a user sets any transition, the rule is exactly theirs,
  // so a default never contradicts a value they chose.
  const lifecycle =
    Object.keys(settings.lifecycle).length === 0
      ? {
          infrequentAccessAfterDays: DEFAULT_INFREQUENT_ACCESS_AFTER_DAYS,
          glacierAfterDays: DEFAULT_GLACIER_AFTER_DAYS,
        }
      : settings.lifecycle;
  return { ...settings, objectLock: { ...lock, retentionDays }, lifecycle };
}

const GUARDRAILS_KEY = `${CONFIG_NAMESPACE}:guardrails`;

/** The guardrails protect what the program creates; an exemption of everyone would disable them. */
function guardrailProblems(config: ParsedStackConfig, enabled: boolean): string[] {
  const problems: string[] = [];
  if (enabled && !config.trail.create) {
    problems.push(
      `${GUARDRAILS_KEY}.enabled: true needs the trail and archive this program creates (${CONFIG_NAMESPACE}:trail.create is false); set ${GUARDRAILS_KEY}.enabled false`,
    );
  }
  if (config.trail.delegatedAdministrator !== undefined && !config.trail.create) {
    problems.push(
      `${CONFIG_NAMESPACE}:trail.delegatedAdministrator: needs the trail this program creates (${CONFIG_NAMESPACE}:trail.create is false); remove it`,
    );
  }
  const exempt = config.guardrails.exemptPrincipals;
  if (exempt) problems.push(...exemptPrincipalProblems(exempt, `${GUARDRAILS_KEY}.exemptPrincipals`));
  return problems;
}

function controlSelectionProblems(selection: ParsedStackConfig["monitoring"]["controls"]): string[] {
  try {
    selectControls(selection);
    return [];
  } catch (error) {
    if (!(error instanceof UnknownControlError)) throw error;
    return [`${CONFIG_NAMESPACE}:monitoring.controls: ${error.message}`];
  }
}

const LIFECYCLE_KEY = `${CONFIG_NAMESPACE}:logArchive.lifecycle`;

/** S3's own lifecycle constraints, and ours: nothing may expire before Object Lock lets it go. */
export function lifecycleProblems(lifecycle: LogArchiveConfig["lifecycle"], retentionDays: number): string[] {
  const problems: string[] = [];
  const { infrequentAccessAfterDays: ia, glacierAfterDays: glacier, deepArchiveAfterDays: deep } = lifecycle;
  const expire = lifecycle.expireAfterDays;
  if (ia !== undefined && ia < STANDARD_IA_MINIMUM_DAYS) {
    problems.push(
      `${LIFECYCLE_KEY}.infrequentAccessAfterDays: expected at least ${STANDARD_IA_MINIMUM_DAYS}, S3's minimum for Standard-IA (got ${ia})`,
    );
  }
  if (ia !== undefined && glacier !== undefined && glacier < ia + STANDARD_IA_MINIMUM_DAYS) {
    problems.push(
      `${LIFECYCLE_KEY}.glacierAfterDays: expected at least infrequentAccessAfterDays + ${STANDARD_IA_MINIMUM_DAYS} = ${ia + STANDARD_IA_MINIMUM_DAYS}, as S3 keeps objects 30 days in Standard-IA (got ${glacier})`,
    );
  }
  // Standard-IA keeps objects 30 days whichever class comes next.
  const minimumDeep =
    glacier !== undefined ? glacier + 1 : ia !== undefined ? ia + STANDARD_IA_MINIMUM_DAYS : undefined;
  if (deep !== undefined && minimumDeep !== undefined && deep < minimumDeep) {
    problems.push(
      `${LIFECYCLE_KEY}.deepArchiveAfterDays: expected at least ${minimumDeep}, after the previous transition (got ${deep})`,
    );
  }
  if (expire !== undefined) {
    if (expire < retentionDays) {
      problems.push(
        `${LIFECYCLE_KEY}.expireAfterDays: expected at least ${retentionDays}, the Object Lock retention, or logs would be scheduled for deletion while locked (got ${expire})`,
      );
    }
    const last = deep ?? glacier ?? ia;
    if (last !== undefined && expire <= last) {
      problems.push(
        `${LIFECYCLE_KEY}.expireAfterDays: expected more than ${last}, the last transition (got ${expire})`,
      );
    }
  }
  return problems;
}

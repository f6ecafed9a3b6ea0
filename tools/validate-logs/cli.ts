import { Command, InvalidArgumentError, Option } from "commander";
import type { CommandIO } from "../cli/io";

export const DEFAULT_CONCURRENCY = 16;
const DAY_MS = 86_400_000;

export interface ValidateLogsOptions {
  stack?: string;
  bucket?: string;
  trailArn?: string;
  keyPrefix?: string;
  orgSnapshot?: string;
  accounts?: string[];
  regions?: string[];
  from: Date;
  to: Date;
  concurrency: number;
  json: boolean;
}

/** Thrown for bad arguments: exit 2 with this one line. */
export class ArgumentsError extends Error {}

function isoDate(text: string): Date {
  const date = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError(
      `expected an ISO 8601 time like 2026-01-31T12:00:00Z (got ${JSON.stringify(text)})`,
    );
  }
  return date;
}

function list(pattern: RegExp, what: string) {
  return (text: string): string[] => {
    const items = text
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean);
    const bad = items.find((item) => !pattern.test(item));
    if (items.length === 0 || bad !== undefined)
      throw new InvalidArgumentError(`expected ${what} (got ${JSON.stringify(bad ?? text)})`);
    return items;
  };
}

function positiveInteger(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 256)
    throw new InvalidArgumentError(`expected a whole number from 1 to 256 (got ${JSON.stringify(text)})`);
  return value;
}

/** Parses argv; `undefined` when commander already answered (--help). Throws ArgumentsError on bad usage. */
export function parseValidateLogsArgs(
  argv: string[],
  io: CommandIO,
  now: Date = new Date(),
): ValidateLogsOptions | undefined {
  let helped = false;
  const program = new Command("validate-logs")
    .description(
      "Proves a CloudTrail archive intact: walks every account and region's signed digest chain and checks every log file it lists (CloudTrail log file integrity validation).",
    )
    .usage("[--stack NAME | --bucket NAME --trail-arn ARN] [options]")
    .option(
      "--stack <name>",
      "read the bucket, trail and organization from Pulumi.<name>.yaml, as npm run plan does (default: prod, when --bucket is not given)",
    )
    .option("--bucket <name>", "the archive bucket (with --trail-arn instead of --stack)")
    .option(
      "--trail-arn <arn>",
      "the trail whose digests to validate: arn:aws:cloudtrail:<home-region>:<account>:trail/<name>",
    )
    .option("--key-prefix <prefix>", "the trail's S3 key prefix (default: none)")
    .option(
      "--org-snapshot <file>",
      "organization snapshot to take the organization id and accounts from (default: the stack's snapshotFile, else the live organization)",
    )
    .option(
      "--accounts <ids>",
      "comma-separated account ids to validate (default: the organization's active accounts, or every account folder)",
      list(/^\d{12}$/, "12-digit account ids separated by commas"),
    )
    .option(
      "--regions <regions>",
      "comma-separated regions (default: every region folder of each account)",
      list(/^[a-z]{2}(-[a-z]+)+-\d+$/, "regions like eu-west-1 separated by commas"),
    )
    .option("--from <time>", "start of the window, ISO 8601 UTC (default: 24 hours before --to)", isoDate)
    .option("--to <time>", "end of the window, ISO 8601 UTC (default: now)", isoDate)
    .addOption(
      new Option("--concurrency <n>", "objects fetched at once")
        .default(DEFAULT_CONCURRENCY)
        .argParser(positiveInteger),
    )
    .option("--json", "print one JSON document on stdout instead of the text report", false)
    .addHelpText(
      "after",
      "\nExit codes: 0 every digest and log file valid, 1 a problem found (or nothing to validate), 2 could not run (arguments, credentials, access denied).",
    )
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => {
        helped = true;
        io.stdout(text);
      },
      writeErr: () => {},
    });
  try {
    program.parse(argv, { from: "user" });
  } catch (error) {
    if (helped) return undefined;
    const message = (error as Error).message.replace(/^error: /, "").replace(/\s*\n\s*/g, " ");
    throw new ArgumentsError(`validate-logs: ${message}; see --help`);
  }
  const options = program.opts<
    Partial<ValidateLogsOptions> & Pick<ValidateLogsOptions, "concurrency" | "json">
  >();
  if (options.stack && (options.bucket || options.trailArn))
    throw new ArgumentsError("validate-logs: give --stack or --bucket with --trail-arn, not both");
  if (Boolean(options.bucket) !== Boolean(options.trailArn))
    throw new ArgumentsError("validate-logs: --bucket and --trail-arn go together; give both, or --stack");
  const to = options.to ?? now;
  const from = options.from ?? new Date(to.getTime() - DAY_MS);
  if (from.getTime() >= to.getTime())
    throw new ArgumentsError(
      `validate-logs: --from ${from.toISOString()} is not before --to ${to.toISOString()}; swap them`,
    );
  return {
    ...options,
    stack: options.bucket ? undefined : (options.stack ?? "prod"),
    from,
    to,
  };
}

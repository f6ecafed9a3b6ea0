import { existsSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { Command, CommanderError, Option } from "commander";
import type { CommandIO } from "../cli/io";
import { QUERY_SIDE_DEFAULTS } from "../../lib/investigation/names";
import { findQuestion, QUESTIONS, type Question } from "../../lib/investigation/questions";
import { renderQuestion } from "../../lib/investigation/render";
import { timeWindow } from "../../lib/investigation/time-window";
import type { TimeWindow } from "../../lib/investigation/dialects";
import type { Engine } from "./engine";

export interface InvestigateOptions {
  dir?: string;
  engine: "duckdb" | "athena" | "lake";
  from?: string;
  to?: string;
  json?: boolean;
  csv?: boolean;
  out?: string;
  sql?: boolean;
  limit: number;
  workgroup: string;
  database: string;
  table: string;
  region?: string;
  eventDataStore?: string;
}

const EXIT_CODES = `
Questions:
${QUESTIONS.map((q) => `  ${`${q.name} ${q.parameter.required ? q.parameter.name : `[${q.parameter.name}]`}`.padEnd(24)} ${q.purpose}`).join("\n")}

Examples:
  npm run investigate -- access-key AKIAL80DWDVKKEXAMPLE --dir tests/fixtures/stratus-red-team
  npm run investigate -- principal arn:aws:iam::143434273843:user/christophe --dir ./archive --from 2024-07-31
  npm run investigate -- ip 10.0.0.0/8 --engine athena --from 2024-07-30 --to 2024-08-01 --csv

Exit codes: 0 events found, 1 no events found, 2 could not run (usage, files, credentials, access denied, failed query).`;

function parseLimit(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new CommanderError(2, "investigate.limit", `--limit ${text} is not a positive whole number`);
  return n;
}

export function buildProgram(io: CommandIO): Command {
  return new Command("investigate")
    .description(
      "Answer who did what from CloudTrail logs: a local directory (DuckDB), Athena, or CloudTrail Lake.",
    )
    .argument("<question>", `one of: ${QUESTIONS.map((q) => q.name).join(", ")}`)
    .argument(
      "[value]",
      "what the question is about (a principal, access key id, IP or CIDR, resource, event id)",
    )
    .option(
      "--dir <path>",
      "a directory (or file) of CloudTrail logs, .json or .json.gz, e.g. from aws s3 sync (DuckDB engine)",
    )
    .addOption(
      new Option("--engine <engine>", "where the logs are read")
        .choices(["duckdb", "athena", "lake"])
        .default("duckdb"),
    )
    .option(
      "--from <time>",
      "only events at or after this ISO-8601 time (default: no lower bound; Athena: 30 days ago)",
    )
    .option("--to <time>", "only events before this ISO-8601 time (default: no upper bound)")
    .addOption(
      new Option("--json", "print one JSON document on stdout instead of the table").conflicts("csv"),
    )
    .option("--csv", "print CSV (RFC 4180) on stdout instead of the table")
    .option("--out <file>", "write the report to FILE instead of stdout")
    .option("--sql", "print the SQL the engine would run, and run nothing")
    .option("--limit <n>", "at most this many events", parseLimit, 10000)
    .option("--workgroup <name>", "Athena workgroup", QUERY_SIDE_DEFAULTS.workgroup)
    .option("--database <name>", "Athena (Glue) database", QUERY_SIDE_DEFAULTS.database)
    .option("--table <name>", "Athena table", QUERY_SIDE_DEFAULTS.table)
    .option(
      "--region <region>",
      "AWS region of Athena or the event data store (default: AWS_REGION / the profile's)",
    )
    .option("--event-data-store <arn>", "CloudTrail Lake event data store ARN (engine lake)")
    .addHelpText("after", EXIT_CODES)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (t) => io.stdout(t.trimEnd()), writeErr: (t) => io.stderr(t.trimEnd()) });
}

class UsageProblem extends Error {}

function validate(
  name: string,
  value: string | undefined,
  options: InvestigateOptions,
): { question: Question; window: TimeWindow } {
  const question = findQuestion(name);
  if (!question) {
    const near = QUESTIONS.find((q) => q.name.startsWith(name.slice(0, 2)));
    throw new UsageProblem(
      `unknown question ${JSON.stringify(name)}${near ? ` (did you mean ${near.name}?)` : ""}; one of ${QUESTIONS.map((q) => q.name).join(", ")}`,
    );
  }
  if (question.parameter.required && !value) {
    throw new UsageProblem(
      `${question.name} needs ${question.parameter.name} (${question.parameter.description}), e.g. ${question.parameter.example}`,
    );
  }
  if (options.engine === "duckdb" && !options.dir && !options.sql)
    throw new UsageProblem("--dir is required with the DuckDB engine; pass a directory of CloudTrail logs");
  if (options.engine === "lake" && !options.eventDataStore)
    throw new UsageProblem("--event-data-store ARN is required with --engine lake");
  if (options.out && !existsSync(dirname(options.out)))
    throw new UsageProblem(
      `--out ${options.out}: directory ${dirname(options.out)} does not exist; create it first`,
    );
  let window: TimeWindow;
  try {
    window = timeWindow(options.from, options.to);
  } catch (error) {
    throw new UsageProblem((error as Error).message);
  }
  // Athena bills by bytes scanned: without --from the partitions of the last 30 days bound the scan.
  if (options.engine === "athena" && !window.from) {
    window = {
      ...window,
      from: `${new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`,
    };
  }
  return { question, window };
}

async function openEngine(options: InvestigateOptions): Promise<Engine> {
  if (options.engine === "athena") {
    const { openAthenaEngine } = await import("./athena-engine");
    return openAthenaEngine({
      workgroup: options.workgroup,
      database: options.database,
      table: options.table,
      region: options.region,
    });
  }
  if (options.engine === "lake") {
    const { openLakeEngine } = await import("./lake-engine");
    return openLakeEngine({ eventDataStoreArn: options.eventDataStore!, region: options.region });
  }
  const { listLogFiles } = await import("./log-files");
  const { openDuckDbEngine } = await import("./duckdb-engine");
  return openDuckDbEngine({ files: listLogFiles(options.dir!) });
}

async function sqlOnly(
  question: Question,
  value: string | undefined,
  window: TimeWindow,
  options: InvestigateOptions,
): Promise<string> {
  const dialects = await import("../../lib/investigation/dialects");
  const { eventDataStoreId } = await import("./lake-engine");
  const dialect =
    options.engine === "athena"
      ? dialects.athenaDialect(options.database, options.table)
      : options.engine === "lake"
        ? dialects.lakeDialect(eventDataStoreId(options.eventDataStore!))
        : dialects.duckdbDialect();
  return renderQuestion(question, dialect, value === undefined ? undefined : { literal: value }, {
    window,
    limit: options.limit,
  });
}

/** The command: parse, run the question, print; the exit code (0 found, 1 none, 2 could not run). */
export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  const program = buildProgram(io);
  try {
    program.parse([...argv], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const options = program.opts<InvestigateOptions>();
  const [name, value] = program.processedArgs as [string, string | undefined];
  let question: Question;
  let window: TimeWindow;
  try {
    ({ question, window } = validate(name, value, options));
  } catch (error) {
    if (error instanceof UsageProblem) {
      io.stderr(`investigate: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const emit = (text: string) => (options.out ? writeFileSync(options.out, `${text}\n`) : io.stdout(text));
  try {
    if (options.sql) {
      emit(await sqlOnly(question, value, window, options));
      return 0;
    }
    const { investigate } = await import("./investigate");
    const format = await import("./format");
    const engine = await openEngine(options);
    const progress = io.isTTY
      ? (status: string) => process.stderr.write(`\r\x1b[2K${question.name}: ${status}`)
      : undefined;
    try {
      const answer = await investigate(engine, question, value, window, progress);
      if (progress) process.stderr.write("\r\x1b[2K");
      emit(
        options.json
          ? format.jsonReport(question.name, value, answer)
          : options.csv
            ? format.csvReport(answer.rows)
            : format.textReport(answer),
      );
      return answer.rows.length > 0 ? 0 : 1;
    } finally {
      await engine.close();
    }
  } catch (error) {
    io.stderr(`investigate: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

import type { Command } from "commander";
import { Option } from "commander";
import type { ControlSelection } from "../../lib/controls";
import { defineCommand, jsonOption } from "../cli/command";
import { UsageError } from "../cli/io";

export { UsageError };

/** The pattern tester's flags; `--help` and usage errors answer before the catalog and engine load. */
export function patternCommand(): Command {
  return defineCommand({
    name: "pattern",
    summary:
      "Prints the log events in FILE (or stdin when FILE is missing or -) that a CloudWatch Logs filter " +
      "pattern (JSON, space-delimited or terms), or the catalog's monitoring controls, match.",
    exitCodes: {
      0: "an event matched",
      1: "no event matched",
      2: "bad usage, a pattern that does not parse, or unreadable input",
    },
  })
    .argument(
      "[files...]",
      'CloudTrail log files ({"Records": [...]}), JSON arrays of records, `aws cloudtrail lookup-events` ' +
        "output, or one event per line: a JSON record, or any other line as a text event, as CloudWatch " +
        "Logs treats it; optionally gzipped",
    )
    .option("-p, --pattern <pattern>", "match this filter pattern")
    .option("--catalog", "match the catalog's monitoring controls and count the events per control")
    .option(
      "--controls <selection>",
      "with --catalog: cis, all, or comma-separated control ids (default: cis)",
    )
    .addOption(jsonOption().conflicts("jsonl"))
    .addOption(
      new Option("--jsonl", "print one JSON object per matching event as it is found (JSON Lines, streamed)"),
    );
}

export type Matching = { kind: "pattern"; pattern: string } | { kind: "catalog"; controls: ControlSelection };

export type OutputFormat = "table" | "json" | "jsonl";

export interface PatternCliOptions {
  matching: Matching;
  output: OutputFormat;
  /** File paths; "-" is standard input. */
  inputs: string[];
}

/** The flags as commander parsed them. */
export interface PatternFlags {
  pattern?: string;
  catalog?: boolean;
  controls?: string;
  json?: boolean;
  jsonl?: boolean;
}

function parseControlSelection(text: string): ControlSelection {
  if (text === "cis" || text === "all") return text;
  const ids = text
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  if (ids.length === 0)
    throw new UsageError(`--controls: expected cis, all or control ids, got ${JSON.stringify(text)}`);
  return ids;
}

/** What to match and how to print it; a contradiction is a one-line `UsageError`. */
export function resolvePatternOptions(flags: PatternFlags, files: readonly string[]): PatternCliOptions {
  const inputs = files.length === 0 ? ["-"] : [...files];
  const output: OutputFormat = flags.json ? "json" : flags.jsonl ? "jsonl" : "table";
  if (flags.pattern !== undefined && flags.catalog) {
    throw new UsageError("--pattern and --catalog exclude each other; give one of them");
  }
  if (flags.controls !== undefined && !flags.catalog) {
    throw new UsageError("--controls only applies with --catalog; add --catalog or drop --controls");
  }
  if (flags.pattern !== undefined) {
    return { matching: { kind: "pattern", pattern: flags.pattern }, output, inputs };
  }
  if (flags.catalog) {
    return {
      matching: { kind: "catalog", controls: parseControlSelection(flags.controls ?? "cis") },
      output,
      inputs,
    };
  }
  throw new UsageError("nothing to match: give --pattern P or --catalog");
}

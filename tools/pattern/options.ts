import { parseArgs } from "node:util";
import type { ControlSelection } from "../../lib/controls";

export const USAGE = `Usage: npm run pattern -- (--pattern P | --catalog [--controls cis|all|id,id]) [--json] [FILE...]

Prints the CloudTrail records in FILE (or stdin when FILE is missing or "-") that a CloudWatch Logs
filter pattern matches. FILE is a CloudTrail log file ({"Records": [...]}), a JSON array of records or
JSON Lines, optionally gzipped.

  -p, --pattern P     match this filter pattern
      --catalog       match the monitoring controls of the catalog and count hits per control
      --controls SEL  with --catalog: cis (default), all, or comma-separated control ids
      --json          one JSON object per matching record instead of a table
  -h, --help          show this help

Exit status: 0 when a record matched, 1 when none did, 2 on bad usage or unreadable input.
`;

export type Matching = { kind: "pattern"; pattern: string } | { kind: "catalog"; controls: ControlSelection };

export interface PatternCliOptions {
  help: boolean;
  matching: Matching;
  json: boolean;
  /** File paths; "-" is standard input. */
  inputs: string[];
}

/** Bad command-line usage; `message` is one line. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
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

export function parsePatternCliArgs(argv: readonly string[]): PatternCliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        pattern: { type: "string", short: "p" },
        catalog: { type: "boolean", default: false },
        controls: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const inputs = positionals.length === 0 ? ["-"] : positionals;
  const json = values.json === true;
  if (values.help === true)
    return { help: true, matching: { kind: "catalog", controls: "cis" }, json, inputs };
  if (values.pattern !== undefined && values.catalog === true) {
    throw new UsageError("--pattern and --catalog exclude each other; give one of them");
  }
  if (values.controls !== undefined && values.catalog !== true) {
    throw new UsageError("--controls only applies with --catalog; add --catalog or drop --controls");
  }
  if (values.pattern !== undefined) {
    return { help: false, matching: { kind: "pattern", pattern: values.pattern }, json, inputs };
  }
  if (values.catalog === true) {
    const controls = parseControlSelection(values.controls ?? "cis");
    return { help: false, matching: { kind: "catalog", controls }, json, inputs };
  }
  throw new UsageError("nothing to match: give --pattern P or --catalog (see --help)");
}

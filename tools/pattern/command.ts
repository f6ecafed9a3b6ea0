import { createReadStream } from "node:fs";
import { selectControls, UnknownControlError, type MonitoringControl } from "../../lib/controls";
import { compileFilterPattern, FilterPatternSyntaxError } from "../../lib/filter-pattern";
import { alignedTable, matchesTable, matchJson, matchRow, type MatchRow } from "./format";
import { DEFAULT_MAX_DOCUMENT_BYTES, InputError, readRecords } from "./input";
import { parsePatternCliArgs, USAGE, UsageError, type PatternCliOptions } from "./options";
import { createProgress } from "./progress";

export interface PatternOutput {
  write(text: string): boolean;
  once?(event: "drain", listener: () => void): unknown;
}

export interface PatternIo {
  stdin: AsyncIterable<unknown>;
  stdout: PatternOutput;
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Tests lower this to exercise the size refusal without writing 128 MiB. */
  maxDocumentBytes?: number;
}

type RecordTest = (record: Record<string, unknown>) => readonly string[] | undefined;

/** Honours back-pressure so a large --json run into a slow pipe does not buffer in memory. */
async function emit(out: PatternOutput, text: string): Promise<void> {
  if (!out.write(text) && out.once !== undefined) {
    const once = out.once.bind(out);
    await new Promise<void>((resolve) => once("drain", resolve));
  }
}

function sourceName(input: string): string {
  return input === "-" ? "(stdin)" : input;
}

function catalogTest(controls: readonly MonitoringControl[]): RecordTest {
  const matchers = controls.map((control) => ({
    id: control.id,
    matcher: compileFilterPattern(control.filterPattern),
  }));
  return (record) => {
    const fired = matchers.filter(({ matcher }) => matcher.matchesRecord(record)).map(({ id }) => id);
    return fired.length > 0 ? fired : undefined;
  };
}

function patternTest(pattern: string): RecordTest {
  const matcher = compileFilterPattern(pattern);
  return (record) => (matcher.matchesRecord(record) ? [] : undefined);
}

function countsTable(controls: readonly MonitoringControl[], counts: Map<string, number>): string {
  const rows = controls.map((c) => [c.id, c.set, String(counts.get(c.id) ?? 0)]);
  return alignedTable(["CONTROL", "SET", "RECORDS"], rows);
}

async function run(options: PatternCliOptions, io: PatternIo): Promise<number> {
  const { matching } = options;
  const catalog = matching.kind === "catalog" ? selectControls(matching.controls) : undefined;
  const test = matching.kind === "pattern" ? patternTest(matching.pattern) : catalogTest(catalog ?? []);
  const progress = createProgress(io.stderr);
  const rows: MatchRow[] = [];
  const counts = new Map<string, number>();
  let read = 0;
  let matched = 0;
  let failed = false;
  for (const input of options.inputs) {
    const source = sourceName(input);
    const stream = input === "-" ? io.stdin : createReadStream(input);
    try {
      for await (const record of readRecords(
        stream,
        source,
        io.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES,
      )) {
        read++;
        progress.record(source);
        const fired = test(record);
        if (fired === undefined) continue;
        matched++;
        for (const id of fired) counts.set(id, (counts.get(id) ?? 0) + 1);
        const row = matchRow(record, source, catalog === undefined ? undefined : fired);
        if (options.json) await emit(io.stdout, matchJson(row));
        else rows.push(row);
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      progress.done();
      io.stderr.write(`${error.message}\n`);
      failed = true;
    }
  }
  progress.done();
  if (!options.json && rows.length > 0) {
    await emit(io.stdout, matchesTable(rows, options.inputs.length > 1, catalog !== undefined));
  }
  if (!options.json && catalog !== undefined) {
    const summary = `${read} records read, ${matched} matched\n`;
    await emit(io.stdout, (rows.length > 0 ? "\n" : "") + countsTable(catalog, counts) + summary);
  }
  if (failed) return 2;
  return matched > 0 ? 0 : 1;
}

/** The pattern CLI; resolves to the exit status (0 matched, 1 nothing matched, 2 bad usage or input). */
export async function main(argv: readonly string[], io: PatternIo): Promise<number> {
  let options: PatternCliOptions;
  try {
    options = parsePatternCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (options.help) {
    await emit(io.stdout, USAGE);
    return 0;
  }
  try {
    return await run(options, io);
  } catch (error) {
    if (error instanceof FilterPatternSyntaxError) io.stderr.write(`pattern ${error.message}\n`);
    else if (error instanceof UnknownControlError) io.stderr.write(`--controls: ${error.message}\n`);
    else throw error;
    return 2;
  }
}

if (require.main === module) {
  // A closed pipe (`| head`) is the reader saying it has seen enough, not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
  void main(process.argv.slice(2), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  }).then((code) => {
    process.exitCode = code;
  });
}

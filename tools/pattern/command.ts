import { createReadStream } from "node:fs";
import type { MonitoringControl } from "../../lib/controls";
import type { FilterMatcher } from "../../lib/filter-pattern";
import { runCommand } from "../cli/command";
import { streamIO } from "../cli/io";
import { alignedTable, matchesTable, matchJson, matchRow, textRow, type MatchRow } from "./format";
import { DEFAULT_MAX_DOCUMENT_BYTES, InputError, readLogEvents, type LogEvent } from "./input";
import { patternCommand, resolvePatternOptions, type PatternCliOptions, type PatternFlags } from "./options";
import { createProgress } from "./progress";

/** Loaded after the arguments parse: the catalog and the filter-pattern engine. */
function loadMatching() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    ...(require("../../lib/controls") as typeof import("../../lib/controls")),
    ...(require("../../lib/filter-pattern") as typeof import("../../lib/filter-pattern")),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

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
  /** True when stdin is a terminal: reading it then waits for typing, so the CLI says so. */
  stdinIsTTY?: boolean;
}

type RecordTest = (event: LogEvent) => readonly string[] | undefined;

const WAITING_FOR_STDIN =
  "reading log events from stdin (a terminal): paste them and end with Ctrl-D, or give a FILE (see --help)\n";

function matches(matcher: FilterMatcher, event: LogEvent): boolean {
  return event.kind === "record"
    ? matcher.matchesRecord(event.record)
    : matcher.matchesMessage(event.message);
}

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
  const { compileFilterPattern } = loadMatching();
  const matchers = controls.map((control) => ({
    id: control.id,
    matcher: compileFilterPattern(control.filterPattern),
  }));
  return (event) => {
    const fired = matchers.filter(({ matcher }) => matches(matcher, event)).map(({ id }) => id);
    return fired.length > 0 ? fired : undefined;
  };
}

function patternTest(pattern: string): RecordTest {
  const { compileFilterPattern } = loadMatching();
  const matcher = compileFilterPattern(pattern);
  return (event) => (matches(matcher, event) ? [] : undefined);
}

function countsTable(controls: readonly MonitoringControl[], counts: Map<string, number>): string {
  const rows = controls.map((c) => [c.id, c.set, String(counts.get(c.id) ?? 0)]);
  return alignedTable(["CONTROL", "SET", "RECORDS"], rows);
}

async function run(options: PatternCliOptions, io: PatternIo): Promise<number> {
  const { matching, output } = options;
  const catalog = matching.kind === "catalog" ? loadMatching().selectControls(matching.controls) : undefined;
  const test = matching.kind === "pattern" ? patternTest(matching.pattern) : catalogTest(catalog ?? []);
  const progress = createProgress(io.stderr);
  const rows: MatchRow[] = [];
  const counts = new Map<string, number>();
  let read = 0;
  let matched = 0;
  let failed = false;
  for (const input of options.inputs) {
    const source = sourceName(input);
    if (input === "-" && io.stdinIsTTY === true) io.stderr.write(WAITING_FOR_STDIN);
    const stream = input === "-" ? io.stdin : createReadStream(input);
    try {
      for await (const event of readLogEvents(
        stream,
        source,
        io.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES,
      )) {
        read++;
        progress.record(source);
        const fired = test(event);
        if (fired === undefined) continue;
        matched++;
        for (const id of fired) counts.set(id, (counts.get(id) ?? 0) + 1);
        const controls = catalog === undefined ? undefined : fired;
        const row =
          event.kind === "record"
            ? matchRow(event.record, source, controls)
            : textRow(event.message, event.line, source, controls);
        if (output === "jsonl") await emit(io.stdout, matchJson(row));
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
  if (output === "json") {
    const perControl = catalog && Object.fromEntries(catalog.map((c) => [c.id, counts.get(c.id) ?? 0]));
    const document = {
      recordsRead: read,
      recordsMatched: matched,
      matches: rows,
      ...(perControl && { perControl }),
    };
    await emit(io.stdout, `${JSON.stringify(document, null, 2)}\n`);
  }
  if (output === "table" && rows.length > 0) {
    await emit(io.stdout, matchesTable(rows, options.inputs.length > 1, catalog !== undefined));
  }
  if (output === "table" && catalog !== undefined) {
    const summary = `${read} records read, ${matched} matched\n`;
    await emit(io.stdout, (rows.length > 0 ? "\n" : "") + countsTable(catalog, counts) + summary);
  }
  if (failed) return 2;
  return matched > 0 ? 0 : 1;
}

/** The pattern CLI; resolves to the exit status (0 matched, 1 nothing matched, 2 bad usage or input). */
export function main(argv: readonly string[], io: PatternIo): Promise<number> {
  return runCommand<PatternFlags>(patternCommand(), argv, streamIO(io), async (flags, files) => {
    const options = resolvePatternOptions(flags, files);
    const { FilterPatternSyntaxError, UnknownControlError } = loadMatching();
    try {
      return await run(options, io);
    } catch (error) {
      if (error instanceof FilterPatternSyntaxError) io.stderr.write(`pattern ${error.message}\n`);
      else if (error instanceof UnknownControlError) io.stderr.write(`--controls: ${error.message}\n`);
      else throw error;
      return 2;
    }
  });
}

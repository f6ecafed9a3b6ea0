import { existsSync } from "node:fs";
import * as path from "node:path";
import { CommandIO, runAsProcess, UsageError } from "../cli/io";
import { BenchUsageError, exitCodeOf, parseBenchArgs, USAGE } from "./cli-options";
import { toJsonReport, writeJsonReport } from "./json-report";
import { currentLoadAverage, describeMachine, formatMachine } from "./machine";
import { createProgressLine } from "./progress-line";
import { runBench } from "./run-bench";
import { formatMarkdownTable, formatTable } from "./table";

/**
 * `npm run bench`: each figure the median of several runs after a warm-up, and a ratio to its floor where
 * there is one. Exit 0: every target held; 1: a target was missed; 2: usage error or a measurement failed.
 */
export async function main(
  argv: string[],
  io: CommandIO,
  projectDir = path.join(__dirname, "..", ".."),
): Promise<number> {
  let options;
  try {
    options = parseBenchArgs(argv);
  } catch (error) {
    if (error instanceof BenchUsageError) throw new UsageError(error.message);
    throw error;
  }
  if (options.help) {
    io.stdout(USAGE);
    return 0;
  }
  const jsonFile = options.json === undefined ? undefined : path.resolve(options.json);
  // Checked first: a run takes minutes, and its figures would be lost to a typo noticed only at the end.
  if (jsonFile && !existsSync(path.dirname(jsonFile))) {
    throw new UsageError(
      `--json ${options.json}: the directory ${path.dirname(jsonFile)} does not exist; create it or pick another`,
    );
  }
  // The SDK's notice that it will need a newer Node one day says nothing about these figures.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

  const machine = describeMachine();
  const startedAt = new Date();
  const started = performance.now();
  const progress = createProgressLine(
    { write: (text) => process.stderr.write(text) },
    io.isTTY,
    process.stderr.columns,
  );
  let figures;
  try {
    figures = await runBench({
      mode: options.mode,
      projectDir,
      only: options.only,
      onProgress: (message) => progress.show(message),
    });
  } finally {
    progress.clear();
  }
  const durationMs = performance.now() - started;

  io.stdout(`org-governance benchmarks (${options.mode}), ${(durationMs / 1000).toFixed(0)} s`);
  io.stdout(`machine: ${formatMachine(machine)}`);
  io.stdout("");
  io.stdout(options.markdown ? formatMarkdownTable(figures) : formatTable(figures));
  if (jsonFile) {
    const loadAverageAtEnd = currentLoadAverage();
    writeJsonReport(
      jsonFile,
      toJsonReport({ mode: options.mode, startedAt, durationMs, machine, loadAverageAtEnd, figures }),
    );
    io.stdout(`\nWrote every figure to ${jsonFile}.`);
  }
  return exitCodeOf(figures);
}

if (require.main === module) runAsProcess(main);

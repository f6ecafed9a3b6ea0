import * as path from "node:path";
import { runCommand } from "../cli/command";
import type { CommandIO } from "../cli/io";
import { benchCommand, exitCodeOf, type BenchCliOptions } from "./cli-options";

/** `npm run bench`: the figures as a table (or one JSON document with --json), optionally written to --out. */
export function main(
  argv: string[],
  io: CommandIO,
  projectDir = path.join(__dirname, "..", ".."),
): Promise<number> {
  return runCommand<BenchCliOptions>(benchCommand(), argv, io, (options) => bench(options, io, projectDir));
}

async function bench(options: BenchCliOptions, io: CommandIO, projectDir: string): Promise<number> {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { toJsonReport, writeJsonReport } = require("./json-report") as typeof import("./json-report");
  const { currentLoadAverage, describeMachine, formatMachine } =
    require("./machine") as typeof import("./machine");
  const { createProgressLine } = require("./progress-line") as typeof import("./progress-line");
  const { runBench } = require("./run-bench") as typeof import("./run-bench");
  const { formatMarkdownTable, formatTable } = require("./table") as typeof import("./table");
  /* eslint-enable @typescript-eslint/no-require-imports */
  // The SDK's notice that it will need a newer Node one day says nothing about these figures.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

  const mode = options.quick ? "quick" : "full";
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
      mode,
      projectDir,
      only: options.only,
      onProgress: (message) => progress.show(message),
    });
  } finally {
    progress.clear();
  }
  const durationMs = performance.now() - started;
  const report = () =>
    toJsonReport({ mode, startedAt, durationMs, machine, loadAverageAtEnd: currentLoadAverage(), figures });

  if (options.json) {
    io.stdout(JSON.stringify(report(), null, 2));
  } else {
    io.stdout(`org-governance benchmarks (${mode}), ${(durationMs / 1000).toFixed(0)} s`);
    io.stdout(`machine: ${formatMachine(machine)}`);
    io.stdout("");
    io.stdout(options.markdown ? formatMarkdownTable(figures) : formatTable(figures));
  }
  if (options.out) {
    writeJsonReport(options.out, report());
    if (!options.json) io.stdout(`\nWrote every figure to ${options.out}.`);
  }
  return exitCodeOf(figures);
}

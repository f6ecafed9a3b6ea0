import { existsSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { Command, CommanderError } from "commander";
import { type CommandIO, UsageError } from "../cli/io";

export const DEFAULT_TARGET = "docs/monitoring-controls.md";

const EXIT_CODES = `
Exit codes:
  0  the table is up to date (or was rewritten)
  1  --check: the table differs from the catalog
  2  could not run: no such file, no controls table in it, or a usage error`;

/**
 * `npm run docs:controls -- [FILE]`: rewrites the monitoring-controls table in FILE from the catalog
 * (lib/controls), so the docs never drift from what the program deploys.
 */
export async function main(argv: string[], io: CommandIO, projectDir = process.cwd()): Promise<number> {
  const program = new Command("docs:controls")
    .description(
      "Regenerate the monitoring-controls table of a Markdown file from the catalog in lib/controls.",
    )
    .argument("[file]", "the Markdown file that holds the table", DEFAULT_TARGET)
    .option("--check", "change nothing; exit 1 when the table is out of date", false)
    .addHelpText("after", EXIT_CODES)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text.trimEnd()),
      writeErr: (text) => io.stderr(text.trimEnd()),
    });
  try {
    program.parse(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const file = path.resolve(projectDir, program.processedArgs[0] as string);
  const { check } = program.opts<{ check: boolean }>();
  if (!existsSync(file))
    throw new UsageError(`${file}: no such file; give the Markdown file that holds the table`);

  // Loaded after the arguments are parsed, so --help answers at once.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { controlsTableMarkdown } = require("../../lib/controls") as typeof import("../../lib/controls");
  const { replaceControlsTable } = await import("./replace-table");
  const current = readFileSync(file, "utf8");
  const updated = replaceControlsTable(current, controlsTableMarkdown());
  if (updated === undefined) {
    throw new UsageError(
      `${file}: no controls table (a Markdown table whose header is "| Control | Set | … | What trips it |"); paste one there first`,
    );
  }
  if (updated === current) {
    io.stdout(`${path.relative(projectDir, file) || file}: the controls table is up to date`);
    return 0;
  }
  if (check) {
    io.stderr(
      `${path.relative(projectDir, file) || file}: the controls table is out of date; run npm run docs:controls`,
    );
    return 1;
  }
  writeFileSync(file, updated);
  io.stdout(`${path.relative(projectDir, file) || file}: rewrote the controls table from lib/controls`);
  return 0;
}

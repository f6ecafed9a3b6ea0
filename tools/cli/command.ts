/**
 * The command-line conventions every command shares, on one maintained parser (commander 14; 15 needs
 * Node 22). A command module (`tools/<command>/command.ts`) builds its definition with these helpers and
 * loads its heavy modules only inside `run`, so `--help` and usage errors answer before any of them loads.
 *
 * API
 * - `defineCommand({ name, summary, exitCodes, helpText? })` → a fresh commander `Command` named
 *   `npm run <name> --`, with "did you mean" suggestions, no `process.exit`, and `--help` ending with
 *   `helpText` (lists, examples) and the exit codes. Add flags
 *   with commander's own `.option()`, `.requiredOption()`, `.addOption()`, `.argument()`. Build one per
 *   parse (commander keeps parsed values on the object): export a function, not a constant.
 * - `jsonOption()` → `--json`: one JSON document on stdout instead of the text report, in every command.
 * - `outOption(description, defaultFile?)` → `--out <file>`, resolved to an absolute path; a file in a
 *   directory that does not exist is a usage error at parse time, before any work.
 * - `runCommand(command, argv, io, run)` → the exit code. Parses `argv`; `--help` prints to `io.stdout`
 *   and gives 0; a usage error (unknown flag, missing value, `UsageError` thrown by `run`) prints one line
 *   on `io.stderr` (`<name>: <what is wrong>; see npm run <name> -- --help`) and gives 2; otherwise
 *   `run(options, positionals)` does the work and returns its exit code.
 * - `parseCommand(command, argv, io)` → `{ exitCode }` (help or usage error, already printed) or
 *   `{ options, positionals }`: the parse alone, for tests and for commands that run themselves.
 * - `describeCommand(command)` → name, summary, every flag (flags, meaning, default) and the exit codes:
 *   what `docs/commands.md` is generated from.
 * - `EXIT_OK` 0, `EXIT_PROBLEMS` 1 (the check found problems, or nothing matched), `EXIT_USAGE` 2 (could
 *   not run: usage, input, credentials).
 */
import { statSync } from "node:fs";
import * as path from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { type CommandIO, UsageError } from "./io";

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export interface CommandSpec {
  /** The npm script: `plan` is run as `npm run plan -- [options]`. */
  readonly name: string;
  /** One line: what the command does. */
  readonly summary: string;
  /** Every exit code the command can give, and what it means. */
  readonly exitCodes: Readonly<Record<number, string>>;
  /** More help (lists, examples), printed after the options and before the exit codes. */
  readonly helpText?: string;
}

export interface OptionDescription {
  readonly flags: string;
  readonly description: string;
  /** The default as help shows it; undefined when the flag has none (a boolean flag is off). */
  readonly default?: string;
}

export interface CommandDescription {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly arguments: readonly OptionDescription[];
  readonly options: readonly OptionDescription[];
  readonly exitCodes: Readonly<Record<number, string>>;
}

const SPECS = new WeakMap<Command, CommandSpec>();

export function defineCommand(spec: CommandSpec): Command {
  const command = new Command(`npm run ${spec.name} --`)
    .description(spec.summary)
    .helpOption("-h, --help", "show this help and exit")
    .showSuggestionAfterError()
    .exitOverride()
    .addHelpText(
      "after",
      `${spec.helpText === undefined ? "" : `\n${spec.helpText}\n`}\n${exitCodesText(spec.exitCodes)}`,
    );
  SPECS.set(command, spec);
  return command;
}

export function jsonOption(): Option {
  return new Option("--json", "print one JSON document on stdout instead of the text report");
}

export function outOption(description: string, defaultFile?: string): Option {
  const option = new Option("--out <file>", description).argParser(existingDirectoryFor);
  return defaultFile === undefined ? option : option.default(path.resolve(defaultFile), defaultFile);
}

/** An absolute path whose directory exists, or an error that says which directory to create. */
function existingDirectoryFor(file: string): string {
  if (file.trim() === "") throw new InvalidArgumentError("expected a file name");
  const absolute = path.resolve(file);
  if (!isDirectory(path.dirname(absolute))) {
    throw new InvalidArgumentError(`the directory ${path.dirname(absolute)} does not exist; create it first`);
  }
  return absolute;
}

function isDirectory(directory: string): boolean {
  try {
    return statSync(directory).isDirectory();
  } catch {
    return false;
  }
}

export type ParseOutcome<O> =
  { readonly exitCode: number } | { readonly options: O; readonly positionals: string[] };

/** Parses without running anything: help and usage errors become an exit code, written to `io`. */
export function parseCommand<O>(command: Command, argv: readonly string[], io: CommandIO): ParseOutcome<O> {
  const name = nameOf(command);
  let error = "";
  command.configureOutput({
    writeOut: (text) => io.stdout(text.trimEnd()),
    writeErr: (text) => io.stderr(text.trimEnd()),
    outputError: (text) => {
      error += text;
    },
  });
  try {
    command.parse([...argv], { from: "user" });
  } catch (thrown) {
    if (!(thrown instanceof CommanderError)) throw thrown;
    if (thrown.exitCode === 0) return { exitCode: EXIT_OK };
    io.stderr(usageLine(name, error || thrown.message));
    return { exitCode: EXIT_USAGE };
  }
  return { options: command.opts<O & object>(), positionals: [...command.args] };
}

export async function runCommand<O>(
  command: Command,
  argv: readonly string[],
  io: CommandIO,
  run: (options: O, positionals: string[]) => Promise<number>,
): Promise<number> {
  const parsed = parseCommand<O>(command, argv, io);
  if ("exitCode" in parsed) return parsed.exitCode;
  try {
    return await run(parsed.options, parsed.positionals);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(usageLine(nameOf(command), error.message));
    return EXIT_USAGE;
  }
}

/** commander's "error: unknown option '--jsn'\n(Did you mean --json?)" as one line with the way out. */
function usageLine(name: string, message: string): string {
  const text = message
    .replace(/^error: /, "")
    .replace(/\(Did you mean/, "(did you mean")
    .replace(/ is invalid\. /, " is invalid: ")
    .split("\n")
    .map((line) => line.trim().replace(/\.$/, ""))
    .filter((line) => line !== "")
    .join(" ");
  return `${name}: ${text}; see npm run ${name} -- --help`;
}

function nameOf(command: Command): string {
  return SPECS.get(command)?.name ?? command.name();
}

/** The exit codes, each meaning folded at 80 columns like the rest of the help. */
function exitCodesText(exitCodes: Readonly<Record<number, string>>): string {
  const lines = Object.entries(exitCodes).flatMap(([code, meaning]) => {
    const words = meaning.split(" ");
    const folded = [`  ${code} `];
    for (const word of words) {
      if (folded[folded.length - 1].length + 1 + word.length > 80) folded.push("    ");
      folded[folded.length - 1] += ` ${word}`;
    }
    return folded;
  });
  return `Exit codes:\n${lines.join("\n")}`;
}

export function describeCommand(command: Command): CommandDescription {
  const spec = SPECS.get(command);
  if (spec === undefined) throw new Error("describeCommand: build the command with defineCommand");
  const help = command.createHelp();
  return {
    name: spec.name,
    summary: spec.summary,
    usage: `${command.name()} ${command.usage()}`,
    arguments: command.registeredArguments.map((argument) => ({
      flags: help.argumentTerm(argument),
      description: argument.description,
      ...defaultOf(argument.defaultValueDescription, argument.defaultValue),
    })),
    options: help.visibleOptions(command).map((option) => ({
      flags: option.flags,
      description: option.description,
      ...defaultOf(option.defaultValueDescription, option.negate ? undefined : option.defaultValue),
    })),
    exitCodes: spec.exitCodes,
  };
}

function defaultOf(description: string | undefined, value: unknown): { default?: string } {
  if (description !== undefined) return { default: description };
  return value === undefined ? {} : { default: JSON.stringify(value) };
}

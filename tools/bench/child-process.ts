import { spawn } from "node:child_process";
import { join } from "node:path";

export interface CommandOutcome {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
}

export interface CommandOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs a command to completion, timing it from spawn to exit; never rejects for a non-zero exit. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions,
): Promise<CommandOutcome> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: "pipe" });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", (error) => reject(new Error(`could not start ${command}: ${error.message}`)));
    child.on("close", (code, signal) =>
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
        wallMs: performance.now() - started,
      }),
    );
  });
}

/** The last non-empty line of a command's error output, to explain a failure in one line. */
export function lastLine(text: string): string {
  const lines = text.split("\n").map((line) => line.trim());
  return lines.filter((line) => line !== "").pop() ?? "(no output)";
}

/**
 * The line of a failed command's error output that says what went wrong: the message of an uncaught error
 * (Node prints it between the source excerpt and the stack), else the last line.
 */
export function failureLine(stderr: string): string {
  const lines = stderr.split("\n").map((line) => line.trim());
  return lines.find((line) => /^[A-Za-z]*Error\b[^:]*: /.test(line)) ?? lastLine(stderr);
}

/**
 * Runs a command that must succeed: a non-zero exit throws, naming the command and what went wrong.
 * @param label how the error names the command @default the command and its arguments
 */
export async function runToSuccess(
  command: string,
  args: readonly string[],
  options: CommandOptions,
  label = `${command} ${args.join(" ")}`,
): Promise<CommandOutcome> {
  const outcome = await runCommand(command, args, options);
  if (outcome.exitCode !== 0) {
    throw new Error(`${label} exited with ${outcome.exitCode}: ${failureLine(outcome.stderr)}`);
  }
  return outcome;
}

/** The project's own compiler options, wherever the script lives. */
const PROJECT_TSCONFIG = join(__dirname, "..", "..", "tsconfig.json");

/** Runs a TypeScript file with ts-node (no type-checking) and parses the JSON its last stdout line holds. */
export async function runTypeScriptChild<T>(
  script: string,
  args: readonly string[],
  options: CommandOptions,
): Promise<T> {
  const outcome = await runToSuccess(
    process.execPath,
    ["-r", require.resolve("ts-node/register/transpile-only"), script, ...args],
    { ...options, env: { ...(options.env ?? process.env), TS_NODE_PROJECT: PROJECT_TSCONFIG } },
    script,
  );
  try {
    return JSON.parse(lastLine(outcome.stdout)) as T;
  } catch {
    throw new Error(
      `${script} printed no JSON result; its last line was ${JSON.stringify(lastLine(outcome.stdout))}`,
    );
  }
}

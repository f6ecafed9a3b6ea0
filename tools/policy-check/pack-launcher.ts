import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { stripVTControlCharacters } from "node:util";
import { packEnvironment } from "./compile-mode";
import { PolicyPackError } from "./errors";
import type { PackProject } from "./pack-project";

export interface LaunchOptions {
  readonly project: PackProject;
  readonly engineAddress: string;
  /** What the runner loads: "." (the pack directory, as the CLI passes) or a precompiled entry file. */
  readonly program: string;
  /** Type-check the pack's TypeScript as the CLI does, rather than only emit it. */
  readonly typeCheck: boolean;
  /** How long the pack may take to print its port. */
  readonly startTimeoutMs: number;
}

/** A started pack: its analyzer listens on 127.0.0.1:`port`. */
export interface RunningPack {
  readonly port: number;
  readonly pid: number;
  /** Everything the pack printed besides its port, one entry per line. */
  readonly output: readonly string[];
  /** A one-line account of why the process ended, or undefined while it runs. */
  exitSummary(): string | undefined;
  stop(): Promise<void>;
}

const KILL_GRACE_MS = 2000;

/**
 * Starts the pack the way the CLI does (NewPolicyAnalyzer in sdk/go/common/resource/plugin/analyzer_plugin.go):
 * `node <run-policy-pack> <engine address> <program> [-option=value...]` with the pack directory as working
 * directory, then reads the gRPC port from the first line of its stdout. The process is killed if this
 * process exits first.
 */
export function launchPack(options: LaunchOptions): Promise<RunningPack> {
  const { project } = options;
  const args = [project.runner, options.engineAddress, options.program, ...project.runtimeArgs];
  const child = spawn(process.execPath, args, {
    cwd: project.dir,
    env: packEnvironment(options.typeCheck),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const closed = new Promise<void>((resolve) => {
    // "close" rather than "exit": by then everything the pack printed has been read.
    child.once("close", (code, signal) => {
      exit = { code, signal };
      process.removeListener("exit", killOnExit);
      resolve();
    });
  });
  createInterface({ input: child.stderr! }).on("line", (line) => output.push(stripVTControlCharacters(line)));

  const exitSummary = () => (exit ? describeExit(project.dir, exit, output) : undefined);
  const stop = async () => {
    if (exit) return;
    child.kill("SIGTERM");
    const forceKill = setTimeout(() => child.kill("SIGKILL"), KILL_GRACE_MS);
    await closed;
    clearTimeout(forceKill);
  };

  return new Promise<RunningPack>((resolve, reject) => {
    let port: number | undefined;
    let failed = false;
    const fail = (message: string) => {
      if (failed) return;
      failed = true;
      clearTimeout(timer);
      void stop().then(() => reject(new PolicyPackError(message)));
    };
    const timer = setTimeout(
      () =>
        fail(
          `policy pack ${project.dir} did not report its port within ${options.startTimeoutMs / 1000} s; ` +
            "run it with the Pulumi CLI to see where it hangs",
        ),
      options.startTimeoutMs,
    );
    createInterface({ input: child.stdout! }).on("line", (rawLine) => {
      const line = stripVTControlCharacters(rawLine);
      if (port !== undefined || !/^\d+$/.test(line.trim())) {
        output.push(line);
        return;
      }
      port = Number(line.trim());
      clearTimeout(timer);
      resolve({ port, pid: child.pid!, output, exitSummary, stop });
    });
    child.once("error", (error) => fail(`policy pack ${project.dir} could not be started: ${error.message}`));
    void closed.then(() => {
      if (port === undefined) fail(exitSummary()!);
    });
  });
}

function describeExit(
  dir: string,
  exit: { code: number | null; signal: NodeJS.Signals | null },
  output: readonly string[],
): string {
  const how = exit.signal ? `was stopped by ${exit.signal}` : `exited with code ${exit.code}`;
  const reason = explainFailure(output);
  return `policy pack ${dir} ${how}${reason ? `: ${reason}` : ""}`;
}

/** The line of the pack's output that says what went wrong: the thrown error, else the last line printed. */
export function explainFailure(output: readonly string[]): string | undefined {
  const lines = output.map((line) => line.trim()).filter((line) => line !== "");
  const errorIndex = lines.findIndex(
    (line) => /^[A-Za-z]*Error\b.*:/.test(line) || /\berror TS\d+/.test(line),
  );
  if (errorIndex < 0) return lines.at(-1);
  const errorLine = lines[errorIndex];
  // ts-node reports "TSError: ⨯ Unable to compile TypeScript:" and puts the diagnostic on the next line.
  return errorLine.endsWith(":") && lines[errorIndex + 1]
    ? `${errorLine} ${lines[errorIndex + 1]}`
    : errorLine;
}

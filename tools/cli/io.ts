import { quietAwsSdkNodeNotice } from "./aws-sdk-notice";

/** Where a command writes; tests pass their own to capture output. */
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal: progress lines are printed only there. */
  isTTY: boolean;
}

/** What a command that writes to streams (`process`, or a test's) offers `CommandIO`: whole lines. */
export interface OutputStreams {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export function streamIO(streams: OutputStreams): CommandIO {
  return {
    stdout: (text) => streams.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    stderr: (text) => streams.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    isTTY: Boolean(streams.stderr.isTTY),
  };
}

export const processIO: CommandIO = streamIO(process);

/** Usage errors: exit 2 with one line, like grep and most Unix tools. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Runs a command's `main` as a process: its exit code, and one line (no stack trace) for known errors. */
export function runAsProcess(main: (argv: string[], io: CommandIO) => Promise<number>): void {
  quietAwsSdkNodeNotice();
  main(process.argv.slice(2), processIO).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = error instanceof UsageError ? 2 : 1;
    },
  );
}

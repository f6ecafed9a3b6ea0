import { spawn } from "node:child_process";
import { join } from "node:path";
import { PROJECT_DIR } from "../plan";

export interface MeasuredRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
  /** Peak resident memory of the command's process. */
  readonly maxRssMiB: number;
}

const REPORT_USAGE = join(__dirname, "report-usage.ts");

/**
 * Runs `npm run <script>` the way npm does (`ts-node --transpile-only scripts/<script>.ts`) in a child
 * process of its own, so its exit code, output and peak memory are the command's alone.
 */
export function runMeasured(script: string, args: readonly string[]): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        "-r",
        require.resolve("ts-node/register/transpile-only"),
        "-r",
        REPORT_USAGE,
        join(PROJECT_DIR, "tools", script, "command.ts"),
        ...args,
      ],
      {
        cwd: PROJECT_DIR,
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
        stdio: ["ignore", "pipe", "pipe", "pipe"],
      },
    );
    const output: Record<"stdout" | "stderr" | "usage", Buffer[]> = { stdout: [], stderr: [], usage: [] };
    child.stdout!.on("data", (chunk: Buffer) => output.stdout.push(chunk));
    child.stderr!.on("data", (chunk: Buffer) => output.stderr.push(chunk));
    (child.stdio[3] as NodeJS.ReadableStream).on("data", (chunk: Buffer) => output.usage.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      const usage = Buffer.concat(output.usage).toString("utf8");
      resolve({
        code: code ?? (signal ? 128 : 1),
        stdout: Buffer.concat(output.stdout).toString("utf8"),
        stderr: Buffer.concat(output.stderr).toString("utf8"),
        wallMs: performance.now() - started,
        maxRssMiB: usage ? (JSON.parse(usage) as { maxRssKiB: number }).maxRssKiB / 1024 : NaN,
      });
    });
  });
}

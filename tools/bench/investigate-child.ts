import { main as investigate } from "../investigate/command";

export interface InvestigateChildResult {
  readonly exitCode: number;
  /** Wall time of the question alone: opening DuckDB, scanning the files, answering. */
  readonly ms: number;
  /** Peak resident memory of this process (DuckDB's native memory included). */
  readonly maxRssMiB: number;
  readonly rows: number;
}

/** Answers one question with the real command in this process (a child of the bench of its own). */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let stdout = "";
  const started = performance.now();
  const exitCode = await investigate([...argv, "--json"], {
    stdout: (text) => (stdout += text),
    stderr: (text) => process.stderr.write(`${text}\n`),
    isTTY: false,
  });
  const ms = performance.now() - started;
  const rows = exitCode === 2 ? 0 : (JSON.parse(stdout) as { count: number }).count;
  const result: InvestigateChildResult = {
    exitCode,
    ms,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    rows,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}

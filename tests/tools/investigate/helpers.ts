import type { CommandIO } from "../../../tools/cli/io";
import { main } from "../../../tools/investigate/cli";

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runInvestigate(...argv: string[]): Promise<Captured> {
  let stdout = "";
  let stderr = "";
  const io: CommandIO = {
    stdout: (t) => (stdout += `${t}\n`),
    stderr: (t) => (stderr += `${t}\n`),
    isTTY: false,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export interface JsonAnswer {
  question: string;
  count: number;
  lineage?: { key: string; issuedBy?: Record<string, string | null> }[];
  rows: Record<string, string | null>[];
}

export async function ask(...argv: string[]): Promise<JsonAnswer & { code: number }> {
  const result = await runInvestigate(...argv, "--json");
  if (result.code === 2) throw new Error(`investigate ${argv.join(" ")} could not run: ${result.stderr}`);
  return { code: result.code, ...(JSON.parse(result.stdout) as JsonAnswer) };
}

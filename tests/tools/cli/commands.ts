import type { CommandIO } from "../../../tools/cli/io";

export { ALL_COMMANDS as COMMANDS } from "../../../tools/cli/all-commands";

export function capture(): CommandIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, isTTY: false, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

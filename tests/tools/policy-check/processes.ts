import { existsSync, readdirSync, readlinkSync } from "node:fs";

/** Processes whose working directory is `dir`; a started pack runs in its own directory (Linux only). */
export function processesIn(dir: string): number[] {
  if (!existsSync("/proc/self/cwd")) return [];
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`) === dir;
      } catch {
        return false;
      }
    })
    .map(Number);
}

import { writeSync } from "node:fs";

/**
 * Preloaded (`node -r`) into a command under test: on exit, writes the process's peak memory to file
 * descriptor 3, which the parent opened as a pipe. The command itself is unchanged.
 */
process.on("exit", () => {
  try {
    writeSync(3, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
  } catch {
    // Run without the pipe (by hand): nothing to report to.
  }
});

import { main } from "../tools/pattern/command";

// A closed pipe (`| head`) is the reader saying it has seen enough, not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});
void main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  stdinIsTTY: process.stdin.isTTY === true,
}).then((code) => {
  process.exitCode = code;
});

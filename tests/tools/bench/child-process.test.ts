import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { failureLine, lastLine, runCommand, runTypeScriptChild } from "../../../tools/bench/child-process";
import { withFakeClock } from "../../support/fake-clock";

describe("lastLine", () => {
  it("is the last line with text in it", () => {
    assert.equal(lastLine("first\n  second  \n\n"), "second");
    assert.equal(lastLine(""), "(no output)");
  });
});

describe("failureLine", () => {
  it("picks the message of an uncaught error out of Node's report", () => {
    const report = [
      "/work/main/tools/plan/run-plan.ts:77",
      "  if (failure !== undefined) throw new PlanFailedError(failure, resources);",
      "                                   ^",
      'PlanFailedError: org-governance:logArchive.account: no account named "Log Archive"',
      "    at runPlan (/work/main/tools/plan/run-plan.ts:77:36) {",
      "  registered: []",
      "}",
    ].join("\n");
    assert.equal(
      failureLine(report),
      'PlanFailedError: org-governance:logArchive.account: no account named "Log Archive"',
    );
  });

  it("falls back to the last line for a one-line message", () => {
    assert.equal(failureLine("snapshot not found\n"), "snapshot not found");
  });
});

describe("runCommand", () => {
  it("collects both outputs and the exit code, and times the command", async () => {
    const outcome = await withFakeClock((advance) => {
      const running = runCommand(
        process.execPath,
        ["-e", "console.log('out'); console.error('err'); setTimeout(() => process.exit(3), 20)"],
        { cwd: tmpdir() },
      );
      advance(20);
      return running;
    });
    assert.equal(outcome.exitCode, 3);
    assert.equal(outcome.stdout, "out\n");
    assert.equal(outcome.stderr, "err\n");
    assert.equal(outcome.wallMs, 20, "from spawn to exit on the clock");
  });

  it("rejects in one line when the command does not exist", async () => {
    await assert.rejects(
      runCommand("no-such-command-for-bench", [], { cwd: tmpdir() }),
      /could not start no-such-command-for-bench: /,
    );
  });
});

describe("runTypeScriptChild", () => {
  let directory: string;
  before(() => {
    directory = mkdtempSync(join(tmpdir(), "bench-child-"));
  });
  after(() => rmSync(directory, { recursive: true, force: true }));

  function script(name: string, body: string): string {
    const file = join(directory, name);
    writeFileSync(file, body);
    return file;
  }

  it("runs TypeScript and parses the JSON of its last line", async () => {
    const file = script(
      "ok.ts",
      "const n: number = 2;\nconsole.log('noise');\nconsole.log(JSON.stringify({ n }));\n",
    );
    assert.deepEqual(await runTypeScriptChild(file, [], { cwd: directory }), { n: 2 });
  });

  it("reports a failing child with its last error line", async () => {
    const file = script("fails.ts", "throw new RangeError('snapshot not found');\n");
    await assert.rejects(
      runTypeScriptChild(file, [], { cwd: directory }),
      /fails\.ts exited with 1: RangeError: snapshot not found$/,
    );
  });

  it("reports a child that printed no JSON", async () => {
    const file = script("silent.ts", "console.log('done');\n");
    await assert.rejects(
      runTypeScriptChild(file, [], { cwd: directory }),
      /printed no JSON result; its last line was "done"/,
    );
  });
});

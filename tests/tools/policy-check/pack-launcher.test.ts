import assert from "node:assert/strict";
import { resolve } from "node:path";
import { PolicyPackError } from "../../../tools/policy-check/errors";
import { explainFailure, launchPack, type LaunchOptions } from "../../../tools/policy-check/pack-launcher";
import { loadPackProject } from "../../../tools/policy-check/pack-project";
import { processesIn } from "./processes";

const PACKS = resolve(__dirname, "../../fixtures/policy-packs");

async function launchOptions(pack: string, overrides: Partial<LaunchOptions> = {}): Promise<LaunchOptions> {
  return {
    project: await loadPackProject(resolve(PACKS, pack)),
    // Nothing listens here: the runner takes an engine address but policy packs never dial it.
    engineAddress: "127.0.0.1:1",
    program: ".",
    typeCheck: false,
    startTimeoutMs: 60_000,
    ...overrides,
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("launchPack", () => {
  it("starts the pack with the CLI's runner and reads its gRPC port from stdout", async () => {
    const pack = await launchPack(await launchOptions("minimal"));
    try {
      assert.ok(pack.port > 0 && pack.port < 65536);
      assert.ok(isRunning(pack.pid));
      assert.equal(pack.exitSummary(), undefined);
    } finally {
      await pack.stop();
    }
    assert.equal(isRunning(pack.pid), false);
    assert.match(pack.exitSummary() ?? "", /minimal was stopped by SIGTERM/);
  });

  it("says why a pack failed to start, in one line, with the error it threw", async () => {
    await assert.rejects(launchPack(await launchOptions("fails-to-start")), (error: unknown) => {
      assert.ok(error instanceof PolicyPackError);
      assert.equal(error.message.includes("\n"), false);
      assert.match(
        error.message,
        /fails-to-start exited with code \d+: Error: fixture pack failed on purpose while loading$/,
      );
      return true;
    });
  });

  it("gives up on a pack that never reports a port, and kills it", async () => {
    const options = await launchOptions("never-ready", { startTimeoutMs: 2500 });
    await assert.rejects(launchPack(options), /never-ready did not report its port within 2\.5 s/);
    assert.deepEqual(processesIn(options.project.dir), []);
  });
});

describe("explainFailure", () => {
  it("picks the thrown error out of the runner's report", () => {
    const output = [
      "error: [runtime] Running program '/packs/x' failed with an unhandled exception:",
      "    Error: Cannot find module 'zod'",
      "    at Object.<anonymous> (/packs/x/index.ts:1:1)",
    ];
    assert.equal(explainFailure(output), "Error: Cannot find module 'zod'");
  });

  it("joins a TypeScript error to the diagnostic on its next line", () => {
    const output = [
      "TSError: ⨯ Unable to compile TypeScript:",
      "index.ts(3,7): error TS2322: Type 'string' is not...",
    ];
    assert.equal(
      explainFailure(output),
      "TSError: ⨯ Unable to compile TypeScript: index.ts(3,7): error TS2322: Type 'string' is not...",
    );
  });

  it("falls back to the last line printed, and to nothing when nothing was", () => {
    assert.equal(
      explainFailure(["starting", 'Invalid policy pack name "x y"', ""]),
      'Invalid policy pack name "x y"',
    );
    assert.equal(explainFailure([]), undefined);
  });
});

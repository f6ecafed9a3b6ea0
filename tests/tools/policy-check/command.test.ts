import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { UsageError } from "../../../tools/cli/io";
import { main } from "../../../tools/policy-check/command";
import { mixedTrailsDeployment } from "./deployment-builders";

const PACKS = resolve(__dirname, "../../fixtures/policy-packs");
const MINIMAL_PACK = join(PACKS, "minimal");

interface Result {
  code: number;
  stdout: string;
  stderr: string[];
}

async function run(argv: string[], isTTY = false): Promise<Result> {
  let stdout = "";
  const stderr: string[] = [];
  const code = await main(argv, {
    stdout: (text) => (stdout += `${text}\n`),
    stderr: (text) => stderr.push(text),
    isTTY,
  });
  return { code, stdout, stderr };
}

function writeFile(name: string, content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), "policy-check-cli-")), name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

describe("policy-check CLI", () => {
  const statePath = writeFile("state.json", mixedTrailsDeployment());

  it("prints the report and exits 1 when a mandatory policy is violated", async () => {
    const result = await run(["--state", statePath, "--pack", MINIMAL_PACK]);
    assert.equal(result.code, 1);
    assert.deepEqual(result.stderr, []);
    const lines = result.stdout.trimEnd().split("\n");
    assert.equal(lines[0], "Policy pack org-governance-fixture 0.0.2: 3 policies, 4 resources analyzed");
    assert.ok(lines.includes("mandatory (1)") && lines.includes("advisory (1)"), result.stdout);
    assert.equal(lines.at(-1), "Policy check failed: 1 mandatory, 1 advisory violations in 4 resources");
  });

  it("prints the report as JSON and exits 0 once the config makes every violation advisory", async () => {
    const config = writeFile("config.json", {
      "fixture-trail-multi-region": { enforcementLevel: "advisory" },
    });
    const result = await run([
      "--state",
      statePath,
      "--pack",
      MINIMAL_PACK,
      "--policy-config",
      config,
      "--json",
    ]);
    assert.equal(result.code, 0);
    const report = JSON.parse(result.stdout) as { violations: { enforcementLevel: string }[] };
    assert.deepEqual(
      report.violations.map((violation) => violation.enforcementLevel),
      ["advisory", "advisory"],
    );
  });

  it("shows progress on a terminal only, on stderr", async () => {
    const result = await run(["--state", statePath, "--pack", MINIMAL_PACK, "--json"], true);
    assert.ok(
      result.stderr.some((line) => line.startsWith("starting policy pack ")),
      result.stderr.join("|"),
    );
    assert.doesNotThrow(() => JSON.parse(result.stdout));
  });

  it("exits 2 with one line naming the file and the path inside it for a malformed state", async () => {
    const malformed = writeFile("broken-state.json", {
      version: 3,
      deployment: { resources: [{ urn: "x" }] },
    });
    const result = await run(["--state", malformed, "--pack", MINIMAL_PACK]);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, "");
    assert.ok(result.stderr.length >= 1);
    assert.ok(result.stderr[0].startsWith(`${malformed}: deployment.resources[0].urn: `), result.stderr[0]);
    assert.ok(result.stderr.every((line) => !line.includes("\n") && !line.includes("    at ")));
  });

  it("exits 2 with one line for a malformed policy config", async () => {
    const config = writeFile("config.json", { "fixture-trail-multi-region": "strict" });
    const result = await run(["--state", statePath, "--pack", MINIMAL_PACK, "--policy-config", config]);
    assert.equal(result.code, 2);
    assert.deepEqual(result.stderr, [
      `${config}: fixture-trail-multi-region: expected one of advisory, mandatory, remediate, disabled (got "strict")`,
    ]);
  });

  it("exits 2 with one line when the pack fails to start", async () => {
    const result = await run(["--state", statePath, "--pack", join(PACKS, "fails-to-start")]);
    assert.equal(result.code, 2);
    assert.equal(result.stderr.length, 1);
    assert.match(
      result.stderr[0],
      /^policy pack .*fails-to-start exited with code \d+: Error: fixture pack failed/,
    );
  });

  it("exits 2 when the directory is not a policy pack", async () => {
    const result = await run(["--state", statePath, "--pack", PACKS]);
    assert.equal(result.code, 2);
    assert.deepEqual(result.stderr, [
      `${PACKS}: no PulumiPolicy.yaml, so this is not a policy pack; pass --pack <pack dir>`,
    ]);
  });

  it("raises a usage error, which the process turns into exit 2, without --state or with unknown options", async () => {
    await assert.rejects(
      run([]),
      (error: unknown) => error instanceof UsageError && /missing --state/.test(error.message),
    );
    await assert.rejects(run(["--state", statePath, "--verbose"]), UsageError);
  });

  it("exits 2 as a process too, printing no stack trace", () => {
    const malformed = writeFile("state.json", "[1, 2");
    const root = resolve(__dirname, "../../..");
    const child = spawnSync(
      process.execPath,
      [
        "-r",
        "ts-node/register/transpile-only",
        join(root, "tools/policy-check/command.ts"),
        "--state",
        malformed,
      ],
      { cwd: root, encoding: "utf8", env: { ...process.env, TS_NODE_PROJECT: join(root, "tsconfig.json") } },
    );
    assert.equal(child.status, 2, child.stderr);
    assert.equal(child.stdout, "");
    assert.match(child.stderr, /^\S+state\.json: the state file is not valid JSON \(.*\); fix the file\n$/);
  });

  it("prints its usage on --help", async () => {
    const result = await run(["--help"]);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^usage: npm run policy:check -- --state FILE/);
  });
});

import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { loadPolicyCheck, main, PolicyCheckCommand } from "../../../tools/plan/command";
import type { CommandIO } from "../../../tools/cli/io";
import { PROJECT_DIR } from "../../support/plan";

function capture(): CommandIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, isTTY: false, stdout: (t) => out.push(t), stderr: (t) => err.push(t) };
}

describe("npm run plan", () => {
  const work = mkdtempSync(path.join(tmpdir(), "plan-test-"));

  it("runs as the README says, type-checked by ts-node like `pulumi up`, and writes a stack export", function () {
    this.timeout(120_000);
    const out = path.join(work, "plan.json");
    const run = spawnSync("npm", ["run", "--silent", "plan", "--", "--out", out, "--no-policy"], {
      cwd: PROJECT_DIR,
      encoding: "utf8",
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: "" },
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /nothing was deployed/);
    assert.match(run.stdout, /account 222233334444 · log-archive/);
    const exported = JSON.parse(readFileSync(out, "utf8"));
    assert.equal(exported.version, 3);
    assert.ok(
      exported.deployment.resources.some((r: { type: string }) => r.type === "aws:cloudtrail/trail:Trail"),
    );
  });

  it("prints the plan as a stack export with --json", async () => {
    const io = capture();
    assert.equal(await main(["--json", "--no-policy"], io, PROJECT_DIR), 0);
    assert.equal(JSON.parse(io.out.join("")).version, 3);
  });

  it("plans against another organization snapshot with --org-snapshot", async () => {
    const sample = JSON.parse(
      readFileSync(path.join(PROJECT_DIR, "lib/organization/sample-organization.json"), "utf8"),
    );
    sample.organization.id = "o-zzzzzzzzzz";
    const file = path.join(work, "other.json");
    writeFileSync(file, JSON.stringify(sample));
    const io = capture();
    assert.equal(await main(["--org-snapshot", file, "--no-policy"], io, PROJECT_DIR), 0);
    assert.match(io.out.join("\n"), /organization o-zzzzzzzzzz/);
  });

  it("exits 1 with one line per problem for a bad stack, and no stack trace", async () => {
    const file = path.join(work, "Pulumi.broken.yaml");
    writeFileSync(
      file,
      "config:\n  aws:region: eu-west-1\n  org-governance:logArchive:\n    account: Log Archive\n    objectLock:\n      mode: FOREVER\n",
    );
    const io = capture();
    assert.equal(await main(["--config-file", file, "--no-policy"], io, PROJECT_DIR), 1);
    assert.deepEqual(io.err, [
      'org-governance:logArchive.objectLock.mode: expected one of "COMPLIANCE"|"GOVERNANCE" (got "FOREVER")',
    ]);
  });

  it("says in its first lines which organization it planned, from which file, and how to plan yours", async () => {
    const io = capture();
    assert.equal(await main(["--no-policy"], io, PROJECT_DIR), 0);
    const [first, second] = io.out.join("\n").split("\n");
    assert.match(first, /^Offline plan of stack "prod" for organization o-\w+ from the SAMPLE organization/);
    assert.match(second, /^Note: to plan your own organization, .*npm run inventory.*--org-snapshot FILE\.$/);
  });

  it("says that an account missing from the sample organization was looked up in the sample", async () => {
    const file = path.join(work, "Pulumi.real.yaml");
    writeFileSync(
      file,
      "config:\n  aws:region: eu-west-1\n  org-governance:logArchive:\n    account: '999988887777'\n",
    );
    const io = capture();
    assert.equal(await main(["--config-file", file, "--no-policy"], io, PROJECT_DIR), 1);
    assert.match(
      io.err[0],
      /logArchive\.account: no account of o-\w+ has the id, name or e-mail "999988887777"/,
    );
    assert.match(
      io.err[1],
      /^\(planned against the shipped SAMPLE organization, not yours; to plan your own/,
    );
    assert.equal(io.err.length, 2);
  });

  it("plans a stack whose log archive account is an unquoted 12-digit YAML number", async () => {
    const file = path.join(work, "Pulumi.number.yaml");
    writeFileSync(
      file,
      "config:\n  aws:region: eu-west-1\n  org-governance:logArchive:\n    account: 222233334444\n",
    );
    const io = capture();
    assert.equal(await main(["--config-file", file, "--no-policy"], io, PROJECT_DIR), 0, io.err.join("\n"));
    assert.match(io.out.join("\n"), /account 222233334444 · log-archive/);
  });

  it("exits 1 naming the file when the stack does not exist", async () => {
    const io = capture();
    assert.equal(await main(["--stack", "nosuchstack", "--no-policy"], io, PROJECT_DIR), 1);
    assert.match(io.err[0], /Pulumi\.nosuchstack\.yaml: cannot read it \(ENOENT\)/);
  });

  it("exits 2 on an unknown flag", async () => {
    await assert.rejects(main(["--stak", "prod"], capture(), PROJECT_DIR), /Unknown option '--stak'/);
  });

  it("loads the policy check on demand, and the module fits the interface the plan relies on", async () => {
    // Compile-time check: the real module is assignable to the interface `loadPolicyCheck` promises.
    const real: PolicyCheckCommand = await import("../../../tools/policy-check/command");
    assert.equal(loadPolicyCheck().main, real.main);
  });
});

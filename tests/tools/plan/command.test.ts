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

  it("runs as the README says, type-checked like `pulumi up` (from the cache when unchanged), and writes a stack export", function () {
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
    assert.equal(await main(["--json", "--no-policy", "--no-type-check"], io, PROJECT_DIR), 0);
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
    assert.equal(await main(["--org-snapshot", file, "--no-policy", "--no-type-check"], io, PROJECT_DIR), 0);
    assert.match(io.out.join("\n"), /organization o-zzzzzzzzzz/);
  });

  it("exits 1 with one line per problem for a bad stack, and no stack trace", async () => {
    const file = path.join(work, "Pulumi.broken.yaml");
    writeFileSync(
      file,
      "config:\n  aws:region: eu-west-1\n  org-governance:logArchive:\n    account: Log Archive\n    objectLock:\n      mode: FOREVER\n",
    );
    const io = capture();
    assert.equal(await main(["--config-file", file, "--no-policy", "--no-type-check"], io, PROJECT_DIR), 1);
    assert.deepEqual(io.err, [
      'org-governance:logArchive.objectLock.mode: expected one of "COMPLIANCE"|"GOVERNANCE" (got "FOREVER")',
    ]);
  });

  it("says in its first lines which organization it planned, from which file, and how to plan yours", async () => {
    const io = capture();
    assert.equal(await main(["--no-policy", "--no-type-check"], io, PROJECT_DIR), 0);
    // The heading folds at 120 columns, each sentence's later lines indented: unfolded, one line each.
    const [first, second] = io.out
      .join("\n")
      .replace(/\n {2}(?=\S)/g, " ")
      .split("\n");
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
    assert.equal(await main(["--config-file", file, "--no-policy", "--no-type-check"], io, PROJECT_DIR), 1);
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
    assert.equal(
      await main(["--config-file", file, "--no-policy", "--no-type-check"], io, PROJECT_DIR),
      0,
      io.err.join("\n"),
    );
    assert.match(io.out.join("\n"), /account 222233334444 · log-archive/);
  });

  it("warns loudly and exits 1 when a protected resource of --previous would be replaced", async () => {
    const exported = path.join(work, "previous.json");
    assert.equal(
      await main(["--out", exported, "--no-policy", "--no-type-check"], capture(), PROJECT_DIR),
      0,
    );
    const previous = JSON.parse(readFileSync(exported, "utf8"));
    const bucket = previous.deployment.resources.find((r: { urn: string }) =>
      r.urn.endsWith("::log-archive-bucket"),
    );
    bucket.inputs.bucket = "org-trail-archive-before";
    writeFileSync(exported, JSON.stringify(previous));
    const io = capture();
    assert.equal(await main(["--previous", exported, "--no-policy", "--no-type-check"], io, PROJECT_DIR), 1);
    const printed = io.out.join("\n");
    assert.match(printed, /^!{100}\n!! WARNING: this plan would REPLACE 1 PROTECTED resource/);
    assert.match(
      printed,
      /log-archive-bucket: bucket changes from org-trail-archive-before to org-trail-archive-/,
    );
    assert.equal(printed.split("WARNING").length, 3, "before and after the plan");
  });

  it("refuses a --previous file that is not a stack export with one line and exit 2", async () => {
    const file = path.join(work, "not-an-export.json");
    writeFileSync(file, JSON.stringify({ version: 2 }));
    const io = capture();
    assert.equal(await main(["--previous", file, "--no-policy", "--no-type-check"], io, PROJECT_DIR), 2);
    assert.equal(io.err.length, 1);
    assert.match(io.err[0], /^plan: --previous: .*not-an-export\.json/);
  });

  describe("its policy check judges the stack's own choices", () => {
    const EXAMPLE_POLICY_CONFIG = path.join(PROJECT_DIR, "policy-pack/policy-config.example.json");
    const stackWith = (name: string, extra: string) => {
      const file = path.join(work, `Pulumi.${name}.yaml`);
      writeFileSync(
        file,
        `config:\n  aws:region: eu-west-1\n  org-governance:logArchive:\n    account: Log Archive\n${extra}`,
      );
      return file;
    };
    const ownControls =
      "  org-governance:monitoring:\n    controls: [root-account-usage, cloudtrail-config-changes]\n";

    it("passes a stack that monitors its own list of controls, not the pack's default CIS set", async function () {
      this.timeout(60_000);
      const io = capture();
      const code = await main(
        ["--config-file", stackWith("own-controls", ownControls), "--no-type-check"],
        io,
        PROJECT_DIR,
      );
      assert.equal(code, 0, io.out.join("\n"));
      assert.match(io.out.join("\n"), /Policy check passed: 0 mandatory/);
    });

    it("refuses, in one line, a policy config whose controls differ from the stack's", async () => {
      const io = capture();
      const stack = stackWith("own-controls", ownControls);
      const code = await main(
        ["--config-file", stack, "--policy-config", EXAMPLE_POLICY_CONFIG, "--no-type-check"],
        io,
        PROJECT_DIR,
      );
      assert.equal(code, 2);
      assert.deepEqual(
        io.err.filter((line) => !line.startsWith("warning: ")),
        [
          `${EXAMPLE_POLICY_CONFIG}: cis-monitoring-coverage.controls is "cis" but stack prod sets org-governance:monitoring.controls to ["root-account-usage","cloudtrail-config-changes"]; write the stack's value in the file (or remove the setting) so the plan and \`pulumi preview --policy-pack-config\` judge alike`,
        ],
      );
    });

    it("names the stack config key to change beside a finding on a setting the stack decides", async function () {
      this.timeout(60_000);
      const io = capture();
      const stack = stackWith("short-lock", "    objectLock:\n      days: 30\n");
      const code = await main(
        ["--config-file", stack, "--policy-config", EXAMPLE_POLICY_CONFIG, "--no-type-check"],
        io,
        PROJECT_DIR,
      );
      assert.equal(code, 1, io.err.join("\n"));
      const report = io.out.join("\n");
      assert.match(
        report,
        /trail-bucket-object-lock[\s\S]*stack config: change org-governance:logArchive\.objectLock\.days/,
      );
    });
  });

  it("prints the program's warnings on stderr, such as alarms that notify nobody", async () => {
    const io = capture();
    const file = path.join(work, "Pulumi.no-emails.yaml");
    writeFileSync(
      file,
      "config:\n  aws:region: eu-west-1\n  org-governance:logArchive:\n    account: Log Archive\n",
    );
    assert.equal(await main(["--config-file", file, "--no-policy", "--no-type-check"], io, PROJECT_DIR), 0);
    assert.deepEqual(
      io.err.filter((line) => line.startsWith("warning: ")),
      [
        "warning: org-governance:monitoring.emails is empty: the 15 alarms publish to the SNS topic org-governance-security-alarms, which notifies nobody; add addresses to org-governance:monitoring.emails or subscribe the topic yourself",
      ],
    );
  });

  it("exits 1 naming the file when the stack does not exist", async () => {
    const io = capture();
    assert.equal(
      await main(["--stack", "nosuchstack", "--no-policy", "--no-type-check"], io, PROJECT_DIR),
      1,
    );
    assert.match(io.err[0], /Pulumi\.nosuchstack\.yaml: cannot read it \(ENOENT\)/);
  });

  it("exits 2 on an unknown flag, suggesting the right one", async () => {
    const io = capture();
    assert.equal(await main(["--stak", "prod"], io, PROJECT_DIR), 2);
    assert.deepEqual(io.err, [
      "plan: unknown option '--stak' (did you mean --stack?); see npm run plan -- --help",
    ]);
  });

  it("loads the policy check on demand, and the module fits the interface the plan relies on", async () => {
    // Compile-time check: the real module is assignable to the interface `loadPolicyCheck` promises.
    const real: PolicyCheckCommand = await import("../../../tools/policy-check/command");
    assert.equal(loadPolicyCheck().main, real.main);
  });
});

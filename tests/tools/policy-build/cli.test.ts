import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT_BUILT, EXIT_CANNOT_BUILD, main } from "../../../tools/policy-build/command";

async function run(argv: string[]) {
  let stdout = "";
  const stderr: string[] = [];
  const code = await main(argv, {
    stdout: (text) => (stdout += `${text}\n`),
    stderr: (text) => stderr.push(text),
    isTTY: false,
  });
  return { code, stdout, stderr };
}

describe("npm run policy:build (command line)", () => {
  it("--help lists every flag with its default, and ends with the exit codes", async () => {
    const result = await run(["--help"]);
    assert.equal(result.code, EXIT_BUILT);
    assert.match(result.stdout, /--out <dir>[\s\S]*\(default: "policy-pack\/dist"\)/);
    assert.match(result.stdout, /--json/);
    assert.match(result.stdout.trimEnd(), /Exit codes:\n {2}0 .*\n {2}2 .*$/);
  });

  it("suggests the flag a typo meant, and exits 2", async () => {
    const result = await run(["--jsn"]);
    assert.equal(result.code, EXIT_CANNOT_BUILD);
    assert.match(
      result.stderr.join("\n"),
      /^policy:build: unknown option .--jsn. \(did you mean --json\?\); see npm run policy:build -- --help$/,
    );
  });

  it("refuses an --out whose parent directory does not exist, before building anything", async () => {
    const missing = join(mkdtempSync(join(tmpdir(), "policy-build-cli-")), "no", "such", "dir");
    const result = await run(["--out", missing]);
    assert.equal(result.code, EXIT_CANNOT_BUILD);
    assert.equal(result.stderr.length, 1);
    assert.match(result.stderr[0], /does not exist; create it first$/);
  });

  it("refuses to write over a directory that holds something other than an earlier build", async () => {
    const dir = mkdtempSync(join(tmpdir(), "policy-build-cli-"));
    writeFileSync(join(dir, "notes.txt"), "mine");
    const result = await run(["--out", dir]);
    assert.equal(result.code, EXIT_CANNOT_BUILD);
    assert.deepEqual(result.stderr, [
      `--out ${dir} is not empty and holds no earlier build; give an empty or new directory`,
    ]);
  });

  it("builds into a new directory, then again over that earlier build, keeping an installed node_modules", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "policy-build-cli-")), "pack");
    const first = await run(["--out", out, "--json"]);
    assert.equal(first.code, EXIT_BUILT, first.stderr.join("\n"));
    const built = JSON.parse(first.stdout) as { outDir: string; files: string[]; dependencies: object };
    assert.equal(built.outDir, out);
    assert.deepEqual(readdirSync(out).sort(), [...built.files].sort());
    assert.deepEqual(Object.keys(built.dependencies), ["@pulumi/policy", "@pulumi/pulumi"]);

    mkdirSync(join(out, "node_modules"));
    const second = await run(["--out", out]);
    assert.equal(second.code, EXIT_BUILT, second.stderr.join("\n"));
    assert.match(second.stdout, /^Built policy pack org-governance-policy-pack \S+ in /);
    assert.ok(existsSync(join(out, "node_modules")));
  });

  it("refuses a directory holding another project's index.js", async () => {
    const dir = mkdtempSync(join(tmpdir(), "policy-build-cli-"));
    writeFileSync(join(dir, "index.js"), "module.exports = 1;\n");
    writeFileSync(join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    const result = await run(["--out", dir]);
    assert.equal(result.code, EXIT_CANNOT_BUILD);
    assert.match(result.stderr[0], /holds no earlier build/);
  });
});

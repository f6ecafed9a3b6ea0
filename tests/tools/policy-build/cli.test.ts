import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EXIT_BUILT, EXIT_CANNOT_BUILD, main } from "../../../scripts/policy-build";

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
    assert.match(result.stderr.join("\n"), /Did you mean --json\?/);
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
});

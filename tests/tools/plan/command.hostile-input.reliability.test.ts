import assert from "node:assert/strict";
import { MAX_LISTED_PROBLEMS, parseSnapshot } from "../../../lib/organization/snapshot";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAX_SNAPSHOT_BYTES, SAMPLE_ORGANIZATION_PATH } from "../../../lib/organization/source";
import { main } from "../../../tools/plan/command";
import { PROJECT_DIR } from "../../support/plan";
import {
  DEEP_NESTING,
  HUGE_STRING_BYTES,
  hostileFiles,
  writeHostileFile,
  writeSparseFile,
  type HostileFile,
} from "../../support/reliability/hostile-files";
import {
  asRunAsProcessPrints,
  assertRefusedNamingFile,
  sweepHostileInputs,
  type Expectation,
} from "../../support/reliability/hostile-input";
import { runMeasured } from "../../support/reliability/measured-command";
import { HEAVY } from "../../support/reliability/sweep-size";

const sample = JSON.parse(readFileSync(SAMPLE_ORGANIZATION_PATH, "utf8")) as Record<string, unknown>;

const FILES: HostileFile[] = [
  ...hostileFiles(sample, ["organization", "id"]),
  {
    name: "a version field of a future snapshot format",
    content: () => Buffer.from(JSON.stringify({ version: 2, ...sample })),
  },
];

// Exit 1 is the plan's code for a configuration the user must fix, which a bad snapshot is.
const EXPECTATIONS: Record<string, Expectation> = {
  empty: { refused: 1 },
  "whitespace only": { refused: 1 },
  "truncated JSON": { refused: 1 },
  "a stray character in pretty-printed JSON": { refused: 1 },
  "a top-level array": { refused: 1 },
  "a top-level string": { refused: 1 },
  "a top-level number": { refused: 1 },
  "a top-level null": { refused: 1 },
  [`${DEEP_NESTING} nested arrays`]: { refused: 1 },
  [`${DEEP_NESTING} nested objects`]: { refused: 1 },
  [`${DEEP_NESTING} nested arrays in a field`]: { refused: 1 },
  [`${DEEP_NESTING} nested objects in a field`]: { refused: 1 },
  "a 32 MiB string in a field": { refused: 1 },
  "binary garbage": { refused: 1 },
  "gzip of a valid file": { refused: 1 },
  "gzip bomb": { refused: 1 },
  "__proto__ keys at the top": { refused: 1 },
  "__proto__ keys in a field": { refused: 1 },
  "non-UTF-8 bytes in a field": { refused: 1 },
  "UTF-16 with a byte order mark": { refused: 1 },
  "a version field of a future snapshot format": { refused: 1 },
};

async function plan(file: string) {
  let stdout = "";
  let stderr = "";
  const code = await main(
    ["--no-policy", "--org-snapshot", file],
    { stdout: (text) => (stdout += `${text}\n`), stderr: (text) => (stderr += `${text}\n`), isTTY: false },
    PROJECT_DIR,
  );
  return { code, stdout, stderr };
}

describe("npm run plan -- --org-snapshot FILE, with hostile files", () => {
  sweepHostileInputs({
    files: FILES,
    expectations: EXPECTATIONS,
    run: plan,
    escaped: asRunAsProcessPrints,
    script: "plan",
    args: (file) => ["--no-policy", "--org-snapshot", file],
  });

  describe("as a separate process", () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), "plan-hostile-"));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it("refuses a snapshot with a 32 MiB value in bounded memory", async () => {
      const huge = FILES.find((f) => f.name === "a 32 MiB string in a field")!;
      const file = writeHostileFile(dir, huge);
      const result = await runMeasured("plan", ["--no-policy", "--org-snapshot", file]);
      assert.equal(result.code, 1);
      assertRefusedNamingFile(result.stderr, file);
      // The program and Pulumi take about 200 MiB; the text and the parsed value a few times the file.
      const bound = 250 + (6 * HUGE_STRING_BYTES) / 2 ** 20;
      assert.ok(result.maxRssMiB < bound, `peak ${result.maxRssMiB.toFixed(0)} MiB >= ${bound} MiB`);
      console.log(
        `      plan, 32 MiB value: exit 1 in ${(result.wallMs / 1000).toFixed(1)} s, peak ${result.maxRssMiB.toFixed(0)} MiB`,
      );
    });

    it("refuses a 300 MB snapshot before reading it (ORG_GOV_HEAVY=1)", async function () {
      if (!HEAVY) this.skip();
      const file = writeSparseFile(join(dir, "huge.json"), 300 * 1024 * 1024);
      const result = await runMeasured("plan", ["--no-policy", "--org-snapshot", file]);
      assert.equal(result.code, 1);
      assert.equal(
        result.stderr,
        `${file}: larger than ${MAX_SNAPSHOT_BYTES} bytes; is this an organization snapshot?\n`,
      );
      assert.ok(result.maxRssMiB < 400, `peak ${result.maxRssMiB.toFixed(0)} MiB: the file was read`);
      console.log(
        `      plan, 300 MB file: exit 1 in ${(result.wallMs / 1000).toFixed(1)} s, peak ${result.maxRssMiB.toFixed(0)} MiB`,
      );
    });
  });

  it("prints a bounded number of lines for a snapshot of thousands of bad accounts", () => {
    const accounts = Array.from({ length: 5000 }, (_, i) => ({ id: `bad-${i}` }));
    try {
      parseSnapshot({ ...sample, accounts }, "many.json");
      assert.fail("the snapshot was accepted");
    } catch (error) {
      const printed = (error as Error).message.split("\n");
      assert.equal(printed.length, MAX_LISTED_PROBLEMS + 1);
      assert.match(printed[printed.length - 1], /^many\.json: and \d+ more problems$/);
    }
  });
});

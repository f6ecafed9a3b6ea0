import assert from "node:assert/strict";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip, gzipSync } from "node:zlib";
import { DEFAULT_MAX_DOCUMENT_BYTES } from "../../../tools/pattern/input";
import { main } from "../../../tools/pattern/command";
import { PROJECT_DIR } from "../../support/plan";
import {
  DEEP_NESTING,
  hostileFiles,
  writeSparseFile,
  type HostileFile,
} from "../../support/reliability/hostile-files";
import {
  assertRefusedNamingFile,
  sweepHostileInputs,
  type Expectation,
} from "../../support/reliability/hostile-input";
import { runMeasured } from "../../support/reliability/measured-command";
import { HEAVY } from "../../support/reliability/sweep-size";

const CORPUS_FILE = resolve(
  PROJECT_DIR,
  "tests/fixtures/stratus-red-team/aws.defense-evasion.cloudtrail-stop.json",
);
const PATTERN = "{ $.eventName = StopLogging }";
/** Injected in this process so that a few MiB stand for the command's 128 MiB limit. */
const SMALL_LIMIT_BYTES = 4 * 1024 * 1024;

const logFile = () => ({ Records: JSON.parse(readFileSync(CORPUS_FILE, "utf8")) as unknown[] });

const FILES: HostileFile[] = [
  ...hostileFiles(logFile(), ["Records", 0, "requestParameters"]),
  {
    name: "truncated gzip",
    content: () => {
      const whole = gzipSync(JSON.stringify(logFile()));
      return whole.subarray(0, Math.floor(whole.length / 2));
    },
  },
  {
    name: "JSON Lines with a broken line",
    content: () => Buffer.from('{"eventName":"StopLogging"}\n{"eventName":\n{"eventName":"StopLogging"}\n'),
  },
];

const refused = { refused: 2 };
// Exit 0: a record matched; 1: none did (an empty file has no records, like an empty log).
const EXPECTATIONS: Record<string, Expectation> = {
  empty: { read: [1] },
  "whitespace only": { read: [1] },
  "truncated JSON": refused,
  "a stray character in pretty-printed JSON": refused,
  "a top-level array": refused,
  "a top-level string": refused,
  "a top-level number": refused,
  "a top-level null": refused,
  [`${DEEP_NESTING} nested arrays`]: refused,
  [`${DEEP_NESTING} nested objects`]: { read: [1] },
  [`${DEEP_NESTING} nested arrays in a field`]: { read: [0] },
  [`${DEEP_NESTING} nested objects in a field`]: { read: [0] },
  "a 32 MiB string in a field": refused,
  "binary garbage": refused,
  "gzip of a valid file": { read: [0] },
  "gzip bomb": refused,
  "__proto__ keys at the top": { read: [0] },
  "__proto__ keys in a field": { read: [0] },
  "non-UTF-8 bytes in a field": { read: [0] },
  "UTF-16 with a byte order mark": refused,
  "truncated gzip": refused,
  "JSON Lines with a broken line": refused,
};

async function* nothing(): AsyncGenerator<Buffer> {}

async function pattern(file: string, maxDocumentBytes = SMALL_LIMIT_BYTES) {
  let stdout = "";
  let stderr = "";
  const code = await main(["--pattern", PATTERN, "--json", file], {
    stdin: nothing(),
    stdout: { write: (text: string) => ((stdout += text), true) },
    stderr: { write: (text: string) => (stderr += text) },
    maxDocumentBytes,
  });
  return { code, stdout, stderr };
}

/** A gzip file of `bytes` zeros, written as a stream so the test never holds them. */
async function writeGzipBomb(path: string, bytes: number): Promise<string> {
  const chunk = Buffer.alloc(1024 * 1024);
  async function* zeros() {
    for (let left = bytes; left > 0; left -= chunk.length)
      yield left >= chunk.length ? chunk : chunk.subarray(0, left);
  }
  await pipeline(Readable.from(zeros()), createGzip({ level: 9 }), createWriteStream(path));
  return path;
}

describe("npm run pattern -- --pattern P FILE, with hostile files", () => {
  sweepHostileInputs({
    files: FILES,
    expectations: EXPECTATIONS,
    run: (file) => pattern(file),
    script: "pattern",
    args: (file) => ["--pattern", PATTERN, "--json", file],
    sameAsProcess: false,
  });

  it("reads a corpus file as it is (the sweep's starting point is valid)", async () => {
    const result = await pattern(CORPUS_FILE);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /"eventName":"StopLogging"/);
  });

  describe("as a separate process, with the command's own 128 MiB limit", () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), "pattern-hostile-"));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    it("refuses a gzip bomb (160 KiB expanding past the limit) in bounded memory", async () => {
      const bytes = DEFAULT_MAX_DOCUMENT_BYTES + 32 * 1024 * 1024;
      const file = await writeGzipBomb(join(dir, "bomb.json.gz"), bytes);
      const result = await runMeasured("pattern", ["--pattern", PATTERN, file]);
      assert.equal(result.code, 2);
      assertRefusedNamingFile(result.stderr, file);
      // The pending line is held up to the limit, and no more.
      const bound = 250 + DEFAULT_MAX_DOCUMENT_BYTES / 2 ** 20;
      assert.ok(result.maxRssMiB < bound, `peak ${result.maxRssMiB.toFixed(0)} MiB >= ${bound} MiB`);
      console.log(
        `      pattern, gzip bomb to ${bytes / 2 ** 20} MiB: exit 2 in ${(result.wallMs / 1000).toFixed(1)} s, peak ${result.maxRssMiB.toFixed(0)} MiB`,
      );
    });

    it("refuses a 300 MB file (ORG_GOV_HEAVY=1)", async function () {
      if (!HEAVY) this.skip();
      const file = writeSparseFile(join(dir, "huge.json"), 300 * 1024 * 1024);
      const result = await runMeasured("pattern", ["--pattern", PATTERN, file]);
      assert.equal(result.code, 2);
      assertRefusedNamingFile(result.stderr, file);
      assert.ok(result.maxRssMiB < 250 + DEFAULT_MAX_DOCUMENT_BYTES / 2 ** 20);
      console.log(
        `      pattern, 300 MB file: exit 2 in ${(result.wallMs / 1000).toFixed(1)} s, peak ${result.maxRssMiB.toFixed(0)} MiB`,
      );
    });
  });
});

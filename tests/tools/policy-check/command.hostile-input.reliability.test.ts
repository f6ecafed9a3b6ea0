import assert from "node:assert/strict";
import { MAX_JSON_FILE_BYTES } from "../../../tools/policy-check/json-file";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../../tools/policy-check/command";
import { awsProvider, awsResource, deploymentOf, rootStack } from "./deployment-builders";
import {
  DEEP_NESTING,
  deepArrays,
  HUGE_STRING_BYTES,
  hostileFiles,
  jsonWithRawValue,
  writeHostileFile,
  writeSparseFile,
  type HostileFile,
} from "../../support/reliability/hostile-files";
import {
  asRunAsProcessPrints,
  assertNoStackTrace,
  assertRefusedNamingFile,
  lines,
  sweepHostileInputs,
  type Expectation,
} from "../../support/reliability/hostile-input";
import { runMeasured } from "../../support/reliability/measured-command";
import { HEAVY } from "../../support/reliability/sweep-size";

const CANNOT_CHECK = 2;

function validState(): Record<string, unknown> {
  const provider = awsProvider();
  return deploymentOf([
    rootStack(),
    provider,
    awsResource("aws:s3/bucket:Bucket", "archive", { bucket: "archive" }, { provider }),
  ]);
}

const VALID_POLICY_CONFIG = {
  "cloudtrail-insights": "disabled",
  "trail-bucket-object-lock": { minimumRetentionDays: 365 },
};

const json = (value: unknown) => () => Buffer.from(JSON.stringify(value));

const STATE_FILES: HostileFile[] = [
  ...hostileFiles(validState(), ["version"]),
  { name: "version 2", content: json({ ...validState(), version: 2 }) },
  { name: 'version "3" as a string', content: json({ ...validState(), version: "3" }) },
  { name: "version 4", content: json({ ...validState(), version: 4 }) },
  {
    name: `${DEEP_NESTING} nested arrays in a resource's inputs`,
    content: () =>
      jsonWithRawValue(validState(), ["deployment", "resources", 2, "inputs", "tags"], deepArrays()),
  },
  {
    name: "__proto__ in a resource, in place of a required field",
    content: () =>
      Buffer.from(
        JSON.stringify(validState()).replace(
          '"custom":true,"type":"aws:s3',
          '"__proto__":{"custom":true},"type":"aws:s3',
        ),
      ),
  },
];

const POLICY_CONFIG_FILES: HostileFile[] = [
  ...hostileFiles(VALID_POLICY_CONFIG, ["cloudtrail-multi-region"]),
  { name: "__proto__ as a policy name", content: () => Buffer.from('{"__proto__": "disabled"}') },
  {
    name: "a setting the policy does not have",
    content: json({ "trail-bucket-object-lock": { minimumRetentionDay: 30 } }),
  },
];

const refused = { refused: CANNOT_CHECK };

const STATE_EXPECTATIONS: Record<string, Expectation> = {
  empty: refused,
  "whitespace only": refused,
  "truncated JSON": refused,
  "a stray character in pretty-printed JSON": refused,
  "a top-level array": refused,
  "a top-level string": refused,
  "a top-level number": refused,
  "a top-level null": refused,
  [`${DEEP_NESTING} nested arrays`]: refused,
  [`${DEEP_NESTING} nested objects`]: refused,
  [`${DEEP_NESTING} nested arrays in a field`]: refused,
  [`${DEEP_NESTING} nested objects in a field`]: refused,
  "a 32 MiB string in a field": refused,
  "binary garbage": refused,
  "gzip of a valid file": refused,
  "gzip bomb": refused,
  "__proto__ keys at the top": { read: [0] },
  "__proto__ keys in a field": refused,
  "non-UTF-8 bytes in a field": refused,
  "UTF-16 with a byte order mark": refused,
  "version 2": refused,
  'version "3" as a string': refused,
  "version 4": refused,
  [`${DEEP_NESTING} nested arrays in a resource's inputs`]: refused,
  "__proto__ in a resource, in place of a required field": refused,
};

const POLICY_CONFIG_EXPECTATIONS: Record<string, Expectation> = {
  // An empty policy config means no configuration, as for `pulumi preview --policy-pack-config`.
  empty: { read: [0] },
  "whitespace only": { read: [0] },
  "truncated JSON": refused,
  "a stray character in pretty-printed JSON": refused,
  "a top-level array": refused,
  "a top-level string": refused,
  "a top-level number": refused,
  "a top-level null": refused,
  [`${DEEP_NESTING} nested arrays`]: refused,
  [`${DEEP_NESTING} nested objects`]: refused,
  [`${DEEP_NESTING} nested arrays in a field`]: refused,
  [`${DEEP_NESTING} nested objects in a field`]: refused,
  "a 32 MiB string in a field": refused,
  "binary garbage": refused,
  "gzip of a valid file": refused,
  "gzip bomb": refused,
  "__proto__ keys at the top": refused,
  "__proto__ keys in a field": refused,
  "a setting the policy does not have": refused,
  "non-UTF-8 bytes in a field": refused,
  "UTF-16 with a byte order mark": refused,
  "__proto__ as a policy name": refused,
};

async function policyCheck(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => (stdout += `${text}\n`),
    stderr: (text) => (stderr += `${text}\n`),
    isTTY: false,
  });
  return { code, stdout, stderr };
}

describe("npm run policy:check with hostile files", () => {
  let dir: string;
  let state: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "policy-check-hostile-"));
    state = join(dir, "state.json");
    writeFileSync(state, JSON.stringify(validState()));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe("--state FILE", () => {
    sweepHostileInputs({
      files: STATE_FILES,
      expectations: STATE_EXPECTATIONS,
      run: (file) => policyCheck(["--state", file]),
      escaped: asRunAsProcessPrints,
      script: "policy-check",
      args: (file) => ["--state", file],
    });
  });

  describe("--policy-config FILE", () => {
    sweepHostileInputs({
      files: POLICY_CONFIG_FILES,
      expectations: POLICY_CONFIG_EXPECTATIONS,
      run: (file) => policyCheck(["--state", state, "--policy-config", file]),
      escaped: asRunAsProcessPrints,
      script: "policy-check",
      args: (file) => ["--state", state, "--policy-config", file],
    });
  });

  describe("as a separate process", () => {
    it("refuses a state file with a 32 MiB value in bounded memory, before starting the pack", async () => {
      const huge = STATE_FILES.find((f) => f.name === "a 32 MiB string in a field")!;
      const file = writeHostileFile(dir, huge);
      const result = await runMeasured("policy-check", ["--state", file]);
      assert.equal(result.code, CANNOT_CHECK);
      assertRefusedNamingFile(result.stderr, file);
      const bound = 200 + (6 * HUGE_STRING_BYTES) / 2 ** 20;
      assert.ok(result.maxRssMiB < bound, `peak ${result.maxRssMiB.toFixed(0)} MiB >= ${bound} MiB`);
      console.log(
        `      policy:check, 32 MiB value: exit 2 in ${(result.wallMs / 1000).toFixed(1)} s, peak ${result.maxRssMiB.toFixed(0)} MiB`,
      );
    });

    it("refuses a 300 MB state file before reading it (ORG_GOV_HEAVY=1)", async function () {
      if (!HEAVY) this.skip();
      const file = writeSparseFile(join(dir, "huge.json"), 300 * 1024 * 1024);
      const result = await runMeasured("policy-check", ["--state", file]);
      assert.equal(result.code, CANNOT_CHECK);
      assert.ok(lines(result.stderr)[0].startsWith(`${file}: `), result.stderr.slice(0, 300));
      assertNoStackTrace(result.stderr);
      console.log(
        `      policy:check, 300 MB file: exit 2 in ${(result.wallMs / 1000).toFixed(1)} s, peak ${result.maxRssMiB.toFixed(0)} MiB`,
      );
    });
    it("refuses a state file over the size limit without reading it", async () => {
      const file = writeSparseFile(join(dir, "oversized.json"), MAX_JSON_FILE_BYTES + 1);
      const result = await policyCheck(["--state", file]);
      assert.equal(result.code, CANNOT_CHECK);
      assert.match(result.stderr, /more than the \d+ this check reads; is it the right file\?\n$/);
    });
  });
});

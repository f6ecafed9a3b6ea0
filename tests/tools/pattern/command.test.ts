import { CORPUS_DIR } from "../../support/corpus";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { apiCall, consoleLogin, rootUser } from "../../../lib/controls/vectors";
import { main, type PatternIo } from "../../../tools/pattern/command";

const ROOT = path.resolve(__dirname, "../../..");
const CORPUS = CORPUS_DIR;
const corpusFile = (technique: string) => path.join(CORPUS, `aws.${technique}.json`);

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function* once(data: string | Buffer): AsyncGenerator<Buffer> {
  yield typeof data === "string" ? Buffer.from(data) : data;
}

async function run(
  argv: string[],
  stdin: string | Buffer = "",
  extra: Partial<PatternIo> = {},
): Promise<Result> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdin: once(stdin),
    stdout: { write: (text) => ((stdout += text), true) },
    stderr: { write: (text) => (stderr += text) },
    ...extra,
  });
  return { code, stdout, stderr };
}

const jsonLines = (...records: object[]) => records.map((r) => JSON.stringify(r)).join("\n") + "\n";

describe("pattern CLI", () => {
  it("prints matching records as an aligned table and exits 0", async () => {
    const result = await run([
      "--pattern",
      "{ $.eventName = StopLogging }",
      corpusFile("defense-evasion.cloudtrail-stop"),
    ]);
    assert.equal(result.code, 0);
    assert.equal(result.stderr, "");
    assert.deepEqual(result.stdout.split("\n"), [
      "TIME                  EVENT        PRINCIPAL                                  EVENT ID",
      "2024-07-31T13:06:24Z  StopLogging  arn:aws:iam::143434273843:user/christophe  10163ed2-2253-469d-a5ee-cbc6651f8934",
      "",
    ]);
  });

  it("adds a FILE column when several inputs are given", async () => {
    const files = ["defense-evasion.cloudtrail-stop", "defense-evasion.cloudtrail-delete"].map(corpusFile);
    const result = await run(["-p", "{ $.eventSource = cloudtrail.amazonaws.com }", ...files]);
    const lines = result.stdout.trimEnd().split("\n");
    assert.equal(lines.length, 3);
    assert.ok(lines[0].startsWith("FILE"));
    assert.ok(lines[1].startsWith(files[0]) && lines[2].startsWith(files[1]));
  });

  it("exits 1 and prints nothing when no record matches", async () => {
    const result = await run([
      "-p",
      "{ $.eventName = NoSuchCall }",
      corpusFile("execution.ssm-send-command"),
    ]);
    assert.deepEqual(result, { code: 1, stdout: "", stderr: "" });
  });

  it("writes one JSON object per matching record with --json", async () => {
    const result = await run([
      "-p",
      "{ $.errorCode = AccessDenied }",
      "--json",
      corpusFile("defense-evasion.organizations-leave"),
    ]);
    assert.equal(result.code, 0);
    const rows = result.stdout
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line));
    assert.deepEqual(rows, [
      {
        source: corpusFile("defense-evasion.organizations-leave"),
        eventTime: "2024-08-02T08:30:00Z",
        eventName: "LeaveOrganization",
        principal:
          "arn:aws:sts::307578594326:assumed-role/stratus-red-team-leave-org-role/aws-go-sdk-1722587398902687000",
        eventID: "16903cbd-fdff-4818-82f2-d66ad09aaf57",
      },
    ]);
  });

  it("reads gzipped JSON Lines from stdin when no file is given", async () => {
    const input = gzipSync(
      jsonLines(apiCall("ec2.amazonaws.com", "DescribeInstances"), apiCall("ec2.amazonaws.com", "DeleteVpc")),
    );
    const result = await run(["-p", "{ $.eventName = DeleteVpc }", "--json"], input);
    assert.equal(result.code, 0);
    assert.equal(JSON.parse(result.stdout).source, "(stdin)");
    assert.equal(JSON.parse(result.stdout).eventName, "DeleteVpc");
  });

  describe("--catalog", () => {
    it("counts CIS controls by default and lists which fired per record", async () => {
      const input = jsonLines(
        consoleLogin({ mfaUsed: false, outcome: "Success", userIdentity: rootUser() }),
        apiCall("ec2.amazonaws.com", "DescribeInstances"),
        apiCall("ec2.amazonaws.com", "DeleteFlowLogs"),
      );
      const result = await run(["--catalog"], input);
      assert.equal(result.code, 0);
      const [matches, counts] = result.stdout.split("\n\n");
      assert.match(matches.split("\n")[1], /ConsoleLogin .* root-account-usage$/);
      assert.equal(matches.split("\n").length, 2);
      const countLines = counts
        .trimEnd()
        .split("\n")
        .map((line) => line.split(/\s+/).join(" "));
      assert.equal(countLines[0], "CONTROL SET RECORDS");
      assert.equal(countLines.length, 1 + 15 + 1);
      assert.ok(countLines.includes("root-account-usage cis 1"), counts);
      assert.ok(countLines.includes("unauthorized-api-calls cis 0"), counts);
      assert.ok(
        !countLines.some((line) => line.startsWith("vpc-flow-log-deletion")),
        "ran an extended control",
      );
      assert.equal(countLines.at(-1), "3 records read, 1 matched");
    });

    it("runs chosen controls and reports them per record in --json", async () => {
      const file = corpusFile("persistence.iam-create-admin-user");
      const result = await run([
        "--catalog",
        "--controls",
        "iam-access-key-for-named-user,iam-policy-changes",
        "--json",
        file,
      ]);
      assert.equal(result.code, 0);
      const rows = result.stdout
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line));
      assert.deepEqual(
        rows.map((r) => [r.eventName, r.controls]),
        [
          ["AttachUserPolicy", ["iam-policy-changes"]],
          ["CreateAccessKey", ["iam-access-key-for-named-user"]],
        ],
      );
    });

    it("prints the zero counts and exits 1 when nothing fires", async () => {
      const result = await run(
        ["--catalog", "--controls", "all"],
        jsonLines(apiCall("s3.amazonaws.com", "GetObject")),
      );
      assert.equal(result.code, 1);
      assert.ok(result.stdout.startsWith("CONTROL"));
      assert.ok(result.stdout.endsWith("1 records read, 0 matched\n"));
    });

    it("rejects unknown control ids with exit 2", async () => {
      const result = await run(["--catalog", "--controls", "root-usage"]);
      assert.equal(result.code, 2);
      assert.match(
        result.stderr,
        /^--controls: unknown control id "root-usage"; valid ids: unauthorized-api-calls, .*\n$/,
      );
    });
  });

  describe("bad input", () => {
    it("reports a malformed pattern by column and exits 2", async () => {
      const result = await run(["-p", "{ $.eventName = }"]);
      assert.equal(result.code, 2);
      assert.equal(result.stdout, "");
      assert.match(result.stderr, /^pattern column \d+: expected .*\n$/);
      assert.equal(result.stderr.split("\n").length, 2);
    });

    it("reports an unreadable file, still reads the others, and exits 2", async () => {
      const missing = path.join(CORPUS, "no-such-technique.json");
      const result = await run([
        "-p",
        "{ $.eventName = StopLogging }",
        missing,
        corpusFile("defense-evasion.cloudtrail-stop"),
      ]);
      assert.equal(result.code, 2);
      assert.equal(result.stderr, `${missing}: no such file\n`);
      assert.match(result.stdout, /StopLogging/);
    });

    it("reports malformed JSON Lines by line", async () => {
      const result = await run(["-p", "{ $.a = 1 }"], '{"a": 1}\nnot json\n');
      assert.equal(result.code, 2);
      assert.equal(
        result.stderr,
        "(stdin): line 2: not valid JSON (Unexpected token 'o', \"not json\" is not valid JSON)\n",
      );
    });

    it("refuses a whole-document file above the size limit", async () => {
      const big = JSON.stringify({ Records: [apiCall("ec2.amazonaws.com", "DeleteVpc")] }, null, 2);
      const result = await run(["-p", "{ $.eventName = DeleteVpc }"], big, { maxDocumentBytes: 200 });
      assert.equal(result.code, 2);
      assert.match(
        result.stderr,
        /^\(stdin\): larger than 200 bytes as one JSON document; convert it to JSON Lines/,
      );
    });

    it("reports bad usage with exit 2 and prints help with exit 0", async () => {
      const usage = await run(["--pattern", "x", "--catalog"]);
      assert.equal(usage.code, 2);
      assert.match(usage.stderr, /exclude each other/);
      const help = await run(["--help"]);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage: npm run pattern -- /);
    });
  });

  it("waits for 'drain' when stdout is full", async () => {
    let drains = 0;
    const lines: string[] = [];
    const code = await main(["-p", "{ $.eventName = DescribeInstances }", "--json"], {
      stdin: once(
        jsonLines(
          apiCall("ec2.amazonaws.com", "DescribeInstances"),
          apiCall("ec2.amazonaws.com", "DescribeInstances"),
        ),
      ),
      stdout: {
        write: (text) => (lines.push(text), false),
        once: (_event, listener) => {
          drains++;
          setImmediate(listener);
        },
      },
      stderr: { write: () => true },
    });
    assert.equal(code, 0);
    assert.equal(lines.length, 2);
    assert.equal(drains, 2);
  });
});

describe("pattern CLI as a process", () => {
  const script = path.join(ROOT, "tools/pattern/command.ts");
  const spawn = (args: string[], input?: Buffer) =>
    spawnSync(process.execPath, ["-r", "ts-node/register/transpile-only", script, ...args], {
      cwd: ROOT,
      input,
      encoding: "utf8",
      timeout: 30_000,
    });

  it("exits 2 with the column error and no stack trace for a bad pattern", () => {
    const bad = spawn(["-p", "{ $.eventName = "]);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^pattern column \d+: /);
    assert.doesNotMatch(bad.stderr, /\n\s+at /, "printed a stack trace");
  });

  it("reads a gzipped CloudTrail file from stdin", () => {
    const gz = gzipSync(
      JSON.stringify({ Records: JSON.parse(readFileSync(corpusFile("exfiltration.ec2-share-ami"), "utf8")) }),
    );
    const result = spawn(["--catalog", "--controls", "all", "-"], gz);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /ModifyImageAttribute .* snapshot-or-image-sharing\n/);
    assert.match(result.stdout, /1 records read, 1 matched\n$/);
  });
});

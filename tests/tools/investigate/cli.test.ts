import { strict as assert } from "node:assert";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { QUESTIONS } from "../../../lib/investigation";
import { isLogFile } from "../../../tools/investigate/log-files";
import { CORPUS_DIR } from "../../support/corpus";
import { runInvestigate } from "./helpers";

describe("investigate command line", () => {
  it("--help lists every question, every flag with its default, and the exit codes", async () => {
    const { code, stdout } = await runInvestigate("--help");
    assert.equal(code, 0);
    for (const q of QUESTIONS) assert.match(stdout, new RegExp(`^  ${q.name} `, "m"));
    for (const flag of [
      "--dir",
      "--engine",
      "--from",
      "--to",
      "--json",
      "--csv",
      "--out",
      "--sql",
      "--workgroup",
      "--event-data-store",
    ]) {
      assert.ok(stdout.includes(flag), flag);
    }
    assert.match(stdout, /default:\s+"org-governance-investigations"/);
    assert.match(stdout, /Exit codes: 0 events found, 1 no events found, 2 could not run/);
  });

  it("exit 2 with one line naming the fix for usage errors", async () => {
    const cases: [string[], RegExp][] = [
      [["principl", "x", "--dir", CORPUS_DIR], /unknown question "principl" \(did you mean principal\?\)/],
      [["principal", "--dir", CORPUS_DIR], /principal needs PRINCIPAL/],
      [["principal", "x"], /--dir is required/],
      [["principal", "x", "--dir", "/nonexistent/archive"], /--dir \/nonexistent\/archive does not exist/],
      [
        ["principal", "x", "--dir", CORPUS_DIR, "--from", "yesterday"],
        /--from "yesterday" is not an ISO-8601 time/,
      ],
      [
        ["principal", "x", "--dir", CORPUS_DIR, "--out", "/nonexistent/dir/report.txt"],
        /directory \/nonexistent\/dir does not exist/,
      ],
      [["principal", "x", "--engine", "lake"], /--event-data-store ARN is required/],
      [["principal", "x", "--dir", CORPUS_DIR, "--json", "--csv"], /cannot be used with option '--csv'/],
      [
        ["principal", "x", "--dir", CORPUS_DIR, "--engine", "bigquery"],
        /Allowed choices are duckdb, athena, lake/,
      ],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await runInvestigate(...argv);
      assert.equal(code, 2, argv.join(" "));
      assert.match(stderr, message);
      assert.equal(stderr.trim().split("\n").length, 1, stderr);
    }
  });

  it("exit 1 when nothing matches, 0 with the timeline table when something does", async () => {
    assert.equal(
      (await runInvestigate("principal", "arn:aws:iam::000000000000:user/nobody", "--dir", CORPUS_DIR)).code,
      1,
    );
    const { code, stdout } = await runInvestigate(
      "resource",
      "stratus-red-team-ct-stop-trail-buykxbqejv",
      "--dir",
      CORPUS_DIR,
    );
    assert.equal(code, 0);
    assert.match(
      stdout,
      /^TIME +ACCOUNT +REGION +PRINCIPAL +SOURCE_IP +USER_AGENT +EVENT +TARGET +ERROR +SOURCE$/m,
    );
    assert.match(stdout, /cloudtrail\.amazonaws\.com:StopLogging/);
  });

  it("--csv writes RFC 4180 rows with the source file, --out writes them to a file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "investigate-out-"));
    try {
      const out = join(dir, "timeline.csv");
      const { code, stdout } = await runInvestigate("sign-ins", "--dir", CORPUS_DIR, "--csv", "--out", out);
      assert.equal(code, 0);
      assert.equal(stdout, "");
      const [header, first] = readFileSync(out, "utf8").trim().split("\r\n");
      assert.equal(
        header,
        "time,account,region,principal,source_ip,user_agent,event,target,error,event_id,access_key,source",
      );
      assert.match(
        first,
        /^2024-08-02T08:53:24Z,562283505220,.*signin\.amazonaws\.com:ConsoleLogin,.*aws\.initial-access\.console-login-without-mfa\.json$/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--sql prints the statement and runs nothing", async () => {
    const { code, stdout } = await runInvestigate(
      "ip",
      "10.0.0.0/8",
      "--engine",
      "athena",
      "--sql",
      "--from",
      "2024-07-30",
    );
    assert.equal(code, 0);
    assert.match(stdout, /FROM "org_governance_audit"\."cloudtrail" e/);
    assert.match(stdout, /e\."day" >= '2024\/07\/30'/);
    assert.match(stdout, /BETWEEN 167772160 AND 184549375/);
  });

  it("log files: JSON and gzipped JSON, never digests or Insights", () => {
    assert.ok(
      isLogFile(
        "AWSLogs/o-1/111111111111/CloudTrail/us-east-1/2024/07/30/x_CloudTrail_us-east-1_20240730T0000Z_a.json.gz",
      ),
    );
    assert.ok(isLogFile("aws.persistence.iam-backdoor-user.json"));
    assert.ok(!isLogFile("AWSLogs/o-1/111111111111/CloudTrail-Digest/us-east-1/2024/07/30/x.json.gz"));
    assert.ok(!isLogFile("AWSLogs/o-1/111111111111/CloudTrail-Insight/us-east-1/2024/07/30/x.json.gz"));
    assert.ok(!isLogFile("README.md"));
  });
});

import { strict as assert } from "node:assert";
import * as path from "node:path";
import type { CommandIO } from "../../../tools/cli/io";
import { archiveBucketName } from "../../../lib/naming";
import { SAMPLE_ORGANIZATION_PATH } from "../../../lib/organization/source";
import { validateLogsMain } from "../../../tools/validate-logs/main";
import { buildArchive, type ArchiveSpec } from "../../support/archive-builder";
import { deleteObject, modifyLog } from "../../support/archive-builder/mutations";
import { serveArchive, type ServedArchive } from "../../support/validate-logs-harness";

const PROJECT_DIR = path.resolve(__dirname, "../../..");

function capture(isTTY = false): CommandIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, isTTY, stdout: (text) => out.push(text), stderr: (text) => err.push(text) };
}

// The prod stack over the sample organization: management 111122223333, log archive 222233334444,
// home region eu-west-1, trail org-governance (Pulumi.prod.yaml).
const SPEC: ArchiveSpec = {
  bucket: archiveBucketName("222233334444", "eu-west-1"),
  organizationId: "o-7xk2p9q4ab",
  trailName: "org-governance",
  homeRegion: "eu-west-1",
  trailAccountId: "111122223333",
  accounts: ["111122223333", "444455556666"],
  regions: ["eu-west-1"],
  start: new Date("2026-05-10T00:00:00Z"),
  hours: 4,
};
const WINDOW = ["--from", "2026-05-10T00:01:00Z", "--to", "2026-05-10T04:00:00Z"];

describe("npm run validate-logs", function () {
  const archive = buildArchive(SPEC);
  let served: ServedArchive;
  beforeEach(async () => {
    served = await serveArchive(archive);
  });
  afterEach(async () => {
    await served.close();
  });
  const direct = ["--bucket", SPEC.bucket, "--trail-arn", archive.trailArn, ...WINDOW];

  it("--help lists every flag with its default and ends with the exit codes", async () => {
    const io = capture();
    assert.equal(await validateLogsMain(["--help"], io), 0);
    const help = io.out.join("");
    for (const flag of [
      "--stack",
      "--bucket",
      "--trail-arn",
      "--org-snapshot",
      "--accounts",
      "--regions",
      "--from",
      "--to",
      "--concurrency",
      "--json",
    ]) {
      assert.ok(help.includes(flag), flag);
    }
    assert.match(help, /default: 16/);
    assert.match(help.trimEnd(), /Exit codes: 0 .* 1 .* 2 could not run .*\)\.$/);
  });

  it("exit 0 and a summary per account and region for an intact archive (--bucket and --trail-arn)", async () => {
    const io = capture();
    assert.equal(await validateLogsMain(direct, io), 0, io.err.join(""));
    const text = io.out.join("");
    assert.match(text, /111122223333\s+eu-west-1\s+4 digests valid\s+0 invalid or missing\s+8 logs valid/);
    assert.match(text, /444455556666\s+eu-west-1/);
    assert.match(text, /All digests and log files valid\./);
  });

  it("exit 1 with every problem's key and version id; --json prints one document", async () => {
    const modified = archive.digests[1].logKeys[0];
    const deleted = archive.digests[2].logKeys[1];
    modifyLog(served.bucket, modified);
    deleteObject(served.bucket, deleted);
    const io = capture();
    assert.equal(await validateLogsMain(direct, io), 1);
    const text = io.out.join("");
    assert.ok(
      text.includes(
        `log file modified: s3://${SPEC.bucket}/${modified} (version ${served.bucket.get(modified)!.versionId})`,
      ),
      text,
    );
    assert.ok(
      text.includes(
        `log file deleted: s3://${SPEC.bucket}/${deleted} (version ${served.bucket.get(deleted)!.versionId})`,
      ),
      text,
    );

    const json = capture();
    assert.equal(await validateLogsMain([...direct, "--json"], json), 1);
    assert.equal(json.out.length, 1);
    const document = JSON.parse(json.out[0]) as {
      valid: boolean;
      problems: { verdict: string }[];
      scopes: unknown[];
    };
    assert.equal(document.valid, false);
    assert.deepEqual(document.problems.map((p) => p.verdict).sort(), ["log-deleted", "log-modified"]);
    assert.equal(document.scopes.length, 2);
  });

  it("--stack reads the bucket, trail and organization as the plan does (--org-snapshot for the organization)", async () => {
    const io = capture();
    const code = await validateLogsMain(
      [
        "--stack",
        "prod",
        "--org-snapshot",
        SAMPLE_ORGANIZATION_PATH,
        "--accounts",
        "111122223333,444455556666",
        ...WINDOW,
      ],
      io,
      { projectDir: PROJECT_DIR },
    );
    assert.equal(code, 0, io.err.join("") + io.out.join(""));
    assert.ok(io.out.join("").includes(`Validated s3://${SPEC.bucket} for ${archive.trailArn}`));
  });

  it("--stack without --accounts validates every active account of the organization: those with no digest fail", async () => {
    const io = capture();
    const code = await validateLogsMain(
      [
        "--stack",
        "prod",
        "--org-snapshot",
        SAMPLE_ORGANIZATION_PATH,
        ...WINDOW,
        "--regions",
        "eu-west-1",
        "--json",
      ],
      io,
      {
        projectDir: PROJECT_DIR,
      },
    );
    assert.equal(code, 1);
    const document = JSON.parse(io.out[0]) as { problems: { verdict: string; accountId: string }[] };
    assert.ok(document.problems.length > 0);
    assert.ok(
      document.problems.every((p) => p.verdict === "window-empty" && !SPEC.accounts.includes(p.accountId)),
    );
  });

  for (const [args, pattern] of [
    [["--accounts", "12345"], /--accounts.*12-digit account ids/],
    [["--from", "yesterday"], /ISO 8601/],
    [["--bucket", "b"], /--bucket and --trail-arn go together/],
    [["--from", "2026-05-10T05:00:00Z", "--to", "2026-05-10T04:00:00Z"], /is not before --to/],
    [["--concurency", "4"], /Did you mean --concurrency\?/],
    [["--concurrency", "0"], /from 1 to 256/],
    [["--bucket", "b", "--trail-arn", "not-an-arn"], /is not arn:<partition>:cloudtrail/],
  ] as const) {
    it(`exit 2 with one line for bad arguments: ${args.join(" ")}`, async () => {
      const io = capture();
      assert.equal(await validateLogsMain([...args], io), 2);
      assert.equal(io.err.length, 1);
      assert.match(io.err[0], pattern);
      assert.doesNotMatch(io.err[0], /\n./);
    });
  }

  it("exit 2 with one line saying how to fix it when S3 denies access", async () => {
    await served.close();
    served = await serveArchive(archive, { denyAll: true });
    const io = capture();
    assert.equal(await validateLogsMain(direct, io), 2);
    assert.equal(io.err.length, 1);
    assert.match(io.err[0], /access denied; give the reader the policy in docs\/validate-logs\.md/);
  });

  it("draws progress only on a terminal", async () => {
    const quiet = capture(false);
    await validateLogsMain(direct, quiet);
    assert.deepEqual(quiet.err, []);
    const tty = capture(true);
    await validateLogsMain(direct, tty);
    assert.ok(tty.err.some((line) => /log files, [\d.]+ MiB/.test(line)));
  });
});

describe("npm run validate-logs: the legacy layout AWSLogs/<account>/", () => {
  it("discovers and validates a single-account trail's archive", async () => {
    const archive = buildArchive({
      ...SPEC,
      organizationId: undefined,
      accounts: ["111122223333"],
      bucket: "legacy-trail-bucket",
    });
    const served = await serveArchive(archive);
    try {
      const io = capture();
      const code = await validateLogsMain(
        ["--bucket", "legacy-trail-bucket", "--trail-arn", archive.trailArn, ...WINDOW],
        io,
      );
      assert.equal(code, 0, io.out.join(""));
      assert.match(io.out.join(""), /111122223333\s+eu-west-1\s+4 digests valid/);
    } finally {
      await served.close();
    }
  });
});

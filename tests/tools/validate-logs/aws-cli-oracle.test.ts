import { strict as assert } from "node:assert";
import {
  buildArchive,
  type ArchiveSpec,
  type BuiltArchive,
  type DigestRecord,
} from "../../support/archive-builder";
import * as tamper from "../../support/archive-builder/mutations";
import { awsCliVersion, runAwsCliValidateLogs, type CliRun } from "../../support/aws-cli-oracle";
import {
  createTestCertificateAuthority,
  startInterceptingProxy,
  type TestCertificateAuthority,
} from "../../support/https-proxy";
import { useTestCredentialsInEnvironment } from "../../support/organizations-endpoint/test-credentials";
import { serveArchive, type ServedArchive } from "../../support/validate-logs-harness";
import type { ValidationReport } from "../../../tools/validate-logs/run";

// AWS's own `aws cloudtrail validate-logs` (Debian's awscli 2.9.19, installed by .ci/run) as a reference
// oracle on single-account, single-region archives it can read ("Validating CloudTrail log file
// integrity with the AWS CLI"): both tools must agree on every case the CLI handles, and this tool must
// catch each of the CLI's blind spots. The CLI 2.9 ignores AWS_ENDPOINT_URL_*, and its --endpoint-url
// reaches only CloudTrail, so its S3 calls go through a loopback HTTPS proxy trusted via AWS_CA_BUNDLE.

const ACCOUNT = "111122223333";
const REGION = "us-east-1";
const SINGLE: ArchiveSpec = {
  bucket: "oracle-trail-bucket",
  trailName: "oracle-trail",
  homeRegion: REGION,
  trailAccountId: ACCOUNT,
  accounts: [ACCOUNT],
  regions: [REGION],
  start: new Date("2026-05-10T00:00:00Z"),
  hours: 6,
};

interface Case {
  archive: BuiltArchive;
  tamper(served: ServedArchive): void;
  accountId?: string;
}

interface Outcome {
  cli: CliRun;
  ours: ValidationReport;
  archive: BuiltArchive;
}

const digest = (archive: BuiltArchive, hour: number): DigestRecord =>
  archive.digests.find((d) => d.hour === hour && !d.backfill)!;
const cliKeys = (run: CliRun, kind: "Digest" | "Log") =>
  run.invalid
    .filter((i) => i.kind === kind)
    .map((i) => i.key)
    .sort();
const ourKeys = (report: ValidationReport, prefix: "digest" | "log") =>
  report.problems
    .filter((p) => p.verdict.startsWith(prefix) && p.verdict !== "log-unlisted")
    .map((p) => p.key!)
    .sort();
const ratio = (run: CliRun, name: string) =>
  new RegExp(`(\\d+)/(\\d+) ${name} files valid`).exec(run.stdout)?.slice(1).map(Number);

const intact = buildArchive(SINGLE);
const restarted = buildArchive({ ...SINGLE, stoppedHours: [2, 4] });
const organization = buildArchive({
  ...SINGLE,
  bucket: "oracle-org-bucket",
  organizationId: "o-oracleorg01",
  trailAccountId: "999988887777",
});

const CASES: Record<string, Case> = {
  intact: { archive: intact, tamper: () => {} },
  logs: {
    archive: intact,
    tamper: ({ bucket }) => {
      tamper.modifyLog(bucket, digest(intact, 0).logKeys[0]);
      tamper.deleteObject(bucket, digest(intact, 1).logKeys[1]);
      tamper.truncateGzip(bucket, digest(intact, 2).logKeys[0]);
      tamper.appendGzipMember(bucket, digest(intact, 4).logKeys[0]);
    },
  },
  digests: {
    archive: intact,
    tamper: ({ bucket }) => {
      tamper.forgeSignature(bucket, digest(intact, 5).key);
      tamper.editDigest(bucket, digest(intact, 3).key, (d) => {
        (d.logFiles as { hashValue: string }[])[0].hashValue = "0".repeat(64);
      });
      tamper.deleteObject(bucket, digest(intact, 1).key);
    },
  },
  consecutive: {
    archive: intact,
    tamper: ({ bucket }) => {
      tamper.signWithUnknownKey(bucket, digest(intact, 5).key, REGION);
      tamper.deleteObject(bucket, digest(intact, 2).key);
      tamper.deleteObject(bucket, digest(intact, 3).key);
    },
  },
  restart: { archive: restarted, tamper: () => {} },
  organization: {
    archive: organization,
    accountId: ACCOUNT,
    tamper: ({ bucket }) => tamper.modifyLog(bucket, digest(organization, 1).logKeys[0]),
  },
};

describe("validate-logs against the AWS CLI's validate-logs (reference oracle)", function () {
  this.timeout(180_000);
  const version = awsCliVersion();
  const outcomes: Record<string, Outcome> = {};
  let authority: TestCertificateAuthority;
  let restoreEnvironment = () => {};

  before(async function () {
    if (!version) {
      if (process.env.CI === "true") {
        throw new Error(
          "the AWS CLI v2 is not installed at /usr/bin/aws; .ci/run installs Debian's awscli: apt-get install -y awscli",
        );
      }
      console.warn(
        "    (skipped: /usr/bin/aws is not installed; apt-get install -y awscli to run the oracle)",
      );
      this.skip();
    }
    restoreEnvironment = useTestCredentialsInEnvironment();
    authority = createTestCertificateAuthority([
      "s3.amazonaws.com",
      "*.s3.amazonaws.com",
      `s3.${REGION}.amazonaws.com`,
      `*.s3.${REGION}.amazonaws.com`,
    ]);
    // Every case runs at once, each with its own endpoints: the CLI's start-up dominates.
    await Promise.all(
      Object.entries(CASES).map(async ([name, testCase]) => {
        const served = await serveArchive(testCase.archive, { explicitEndpoints: true });
        const proxy = await startInterceptingProxy(served.s3.url, authority);
        try {
          testCase.tamper(served);
          const from = new Date(SINGLE.start.getTime() + 60_000);
          const to = new Date(SINGLE.start.getTime() + SINGLE.hours * 3_600_000);
          const cli = await runAwsCliValidateLogs({
            bucket: testCase.archive.spec.bucket,
            trailArn: testCase.archive.trailArn,
            region: REGION,
            from,
            to,
            cloudTrailUrl: served.cloudTrail.url,
            proxyUrl: proxy.url,
            caFile: authority.caFile,
            accountId: testCase.accountId,
          });
          const ours = await served.validate({
            from,
            to,
            accounts: testCase.accountId ? [testCase.accountId] : undefined,
          });
          outcomes[name] = { cli, ours, archive: testCase.archive };
        } finally {
          await proxy.close();
          await served.close();
        }
      }),
    );
  });
  after(() => {
    restoreEnvironment();
    authority?.dispose();
  });

  it(`agrees on an intact archive: exit 0, every digest and log file valid (AWS CLI ${version ?? "missing"})`, () => {
    const { cli, ours } = outcomes.intact;
    assert.equal(cli.code, 0, cli.stderr);
    assert.deepEqual(ours.problems, []);
    assert.deepEqual(ratio(cli, "digest"), [6, 6]);
    assert.deepEqual(ratio(cli, "log"), [12, 12]);
    assert.equal(ours.scopes[0].digests.valid, 6);
    assert.equal(ours.scopes[0].logs.valid, 12);
  });

  it("agrees on modified, deleted and truncated log files; only this tool catches the appended gzip member", () => {
    const { cli, ours, archive } = outcomes.logs;
    assert.equal(cli.code, 1);
    const appended = digest(archive, 4).logKeys[0];
    const cliFound = cliKeys(cli, "Log");
    assert.deepEqual(
      cliFound,
      [digest(archive, 0).logKeys[0], digest(archive, 1).logKeys[1], digest(archive, 2).logKeys[0]].sort(),
    );
    assert.deepEqual(ourKeys(ours, "log"), [...cliFound, appended].sort());
    assert.ok(!cliFound.includes(appended), "the CLI 2.9 reads only the first gzip member");
    assert.deepEqual(ours.problems.find((p) => p.key === appended)?.verdict, "log-extra-gzip-data");
  });

  it("agrees on a forged signature, an edited digest and a deleted digest", () => {
    const { cli, ours, archive } = outcomes.digests;
    assert.equal(cli.code, 1);
    const expected = [digest(archive, 5).key, digest(archive, 3).key, digest(archive, 1).key].sort();
    assert.deepEqual(cliKeys(cli, "Digest"), expected);
    assert.deepEqual(ourKeys(ours, "digest"), expected);
    const verdicts = Object.fromEntries(ours.problems.map((p) => [p.key, p.verdict]));
    assert.equal(verdicts[digest(archive, 5).key], "digest-signature-invalid");
    assert.equal(verdicts[digest(archive, 3).key], "digest-modified");
    assert.equal(verdicts[digest(archive, 1).key], "digest-missing");
  });

  it("agrees on an unknown key; two consecutive deleted digests are one to the CLI, a two-hour gap with every skipped log here", () => {
    const { cli, ours, archive } = outcomes.consecutive;
    assert.equal(cli.code, 1);
    assert.ok(cliKeys(cli, "Digest").includes(digest(archive, 5).key));
    assert.ok(
      ours.problems.some((p) => p.verdict === "digest-unknown-key" && p.key === digest(archive, 5).key),
    );
    // The CLI reports the one digest the chain names, never the one before it, nor its log files.
    assert.deepEqual(cliKeys(cli, "Digest"), [digest(archive, 3).key, digest(archive, 5).key].sort());
    assert.deepEqual(ratio(cli, "log"), [6, 6], "the CLI never counts the logs of the skipped digests");
    const missing = ours.problems.filter((p) => p.verdict === "digest-missing");
    assert.equal(missing.length, 1);
    assert.deepEqual(missing[0].window, {
      from: digest(archive, 2).start.toISOString(),
      to: digest(archive, 3).end.toISOString(),
    });
    const unlisted = ours.problems
      .filter((p) => p.verdict === "log-unlisted")
      .map((p) => p.key)
      .sort();
    assert.deepEqual(unlisted, [...digest(archive, 2).logKeys, ...digest(archive, 3).logKeys].sort());
  });

  it("a chain restart is a notice and exit 0 to the CLI, a problem with its uncovered window here", () => {
    const { cli, ours, archive } = outcomes.restart;
    assert.equal(cli.code, 0);
    assert.equal(cli.gaps.length, 1, cli.stderr);
    assert.deepEqual(
      ours.problems.map((p) => [p.verdict, p.window]),
      [
        [
          "chain-restarted",
          { from: digest(archive, 1).end.toISOString(), to: digest(archive, 4).start.toISOString() },
        ],
      ],
    );
  });

  it("for an organization trail given with --s3-bucket the CLI finds no digest and exits 0; this tool reads AWSLogs/<o-id>/<account>/ and finds the modified log", () => {
    const { cli, ours, archive } = outcomes.organization;
    assert.equal(cli.code, 0);
    assert.match(cli.stdout, /No digests found/);
    assert.deepEqual(
      ours.problems.map((p) => [p.verdict, p.key]),
      [["log-modified", digest(archive, 1).logKeys[0]]],
    );
    assert.equal(ours.scopes[0].digests.valid, 6);
  });
});

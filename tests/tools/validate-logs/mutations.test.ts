import { strict as assert } from "node:assert";
import { buildArchive, type ArchiveSpec, type BuiltArchive } from "../../support/archive-builder";
import * as tamper from "../../support/archive-builder/mutations";
import { serveArchive, type ServedArchive } from "../../support/validate-logs-harness";
import type { ValidationReport } from "../../../tools/validate-logs/run";
import type { Problem } from "../../../tools/validate-logs/verdicts";

// The mutation matrix: one archive, one tampering per test, the verdict each must produce. Facts from
// the CloudTrail user guide pages "CloudTrail digest file structure" and "Custom implementations of
// CloudTrail log file integrity validation".

const ACCOUNT = "111122223333";
const OTHER = "444455556666";
const ORG_SPEC: ArchiveSpec = {
  bucket: "org-trail-archive-999988887777-eu-west-1",
  organizationId: "o-exampleorg1",
  trailName: "org-governance",
  homeRegion: "eu-west-1",
  trailAccountId: "210987654321",
  accounts: [ACCOUNT, OTHER],
  regions: ["eu-west-1", "us-east-1"],
  start: new Date("2026-03-01T22:00:00Z"),
  hours: 6,
  emptyHours: [2],
  rotateKeyAtHour: 3,
  backfillHours: [1],
};

const summarize = (problems: Problem[]) => problems.map((p) => `${p.verdict} ${p.key ?? ""}`);
const digestOf = (archive: BuiltArchive, hour: number, account = ACCOUNT, region = "eu-west-1") =>
  archive.digests.find(
    (d) => d.hour === hour && d.accountId === account && d.region === region && !d.backfill,
  )!;

describe("validate-logs: the mutation matrix over a loopback S3 and CloudTrail", function () {
  let archive: BuiltArchive;
  let served: ServedArchive;

  before(() => {
    archive = buildArchive(ORG_SPEC);
  });
  beforeEach(async () => {
    served = await serveArchive(archive);
  });
  afterEach(async () => {
    await served.close();
  });

  const only = async (): Promise<{ report: ValidationReport; problems: Problem[] }> => {
    const report = await served.validate();
    return { report, problems: report.problems };
  };

  it("proves the untouched archive valid: every account, region, digest (key rotated mid-chain, an empty hour, backfill) and log", async () => {
    const { report, problems } = await only();
    assert.deepEqual(summarize(problems), []);
    assert.equal(report.scopes.length, 4);
    for (const scope of report.scopes) {
      assert.equal(scope.digests.valid, 6, `${scope.accountId} ${scope.region}`);
      assert.equal(scope.digests.backfill, 1);
      assert.equal(scope.logs.valid, 5 * 2 + 1);
      assert.equal(scope.covered.length, 1);
    }
    assert.deepEqual(Object.keys(served.cloudTrail.calls).sort(), ["eu-west-1", "us-east-1"]);
    // Bounded: never more requests in flight than --concurrency (8 in the harness).
    assert.ok(served.s3.counters.maxConcurrent <= 8, `${served.s3.counters.maxConcurrent} requests at once`);
  });

  it("lists by account, region and day prefix, never the whole bucket", async () => {
    await only();
    for (const prefix of served.s3.counters.listedPrefixes) {
      assert.match(
        prefix,
        /^AWSLogs\/o-exampleorg1\/(\d{12}\/(CloudTrail(-Digest)?\/([a-z0-9-]+\/(\d{4}\/\d{2}\/\d{2}\/)?)?)?)?$/,
        prefix,
      );
    }
  });

  it("log file modified: a record changed and re-gzipped", async () => {
    const key = digestOf(archive, 1).logKeys[0];
    tamper.modifyLog(served.bucket, key);
    const { report, problems } = await only();
    assert.deepEqual(summarize(problems), [`log-modified ${key}`]);
    assert.match(problems[0].detail, /SHA-256 of the content differs from the digest's hashValue/);
    // The scope's summary counts it as invalid, the others valid, and every byte read.
    const scope = report.scopes.find((s) => s.accountId === ACCOUNT && s.region === "eu-west-1")!;
    assert.deepEqual(scope.logs, { valid: 5 * 2, invalid: 1, unlisted: 0 });
    const bytes = archive.objects
      .filter((o) => archive.logs.has(o.key) && o.key.includes(`/${ACCOUNT}/CloudTrail/eu-west-1/`))
      .reduce((sum, o) => sum + o.body.length, 0);
    assert.ok(
      scope.bytes >= bytes - 64 && scope.bytes <= bytes + 64,
      `${scope.bytes} bytes read, about ${bytes}`,
    );
    assert.equal(problems[0].versionId, served.bucket.get(key)!.versionId);
  });

  it("log file with extra data after the gzip member: a second member appended (the CLI 2.9 blind spot)", async () => {
    const key = digestOf(archive, 4).logKeys[1];
    tamper.appendGzipMember(served.bucket, key);
    const { problems } = await only();
    assert.deepEqual(summarize(problems), [`log-extra-gzip-data ${key}`]);
    assert.match(problems[0].detail, /more than one gzip member/);
  });

  it("log file modified: a truncated gzip", async () => {
    const key = digestOf(archive, 0).logKeys[0];
    tamper.truncateGzip(served.bucket, key);
    const { problems } = await only();
    assert.deepEqual(summarize(problems), [`log-modified ${key}`]);
    assert.match(problems[0].detail, /truncated/);
  });

  it("log file deleted: reported with the delete marker's version id", async () => {
    const key = digestOf(archive, 3).logKeys[0];
    tamper.deleteObject(served.bucket, key);
    const { problems } = await only();
    assert.deepEqual(summarize(problems), [`log-deleted ${key}`]);
    assert.match(problems[0].detail, /listed in a valid digest but not in the bucket/);
    assert.equal(problems[0].versionId, served.bucket.get(key)!.versionId);
  });

  it("log file present in the archive but listed in no digest: an injected log", async () => {
    const key = tamper.injectLog(
      served.bucket,
      archive,
      OTHER,
      "us-east-1",
      new Date("2026-03-02T01:20:00Z"),
    );
    const { problems } = await only();
    assert.deepEqual(summarize(problems), [`log-unlisted ${key}`]);
    assert.match(problems[0].detail, /no digest lists this log file/);
  });

  it("a narrower window walks only the digests it needs and judges only the log files inside it", async () => {
    // The newest digest considered ends at most 75 minutes after the window (the one still on its
    // way); the walk stops at the digest that covers the window's start.
    const from = digestOf(archive, 2).start;
    const to = new Date(digestOf(archive, 4).end.getTime() - 75 * 60_000);
    // Logs outside the window that no digest lists are not this window's business.
    tamper.injectLog(served.bucket, archive, ACCOUNT, "eu-west-1", new Date(from.getTime() - 20 * 60_000));
    tamper.injectLog(served.bucket, archive, ACCOUNT, "eu-west-1", new Date(to.getTime() + 5 * 60_000));
    const report = await served.validate({ from, to, accounts: [ACCOUNT], regions: ["eu-west-1"] });
    assert.deepEqual(summarize(report.problems), []);
    assert.equal(report.scopes[0].digests.valid, 3);
    assert.deepEqual(report.scopes[0].covered, [
      { from: digestOf(archive, 2).start.toISOString(), to: digestOf(archive, 4).end.toISOString() },
    ]);
  });

  it("a window starting inside a digest reports an unlisted log after its start, never one before it", async () => {
    const from = new Date(digestOf(archive, 3).start.getTime() + 10 * 60_000);
    const before = tamper.injectLog(
      served.bucket,
      archive,
      ACCOUNT,
      "eu-west-1",
      new Date(from.getTime() - 5 * 60_000),
    );
    const inside = tamper.injectLog(
      served.bucket,
      archive,
      ACCOUNT,
      "eu-west-1",
      new Date(from.getTime() + 5 * 60_000),
    );
    const report = await served.validate({ from, accounts: [ACCOUNT], regions: ["eu-west-1"] });
    assert.notEqual(before, inside);
    assert.deepEqual(summarize(report.problems), [`log-unlisted ${inside}`]);
    assert.equal(report.scopes[0].logs.unlisted, 1);
    assert.equal(report.scopes[0].digests.valid, 3);
  });

  it("judges log files a full minute inside the window, not those named with its first or last minute", async () => {
    // A log file's key names its delivery to the minute ("CloudTrail log file examples"), while digests
    // start and end at any second: a file named with a boundary minute may belong to the neighbouring
    // digest, outside the window, so only files a minute or more inside are judged unlisted.
    const from = new Date("2026-03-02T00:20:00Z");
    const to = new Date("2026-03-02T02:40:00Z");
    const at = (minutesFromFrom: number, base = from) =>
      tamper.injectLog(
        served.bucket,
        archive,
        ACCOUNT,
        "eu-west-1",
        new Date(base.getTime() + minutesFromFrom * 60_000),
      );
    at(0);
    const firstJudged = at(1);
    const lastJudged = at(-1, to);
    at(0, to);
    const report = await served.validate({ from, to, accounts: [ACCOUNT], regions: ["eu-west-1"] });
    assert.deepEqual(
      summarize(report.problems).sort(),
      [`log-unlisted ${firstJudged}`, `log-unlisted ${lastJudged}`].sort(),
    );
    assert.equal(report.scopes[0].logs.unlisted, 2);
  });

  it("a window ending shortly before midnight reads the next day's digest that covers its last hour", async () => {
    // Digests are filed under the UTC day of their end; the one covering 23:00-00:00 is under the next day.
    const to = new Date("2026-03-01T23:30:00Z");
    assert.equal(digestOf(archive, 1).end.toISOString().slice(0, 10), "2026-03-02");
    const report = await served.validate({ to, accounts: [ACCOUNT], regions: ["eu-west-1"] });
    assert.deepEqual(summarize(report.problems), []);
    assert.equal(report.scopes[0].digests.valid, 2);
  });

  it("backfill digest with its signature metadata removed: invalid, and the log it lists is neither trusted nor unlisted", async () => {
    const backfill = archive.digests.find(
      (d) => d.backfill && d.accountId === ACCOUNT && d.region === "eu-west-1",
    )!;
    tamper.stripSignatureMetadata(served.bucket, backfill.key);
    const { report, problems } = await only();
    assert.deepEqual(summarize(problems), [`digest-signature-invalid ${backfill.key}`]);
    assert.match(problems[0].detail, /^backfill digest: no signature or signature-algorithm/);
    const scope = report.scopes.find((s) => s.accountId === ACCOUNT && s.region === "eu-west-1")!;
    assert.deepEqual(scope.digests, { valid: 6, invalid: 1, missing: 0, backfill: 0 });
    assert.equal(scope.logs.valid, 5 * 2);
  });

  it("the newest digests deleted: a gap from the newest left to the window's end, unless within the 75-minute slack", async () => {
    for (const hour of [4, 5]) tamper.deleteObject(served.bucket, digestOf(archive, hour).key);
    const newestLeft = digestOf(archive, 3).end;
    const to = new Date(ORG_SPEC.start.getTime() + 6 * 3_600_000);
    const scoped = { accounts: [ACCOUNT], regions: ["eu-west-1"] };
    const { problems } = await served.validate({ ...scoped, to });
    assert.deepEqual(summarize(problems), ["digest-missing "]);
    assert.match(
      problems[0].detail,
      new RegExp(`^no digest after ${newestLeft.toISOString()}: the newest digests are gone`),
    );
    assert.deepEqual(problems[0].window, { from: newestLeft.toISOString(), to: to.toISOString() });
    // Exactly 75 minutes after the newest digest, the next one may still be on its way.
    const onItsWay = await served.validate({ ...scoped, to: new Date(newestLeft.getTime() + 75 * 60_000) });
    assert.deepEqual(summarize(onItsWay.problems), []);
  });

  it("ignores a stray object under the digest prefix that is not a digest file", async () => {
    const newest = digestOf(archive, 5);
    const folder = newest.key.slice(0, newest.key.lastIndexOf("/") + 1);
    served.bucket.put(`${folder}notes.txt`, Buffer.from("not a digest"), {});
    assert.deepEqual(summarize((await only()).problems), []);
  });

  for (const other of [{ trailName: "other-trail" }, { homeRegion: "us-east-1" }]) {
    it(`ignores the digests of another trail in the same bucket and prefix (${JSON.stringify(other)})`, async () => {
      // Two trails may deliver to one bucket; digest file names carry the trail's name and home region.
      // Its newest digest ends after ours: it would be the chain's start were it not ignored.
      const start = new Date(ORG_SPEC.start.getTime() + 30 * 60_000);
      const second = buildArchive({
        ...ORG_SPEC,
        ...other,
        start,
        accounts: [ACCOUNT],
        regions: ["eu-west-1"],
      });
      for (const digest of second.digests) {
        const object = second.objects.find((o) => o.key === digest.key)!;
        served.bucket.put(object.key, object.body, object.metadata);
      }
      assert.deepEqual(summarize((await only()).problems), []);
    });
  }

  it("digest missing: one deleted digest, with the exact window it covered; its logs are counted as unlisted", async () => {
    const gone = digestOf(archive, 2 + 1);
    tamper.deleteObject(served.bucket, gone.key);
    const { report, problems } = await only();
    const scope = report.scopes.find((s) => s.accountId === ACCOUNT && s.region === "eu-west-1")!;
    assert.deepEqual(scope.digests, { valid: 5, invalid: 0, missing: 1, backfill: 1 });
    assert.deepEqual(summarize(problems), [
      `digest-missing ${gone.key}`,
      ...gone.logKeys.map((key) => `log-unlisted ${key}`),
    ]);
    assert.deepEqual(problems[0].window, { from: gone.start.toISOString(), to: gone.end.toISOString() });
    assert.match(problems[0].detail, /the digest the next digest names is gone/);
  });

  it("digest missing: several consecutive deleted digests are one gap covering all of them, and every skipped log is counted", async () => {
    const gone = [1, 2, 3].map((hour) => digestOf(archive, hour));
    for (const digest of gone) tamper.deleteObject(served.bucket, digest.key);
    const { problems } = await only();
    const missing = problems.filter((p) => p.verdict === "digest-missing");
    assert.equal(missing.length, 1);
    assert.equal(missing[0].key, gone[2].key);
    assert.deepEqual(missing[0].window, { from: gone[0].start.toISOString(), to: gone[2].end.toISOString() });
    const unlisted = problems
      .filter((p) => p.verdict === "log-unlisted")
      .map((p) => p.key)
      .sort();
    const backfilled = archive.digests
      .filter((d) => d.backfill && d.accountId === ACCOUNT && d.region === "eu-west-1")
      .flatMap((d) => d.logKeys);
    assert.deepEqual(
      unlisted,
      gone
        .flatMap((d) => d.logKeys)
        .filter((k) => !backfilled.includes(k))
        .sort(),
    );
    assert.equal(problems.length, 1 + unlisted.length);
  });

  it("digest modified: an edited log hash in a middle digest (its successor's previousDigestHashValue disagrees)", async () => {
    const edited = digestOf(archive, 2 + 2);
    tamper.editDigest(served.bucket, edited.key, (document) => {
      (document.logFiles as { hashValue: string }[])[0].hashValue = "0".repeat(64);
    });
    const { report, problems } = await only();
    assert.deepEqual(summarize(problems).slice(0, 1), [`digest-modified ${edited.key}`]);
    const scope = report.scopes.find((s) => s.accountId === ACCOUNT && s.region === "eu-west-1")!;
    assert.deepEqual(scope.digests, { valid: 5, invalid: 1, missing: 0, backfill: 1 });
    assert.match(problems[0].detail, /SHA-256 differs from the previousDigestHashValue of the next digest/);
    // Its log files are not judged against an untrusted list, nor reported as unlisted.
    assert.equal(problems.length, 1);
  });

  it("digest modified: not JSON", async () => {
    const broken = digestOf(archive, 1, OTHER, "us-east-1");
    tamper.corruptDigest(served.bucket, broken.key);
    const { problems } = await only();
    assert.deepEqual(summarize(problems), [
      `digest-modified ${broken.key}`,
      ...broken.logKeys.map((k) => `log-unlisted ${k}`),
    ]);
  });

  it("digest signature invalid: a forged signature on the newest digest", async () => {
    const newest = digestOf(archive, 5);
    tamper.forgeSignature(served.bucket, newest.key);
    const { problems } = await only();
    assert.equal(problems[0].verdict, "digest-signature-invalid");
    assert.equal(problems[0].key, newest.key);
    assert.match(problems[0].detail, /SHA256withRSA verification failed/);
  });

  it("digest signature invalid: the signature metadata removed", async () => {
    const digest = digestOf(archive, 5, OTHER);
    tamper.stripSignatureMetadata(served.bucket, digest.key);
    const { problems } = await only();
    assert.equal(problems[0].verdict, "digest-signature-invalid");
    assert.match(problems[0].detail, /no signature or signature-algorithm/);
  });

  it("digest signed with an unknown key: a fingerprint ListPublicKeys does not return", async () => {
    const newest = digestOf(archive, 5, ACCOUNT, "us-east-1");
    tamper.signWithUnknownKey(served.bucket, newest.key, "us-east-1");
    const { problems } = await only();
    assert.equal(problems[0].verdict, "digest-unknown-key");
    assert.equal(problems[0].key, newest.key);
  });

  it("retries throttling (503 SlowDown) and 5xx answers with the SDK's retry strategy, and still proves the archive", async () => {
    await served.close();
    served = await serveArchive(archive, {
      faults: [
        { operation: "GetObject", kind: "SlowDown", count: 5 },
        { operation: "GetObject", kind: "InternalError", count: 5 },
        { operation: "ListObjects", kind: "SlowDown", count: 2 },
      ],
    });
    const { problems } = await only();
    assert.deepEqual(summarize(problems), []);
    assert.equal(served.s3.counters.faults, 12);
  });
});

describe("validate-logs: restarts and empty windows", function () {
  it("chain restarted: logging stopped for two hours is a problem with the uncovered window", async () => {
    const archive = buildArchive({
      ...ORG_SPEC,
      accounts: [ACCOUNT],
      regions: ["eu-west-1"],
      stoppedHours: [2, 4],
      backfillHours: [],
    });
    const served = await serveArchive(archive);
    try {
      const { problems } = await served.validate();
      assert.deepEqual(summarize(problems), [`chain-restarted ${digestOf(archive, 4).key}`]);
      assert.match(problems[0].detail, /the chain starts again/);
      assert.deepEqual(problems[0].window, {
        from: digestOf(archive, 1).end.toISOString(),
        to: digestOf(archive, 4).start.toISOString(),
      });
    } finally {
      await served.close();
    }
  });

  it("an empty window (no digest where the trail was logging) is a failure, never nothing to do", async () => {
    const archive = buildArchive({
      ...ORG_SPEC,
      accounts: [ACCOUNT],
      regions: ["eu-west-1"],
      backfillHours: [],
    });
    const served = await serveArchive(archive);
    try {
      const later = new Date(ORG_SPEC.start.getTime() + 48 * 3_600_000);
      const { problems } = await served.validate({
        from: later,
        to: new Date(later.getTime() + 6 * 3_600_000),
        regions: ["eu-west-1"],
        accounts: [ACCOUNT],
      });
      assert.deepEqual(summarize(problems), ["window-empty "]);
      assert.match(problems[0].detail, /no digest file in the window/);
      assert.deepEqual(problems[0].window, {
        from: later.toISOString(),
        to: new Date(later.getTime() + 6 * 3_600_000).toISOString(),
      });
    } finally {
      await served.close();
    }
  });
});

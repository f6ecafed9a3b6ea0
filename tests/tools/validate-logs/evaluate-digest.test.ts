import { strict as assert } from "node:assert";
import { createHash, type KeyObject } from "node:crypto";
import { gzipSync } from "node:zlib";
import {
  coveredWindows,
  evaluateDigest,
  type VerifiedDigest,
  walkChain,
} from "../../../tools/validate-logs/chain";
import type { ArchiveReader, FetchedObject } from "../../../tools/validate-logs/reader";
import { publicKeyFromDer } from "../../../tools/validate-logs/digest";
import { type DigestRecord, documentedExampleArchive } from "../../support/archive-builder";

// One digest judged on its own, as "Custom implementations of CloudTrail log file integrity validation"
// lays out: its original location, the signature metadata, what its successor vouches for, the key.

describe("validate-logs: one digest judged against what its successor and ListPublicKeys vouch for", () => {
  const archive = documentedExampleArchive(2);
  const [first, second] = archive.digests;
  const bucket = archive.spec.bucket;
  const signingKey = archive.publicKeys.get("us-east-2")![0];
  const keys = new Map<string, KeyObject>([
    [signingKey.fingerprint, publicKeyFromDer(signingKey.publicDer)!],
  ]);
  const metadata = (digest: DigestRecord) => ({
    signature: digest.signature,
    "signature-algorithm": "SHA256withRSA",
  });
  const judge = (
    digest: DigestRecord,
    expected: { bucket?: string; key?: string; hash?: string; signature?: string | null } = {},
    meta: Record<string, string> = metadata(digest),
  ) => evaluateDigest({ bucket, key: digest.key, ...expected }, gzipSync(digest.json), meta, "v1", keys);
  const failure = (evaluation: ReturnType<typeof judge>) => {
    assert.equal(evaluation.ok, false, "the digest must be refused");
    return evaluation as { verdict: string; detail: string };
  };

  it("accepts the untouched digest with the hash and signature its successor recorded", () => {
    const hash = createHash("sha256").update(first.json).digest("hex").toUpperCase();
    const evaluation = judge(first, { hash, signature: first.signature });
    assert.ok(evaluation.ok);
    assert.equal(evaluation.digest.versionId, "v1");
    // The first digest of a chain has previousDigestSignature null: nothing to compare, still valid.
    assert.ok(judge(first, { signature: null }).ok);
  });

  it("refuses bytes that are not gzip, saying so", () => {
    const evaluation = evaluateDigest(
      { bucket, key: first.key },
      Buffer.from("plain"),
      metadata(first),
      "v1",
      keys,
    );
    assert.match(failure(evaluation).detail, /not a gzip file/);
  });

  it("refuses content whose hash differs from the successor's previousDigestHashValue", () => {
    const { verdict, detail } = failure(judge(first, { hash: "0".repeat(64) }));
    assert.equal(verdict, "digest-modified");
    assert.match(detail, /SHA-256 differs from the previousDigestHashValue/);
  });

  it("refuses a digest copied to another key or another bucket (moved from its original location)", () => {
    for (const elsewhere of [{ key: second.key }, { bucket: "other-bucket" }]) {
      const { verdict, detail } = failure(judge(first, elsewhere));
      assert.equal(verdict, "digest-modified");
      assert.match(detail, new RegExp(`names s3://${bucket}/${first.key}: moved from its original location`));
    }
  });

  it("refuses a digest missing either the signature or the signature-algorithm metadata", () => {
    for (const meta of <Record<string, string>[]>[
      { signature: first.signature },
      { "signature-algorithm": "SHA256withRSA" },
    ]) {
      const { verdict, detail } = failure(judge(first, {}, meta));
      assert.equal(verdict, "digest-signature-invalid");
      assert.match(detail, /no signature or signature-algorithm/);
    }
  });

  it("refuses a signature algorithm other than SHA256withRSA, naming it", () => {
    const { verdict, detail } = failure(
      judge(first, {}, { ...metadata(first), "signature-algorithm": "MD5withRSA" }),
    );
    assert.equal(verdict, "digest-signature-invalid");
    assert.match(detail, /signature-algorithm is MD5withRSA, not SHA256withRSA/);
  });

  it("refuses a digest whose signature differs from the successor's previousDigestSignature", () => {
    // The digest's own signature verifies; only the successor's record disagrees.
    const { verdict, detail } = failure(judge(first, { signature: second.signature }));
    assert.equal(verdict, "digest-signature-invalid");
    assert.match(detail, /differs from the previousDigestSignature/);
  });

  it("names the fingerprint ListPublicKeys does not return", () => {
    const evaluation = evaluateDigest(
      { bucket, key: first.key },
      gzipSync(first.json),
      metadata(first),
      "v1",
      new Map(),
    );
    const { verdict, detail } = failure(evaluation);
    assert.equal(verdict, "digest-unknown-key");
    assert.match(detail, new RegExp(`fingerprint ${signingKey.fingerprint}`));
  });
});

describe("validate-logs: covered windows", () => {
  const at = (hour: number) => new Date(Date.UTC(2026, 2, 1, hour));
  const digest = (from: number, to: number) => ({ start: at(from), end: at(to) }) as VerifiedDigest;

  it("merges touching windows in any order, keeps a gap apart, and never shrinks a window a shorter digest overlaps", () => {
    const windows = coveredWindows([digest(5, 6), digest(0, 3), digest(1, 2), digest(3, 4)]);
    assert.deepEqual(windows, [
      { from: at(0).toISOString(), to: at(4).toISOString() },
      { from: at(5).toISOString(), to: at(6).toISOString() },
    ]);
  });
});

describe("validate-logs: the chain walk stops at the window's start even where digests listed a moment ago are gone", () => {
  const archive = documentedExampleArchive(4);
  const signingKey = archive.publicKeys.get("us-east-2")![0];
  const keys = new Map<string, KeyObject>([
    [signingKey.fingerprint, publicKeyFromDer(signingKey.publicDer)!],
  ]);
  const [d0, d1, d2, d3] = archive.digests;
  // A reader whose listing (passed to walkChain) still names digests GetObject no longer finds.
  const reader = (gone: string[], unsigned: string[]) =>
    ({
      getObject: (_bucket: string, key: string): Promise<FetchedObject> => {
        const object = archive.objects.find((o) => o.key === key);
        if (!object || gone.includes(key)) return Promise.resolve({ found: false });
        const metadata = unsigned.includes(key) ? {} : object.metadata;
        return Promise.resolve({
          found: true,
          body: (async function* () {})(),
          metadata,
          bytes: () => Promise.resolve(object.body),
        });
      },
    }) as unknown as ArchiveReader;
  const scope = {
    bucket: archive.spec.bucket,
    accountId: "111122223333",
    region: "us-east-2",
    from: d2.start,
    to: d3.end,
  };
  const listed = [d0, d1, d2, d3].map((d) => d.key);

  it("walks from the newest digest whatever order the listing gives (a reader need not sort), skipping non-digest keys", async () => {
    const stray = `${d3.key.slice(0, d3.key.lastIndexOf("/") + 1)}notes.txt`;
    const result = await walkChain(
      reader([], []),
      { ...scope, from: d0.start },
      [...listed, stray].reverse(),
      keys,
    );
    assert.deepEqual(result.problems, []);
    assert.deepEqual(
      result.valid.map((d) => d.key),
      listed,
    );
  });

  for (const [name, gone, unsigned] of [
    ["gone", [d1.key, d2.key], []],
    ["gone then unsigned", [d2.key], [d1.key]],
  ] as const) {
    it(`never walks past a ${name} digest that ends at the window's start`, async () => {
      const result = await walkChain(reader([...gone], [...unsigned]), scope, listed, keys);
      assert.deepEqual(
        result.valid.map((d) => d.key),
        [d3.key],
        "the digest before the window is not fetched",
      );
      assert.equal(result.missingDigests + result.invalidDigests, 2);
    });
  }
});

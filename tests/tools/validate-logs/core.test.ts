import { strict as assert } from "node:assert";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { crc32, gzipSync } from "node:zlib";
import {
  parseDigest,
  publicKeyFromDer,
  sha256Hex,
  stringToSign,
  verifyDigestSignature,
} from "../../../tools/validate-logs/digest";
import { hashGzipStream } from "../../../tools/validate-logs/gzip-hash";
import {
  accountPrefix,
  daysTouching,
  digestKey,
  logKey,
  parseDigestKey,
  parseLogKey,
} from "../../../tools/validate-logs/layout";
import { dataSigningString, documentedExampleArchive, testSigningKey } from "../../support/archive-builder";
import { forgeCrc32 } from "../../support/crc32-forge";

async function* chunks(...buffers: Buffer[]): AsyncIterable<Uint8Array> {
  for (const buffer of buffers) yield buffer;
}

describe("validate-logs: digest and log file layout", () => {
  // "CloudTrail digest file structure": the documented example key of a non-organization trail.
  const documented =
    "AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_your-trail-name_us-east-2_20150817T150131Z.json.gz";

  it("parses the documentation's example digest key", () => {
    assert.deepEqual(parseDigestKey(documented), {
      accountId: "111122223333",
      region: "us-east-2",
      trailName: "your-trail-name",
      homeRegion: "us-east-2",
      end: new Date("2015-08-17T15:01:31Z"),
      backfill: false,
    });
  });

  it("builds that key back, and the organization trail's layout with the organization id", () => {
    const parts = parseDigestKey(documented)!;
    assert.equal(digestKey({ accountId: "111122223333" }, parts), documented);
    const org = digestKey({ organizationId: "o-exampleorg1", accountId: "111122223333" }, parts);
    assert.equal(org, documented.replace("AWSLogs/", "AWSLogs/o-exampleorg1/"));
    assert.deepEqual(parseDigestKey(org), parts);
  });

  it("recognises backfill digests (`_backfill.json.gz`) and trail names with underscores", () => {
    const key = digestKey(
      { accountId: "111122223333", keyPrefix: "audit" },
      { ...parseDigestKey(documented)!, trailName: "org_trail_1", backfill: true },
    );
    assert.match(
      key,
      /^audit\/AWSLogs\/111122223333\/.*_org_trail_1_us-east-2_20150817T150131Z_backfill\.json\.gz$/,
    );
    assert.equal(parseDigestKey(key)?.trailName, "org_trail_1");
    assert.equal(parseDigestKey(key)?.backfill, true);
  });

  it("parses log file keys (delivery minute) and rejects what is neither", () => {
    const key = logKey(
      { accountId: "111122223333", organizationId: "o-exampleorg1" },
      "eu-west-1",
      new Date("2026-03-01T10:07:00Z"),
      "AbC123",
    );
    assert.equal(
      key,
      "AWSLogs/o-exampleorg1/111122223333/CloudTrail/eu-west-1/2026/03/01/111122223333_CloudTrail_eu-west-1_20260301T1007Z_AbC123.json.gz",
    );
    assert.deepEqual(parseLogKey(key), {
      accountId: "111122223333",
      region: "eu-west-1",
      delivered: new Date("2026-03-01T10:07:00Z"),
    });
    assert.equal(parseLogKey(documented), undefined);
    assert.equal(parseDigestKey(key), undefined);
    assert.equal(accountPrefix({ accountId: "111122223333" }), "AWSLogs/111122223333/");
  });

  it("lists every UTC day a window touches", () => {
    assert.deepEqual(
      daysTouching(new Date("2026-02-28T23:00:00Z"), new Date("2026-03-01T00:30:00Z")).map((d) =>
        d.toISOString().slice(0, 10),
      ),
      ["2026-02-28", "2026-03-01"],
    );
    // A window ending exactly at midnight still touches that day (a digest may end at 00:00:00).
    assert.deepEqual(
      daysTouching(new Date("2026-02-28T23:00:00Z"), new Date("2026-03-01T00:00:00Z")).map((d) =>
        d.toISOString().slice(0, 10),
      ),
      ["2026-02-28", "2026-03-01"],
    );
  });
});

describe("validate-logs: digest signatures", () => {
  const archive = documentedExampleArchive(2);
  const [first, second] = archive.digests;
  const key = archive.publicKeys.get("us-east-2")![0];

  it("builds the string to sign as documented: end time, bucket/key, hex SHA-256, previous signature or null", () => {
    const firstDocument = parseDigest(Buffer.from(first.json));
    assert.ok(firstDocument.ok);
    const text = stringToSign(firstDocument.digest, Buffer.from(first.json));
    assert.equal(
      text,
      `2015-08-17T14:00:31Z\namzn-s3-demo-bucket/${first.key}\n${sha256Hex(first.json)}\nnull`,
    );
    // The builder's independent implementation agrees.
    assert.equal(text, dataSigningString(JSON.parse(first.json), first.json));
    const secondDocument = parseDigest(Buffer.from(second.json));
    assert.ok(secondDocument.ok);
    assert.equal(
      stringToSign(secondDocument.digest, Buffer.from(second.json)).split("\n")[3],
      first.signature,
    );
  });

  it("verifies SHA256withRSA with a PKCS#1 DER key (what ListPublicKeys returns) and an SPKI DER key", () => {
    const parsed = parseDigest(Buffer.from(second.json));
    assert.ok(parsed.ok);
    const pkcs1 = publicKeyFromDer(key.publicDer)!;
    const spki = publicKeyFromDer(pkcs1.export({ format: "der", type: "spki" }))!;
    for (const publicKey of [pkcs1, spki]) {
      assert.equal(
        verifyDigestSignature(parsed.digest, Buffer.from(second.json), second.signature, publicKey),
        true,
      );
    }
    assert.equal(
      verifyDigestSignature(parsed.digest, Buffer.from(`${second.json} `), second.signature, pkcs1),
      false,
    );
    assert.equal(verifyDigestSignature(parsed.digest, Buffer.from(second.json), "zz", pkcs1), false);
    const other = testSigningKey("us-east-2", 7, new Date(0), new Date(0));
    assert.equal(
      verifyDigestSignature(
        parsed.digest,
        Buffer.from(second.json),
        second.signature,
        publicKeyFromDer(other.publicDer)!,
      ),
      false,
    );
  });

  it("refuses a valid signature with anything appended: Buffer.from(hex) would silently drop the extra characters", () => {
    const parsed = parseDigest(Buffer.from(second.json));
    assert.ok(parsed.ok);
    const pkcs1 = publicKeyFromDer(key.publicDer)!;
    for (const tail of ["zz", "zz00", "0"]) {
      assert.equal(
        verifyDigestSignature(parsed.digest, Buffer.from(second.json), `${second.signature}${tail}`, pkcs1),
        false,
        `signature followed by ${tail}`,
      );
    }
  });

  it("refuses key bytes that are neither PKCS#1 nor SPKI", () => {
    assert.equal(publicKeyFromDer(Buffer.from("not a key")), undefined);
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({
      format: "der",
      type: "spki",
    });
    assert.ok(
      publicKeyFromDer(ec),
      "an SPKI key of another type still parses; the signature check then fails",
    );
  });

  it("says why a digest is not a digest document", () => {
    assert.deepEqual(parseDigest(Buffer.from("{")), { ok: false, reason: "not JSON" });
    const missing = parseDigest(
      Buffer.from(JSON.stringify({ ...JSON.parse(first.json), logFiles: undefined })),
    );
    assert.equal(missing.ok, false);
    assert.match((missing as { reason: string }).reason, /logFiles/);
    assert.match((parseDigest(Buffer.from("[]")) as { reason: string }).reason, /\(root: /);
  });

  it("refuses a log hash that is not exactly 64 hex digits, naming the entry", () => {
    const document = JSON.parse(first.json) as { logFiles: { hashValue: string }[] };
    const hash = document.logFiles[0].hashValue;
    for (const hashValue of [`x${hash}`, `${hash}x`]) {
      document.logFiles[0].hashValue = hashValue;
      const parsed = parseDigest(Buffer.from(JSON.stringify(document)));
      assert.equal(parsed.ok, false, hashValue);
      assert.match((parsed as { reason: string }).reason, /logFiles\.0\.hashValue: hex SHA-256/);
    }
  });
});

describe("validate-logs: streaming gunzip and hash", () => {
  const content = Buffer.from(JSON.stringify({ Records: [{ eventName: "ListBuckets" }] }));

  it("hashes the whole uncompressed content of one member, chunk by chunk", async () => {
    const gz = gzipSync(content);
    const result = await hashGzipStream(chunks(gz.subarray(0, 5), gz.subarray(5, 9), gz.subarray(9)));
    assert.deepEqual(result, {
      ok: true,
      sha256: sha256Hex(content),
      compressedBytes: gz.length,
      uncompressedBytes: content.length,
      singleMember: true,
    });
  });

  it("detects a second gzip member and trailing zero padding (RFC 1952 trailer no longer describes the content)", async () => {
    const two = await hashGzipStream(chunks(gzipSync(content), gzipSync("{}")));
    assert.equal(two.ok && two.singleMember, false);
    const padded = await hashGzipStream(chunks(gzipSync(content), Buffer.alloc(16)));
    assert.equal(padded.ok && padded.singleMember, false);
  });

  it("catches a second member forged so its trailer's CRC-32 matches the whole content: the length still differs", async () => {
    // What an attacker would prepend: a record, then four bytes chosen so that CRC-32(prepended + original)
    // equals the original member's CRC. Only the trailer's length (RFC 1952, ISIZE) then tells them apart.
    const original = content;
    const injected = Buffer.from(JSON.stringify({ Records: [{ eventName: "DeleteTrail" }] }));
    const forged = Buffer.concat([injected, forgeCrc32(injected, original, crc32(original))]);
    assert.equal(crc32(Buffer.concat([forged, original])), crc32(original));
    for (const limit of [undefined, 0]) {
      const result = await hashGzipStream(chunks(gzipSync(forged), gzipSync(original)), limit);
      assert.equal(result.ok && result.uncompressedBytes, forged.length + original.length);
      assert.equal(result.ok && result.singleMember, false, `whole-file limit ${limit}`);
    }
  });

  it("streams a file larger than the inflater's buffer, waiting for it to drain, with the same answer", async () => {
    // 64 KiB chunks of incompressible bytes overfill the inflater's 16 KiB buffer: write() says to wait.
    const large = randomBytes(1024 * 1024);
    const file = gzipSync(large);
    const pieces = Array.from({ length: Math.ceil(file.length / 65536) }, (_, i) =>
      file.subarray(i * 65536, (i + 1) * 65536),
    );
    const streamed = await hashGzipStream(chunks(...pieces), 0);
    assert.deepEqual(streamed, {
      ok: true,
      sha256: sha256Hex(large),
      compressedBytes: file.length,
      uncompressedBytes: large.length,
      singleMember: true,
    });
  });

  it("gives the same answers streamed (files above the whole-file limit) as inflated whole", async () => {
    const cases = [
      gzipSync(content),
      Buffer.concat([gzipSync(content), gzipSync("{}")]),
      gzipSync(content).subarray(0, 20),
    ];
    for (const file of cases) {
      const whole = await hashGzipStream(chunks(file));
      const streamed = await hashGzipStream(chunks(file.subarray(0, 7), file.subarray(7)), 4);
      assert.deepEqual(streamed, whole);
      // The trailer split across chunks, the last one shorter than the 8 trailer bytes.
      const split = [file.subarray(0, 7), file.subarray(7, -11), file.subarray(-11, -3), file.subarray(-3)];
      assert.deepEqual(await hashGzipStream(chunks(...split), 4), whole);
    }
  });

  it("reports a truncated file and bytes that are not gzip", async () => {
    const gz = gzipSync(content);
    const truncated = await hashGzipStream(chunks(gz.subarray(0, gz.length - 3)));
    assert.equal(truncated.ok, false);
    assert.match((truncated as { reason: string }).reason, /truncated/);
    const plain = await hashGzipStream(chunks(content));
    assert.equal(plain.ok, false);
    assert.match((plain as { reason: string }).reason, /^not a readable gzip file \(.+\)$/);
  });
});

import { createHash } from "node:crypto";
import { createGunzip, crc32, gunzipSync } from "node:zlib";

/**
 * Files up to this size (compressed) are inflated in one call once read: CloudTrail log files are mostly
 * a few KiB, and one synchronous inflate is several times cheaper than a stream's round trips through the
 * thread pool. Larger files stream, so memory stays bounded by this times the concurrency.
 */
// Stryker disable next-line ArithmeticOperator: only the cost changes; both paths give the same answers
export const WHOLE_FILE_LIMIT = 1024 * 1024;

export type GzipHash =
  | {
      ok: true;
      /** Hex SHA-256 of everything the file inflates to. */
      sha256: string;
      compressedBytes: number;
      uncompressedBytes: number;
      /**
       * False when the file holds more than one gzip member, or bytes after its member. Node's gunzip
       * (like gzip -d) inflates every member in turn and skips zero padding, while CloudTrail writes one
       * member; readers that stop after the first member (the AWS CLI) and readers that take them all
       * (Athena, DuckDB) then see different records.
       */
      singleMember: boolean;
    }
  | { ok: false; reason: string; compressedBytes: number };

/**
 * Inflates and hashes a gzip stream chunk by chunk: memory stays at one chunk whatever the file's size.
 *
 * One member is proven from the gzip trailer (RFC 1952, section 2.3.1): the file's last 8 bytes are the
 * CRC-32 and length (mod 2^32) of the member they close. If they describe everything the file inflates
 * to, that member is the whole file; a second member, or any trailing bytes, makes them describe
 * something else.
 */
export async function hashGzipStream(
  source: AsyncIterable<Uint8Array>,
  wholeFileLimit = WHOLE_FILE_LIMIT,
): Promise<GzipHash> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  // Which path a file takes changes only the cost, never the answer (core.test.ts pins both paths equal).
  // Stryker disable next-line ConditionalExpression: the streamed path answers exactly as the whole one
  for (;;) {
    const next = await iterator.next();
    if (next.done) return hashWhole(Buffer.concat(head, headBytes));
    const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength);
    head.push(chunk);
    headBytes += chunk.length;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: as above, only the cost changes
    if (headBytes > wholeFileLimit) break;
  }
  return hashStreamed(
    (async function* () {
      yield* head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    })(),
  );
}

function failure(error: unknown, compressedBytes: number): GzipHash {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === "Z_BUF_ERROR"
      ? "truncated gzip (unexpected end of file)"
      : `not a readable gzip file (${(error as Error).message})`;
  return { ok: false, reason, compressedBytes };
}

function singleMember(tail: Buffer, crc: number, uncompressedBytes: number): boolean {
  // A file that inflated is at least 18 bytes (RFC 1952), so its tail always holds the 8 trailer bytes.
  // The length alone misses an extra member only if the others inflate to a multiple of 4 GiB (an empty
  // one also leaves the CRC unchanged); the CRC makes that case need a forged CRC as well.
  // Stryker disable next-line ConditionalExpression: killing it needs a member that inflates to 4 GiB
  const crcMatches = tail.readUInt32LE(0) === crc >>> 0;
  // A forged CRC is cheap (core.test.ts forges one); the length is what catches it.
  const lengthMatches = tail.readUInt32LE(4) === uncompressedBytes % 2 ** 32;
  return crcMatches && lengthMatches;
}

function hashWhole(file: Buffer): GzipHash {
  let content: Buffer;
  try {
    content = gunzipSync(file);
  } catch (error) {
    return failure(error, file.length);
  }
  return {
    ok: true,
    sha256: createHash("sha256").update(content).digest("hex"),
    compressedBytes: file.length,
    uncompressedBytes: content.length,
    singleMember: singleMember(file.subarray(-8), crc32(content), content.length),
  };
}

async function hashStreamed(source: AsyncIterable<Uint8Array>): Promise<GzipHash> {
  const gunzip = createGunzip();
  const hash = createHash("sha256");
  let crc = 0;
  let uncompressedBytes = 0;
  let compressedBytes = 0;
  let tail: Buffer = Buffer.alloc(0);
  gunzip.on("data", (chunk: Buffer) => {
    hash.update(chunk);
    crc = crc32(chunk, crc);
    uncompressedBytes += chunk.length;
  });
  const finished = new Promise<void>((resolve, reject) => {
    gunzip.once("end", resolve);
    gunzip.once("error", reject);
  });
  try {
    for await (const piece of source) {
      const chunk = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      compressedBytes += chunk.length;
      // The last 8 bytes seen, however the file is split into chunks (copies at most 16 bytes).
      tail = Buffer.concat([tail, chunk.subarray(-8)]).subarray(-8);
      // Back-pressure: wait for the inflater to drain before reading more from the network.
      if (!gunzip.write(chunk)) await new Promise((resolve) => gunzip.once("drain", resolve));
    }
    gunzip.end();
    await finished;
  } catch (error) {
    gunzip.destroy();
    return failure(error, compressedBytes);
  }
  return {
    ok: true,
    sha256: hash.digest("hex"),
    compressedBytes,
    uncompressedBytes,
    singleMember: singleMember(tail, crc, uncompressedBytes),
  };
}

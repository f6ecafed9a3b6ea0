import { createHash } from "node:crypto";
import { createGunzip, crc32 } from "node:zlib";

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
export async function hashGzipStream(source: AsyncIterable<Uint8Array>): Promise<GzipHash> {
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
      tail = chunk.length >= 8 ? chunk.subarray(chunk.length - 8) : Buffer.concat([tail, chunk]).subarray(-8);
      // Back-pressure: wait for the inflater to drain before reading more from the network.
      if (!gunzip.write(chunk)) await new Promise((resolve) => gunzip.once("drain", resolve));
    }
    gunzip.end();
    await finished;
  } catch (error) {
    gunzip.destroy();
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "Z_BUF_ERROR"
        ? "truncated gzip (unexpected end of file)"
        : `not a readable gzip file (${(error as Error).message})`;
    return { ok: false, reason, compressedBytes };
  }
  const singleMember =
    tail.length === 8 &&
    tail.readUInt32LE(0) === crc >>> 0 &&
    tail.readUInt32LE(4) === uncompressedBytes % 2 ** 32;
  return { ok: true, sha256: hash.digest("hex"), compressedBytes, uncompressedBytes, singleMember };
}

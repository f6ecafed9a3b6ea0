import { crc32 } from "node:zlib";

/**
 * Four bytes that, placed between `before` and `after`, make the CRC-32 of the whole equal `target`.
 *
 * CRC-32 is affine over GF(2) for a message of fixed length, so the CRC as a function of those 32 bits is
 * a fixed value XOR a linear map, and the map of any 32 consecutive bits is invertible: solving a 32×32
 * system finds the bytes. This is how an attacker would make a tampered gzip member's trailer CRC agree
 * with content it does not describe.
 */
export function forgeCrc32(before: Buffer, after: Buffer, target: number): Buffer {
  const crcWith = (bits: number) => {
    const patch = Buffer.alloc(4);
    patch.writeUInt32LE(bits >>> 0);
    return crc32(Buffer.concat([before, patch, after])) >>> 0;
  };
  const base = crcWith(0);
  // rows[i] = (effect of bit i on the CRC, the bit itself); Gaussian elimination on the effects.
  const rows = Array.from({ length: 32 }, (_, bit) => ({
    effect: (crcWith(2 ** bit) ^ base) >>> 0,
    bits: 2 ** bit,
  }));
  let wanted = (target ^ base) >>> 0;
  let solution = 0;
  for (let pivot = 31; pivot >= 0; pivot--) {
    const mask = 2 ** pivot;
    const index = rows.findIndex((row) => (row.effect & mask) !== 0);
    if (index < 0) throw new Error(`forgeCrc32: bit ${pivot} of the CRC cannot be reached from the patch`);
    const [row] = rows.splice(index, 1);
    for (const other of rows) {
      if ((other.effect & mask) !== 0) {
        other.effect = (other.effect ^ row.effect) >>> 0;
        other.bits = (other.bits ^ row.bits) >>> 0;
      }
    }
    if ((wanted & mask) !== 0) {
      wanted = (wanted ^ row.effect) >>> 0;
      solution = (solution ^ row.bits) >>> 0;
    }
  }
  const patch = Buffer.alloc(4);
  patch.writeUInt32LE(solution);
  return patch;
}

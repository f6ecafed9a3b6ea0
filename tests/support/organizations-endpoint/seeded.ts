import { createHash } from "node:crypto";

/**
 * A number in [0, 1) that depends only on the seed and the key. Fault decisions use it so that the same
 * request gets the same fate whatever order concurrent requests arrive in.
 */
export function seededUnit(seed: number, ...key: readonly (string | number)[]): number {
  const digest = createHash("sha256")
    .update(`${seed}\u0000${key.join("\u0000")}`)
    .digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

/** A deterministic stream of random choices for building data in a fixed order. */
export class SeededRandom {
  private counter = 0;
  private buffer: Buffer = Buffer.alloc(0);
  private offset = 0;

  constructor(
    private readonly seed: number,
    private readonly stream: string,
  ) {}

  /** A number in [0, 1). */
  next(): number {
    if (this.offset + 4 > this.buffer.length) {
      this.buffer = createHash("sha256")
        .update(`${this.seed}\u0000${this.stream}\u0000${this.counter++}`)
        .digest();
      this.offset = 0;
    }
    const value = this.buffer.readUInt32BE(this.offset) / 2 ** 32;
    this.offset += 4;
    return value;
  }

  /** An integer in [0, bound). */
  below(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }

  /** `length` characters drawn from `alphabet`. */
  text(alphabet: string, length: number): string {
    let out = "";
    for (let i = 0; i < length; i++) out += alphabet[this.below(alphabet.length)];
    return out;
  }
}

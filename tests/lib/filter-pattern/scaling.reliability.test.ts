import assert from "node:assert/strict";
import { compileFilterPattern } from "../../../lib/filter-pattern";
import { SeededRandom } from "../../support/organizations-endpoint/seeded";

/**
 * Input sizes: n and 4n characters. Linear work takes about 4 times as long at 4n, quadratic 16. Larger
 * sizes measure the memory hierarchy more than the matcher (a million array elements no longer fit in
 * the cache), so the heavy run does not raise them.
 */
const N = 250_000;
const MAX_RATIO = 6;
const ATTEMPTS = 3;

type Input = { record: unknown } | { message: string };

interface AdversarialCase {
  readonly pattern: string;
  /** An input of about `n` characters that gets past every quick check the engine makes. */
  input(n: number): Input;
}

const as = (n: number) => "a".repeat(n);

function randomAb(n: number): string {
  const random = new SeededRandom(n, "ab");
  return Array.from({ length: n }, () => (random.next() < 0.5 ? "a" : "b")).join("");
}

const CASES: Record<string, AdversarialCase> = {
  "a wildcard value that fails at its last segment": {
    pattern: '{ $.eventName = "x*aab*aab*aab*aac*y" }',
    input: (n) => ({ record: { eventName: `x${as(n)}y` } }),
  },
  "a wildcard value whose last segment is at the very end": {
    pattern: '{ $.eventName = "*a*a*a*a*a*a*a*a*b*" }',
    input: (n) => ({ record: { eventName: `${as(n)}b` } }),
  },
  "a regex value with stacked stars": {
    pattern: "{ $.eventName = %a*a*a*a*a*a*b% }",
    input: (n) => ({ record: { eventName: `${as(n)}c` } }),
  },
  "a regex whose DFA would blow up ([ab]*a[ab]{20}c)": {
    pattern: "%[ab]*a[ab]{20}c%",
    input: (n) => ({ message: randomAb(n) }),
  },
  "an anchored regex term that never matches": {
    pattern: "%^a+a+a+a+b%",
    input: (n) => ({ message: as(n) }),
  },
  "a phrase that almost occurs everywhere": {
    pattern: '"aaaaaaaaaaaaaaaaaaaab"',
    input: (n) => ({ message: as(n) }),
  },
  "alternative terms none of which occurs": {
    pattern: "?aaaab ?aaaac ?aaaad ?aaaae",
    input: (n) => ({ message: as(n) }),
  },
  "exclusions checked over the whole event": {
    pattern: '"a" -"aaaab" -"aaaac" -"aaaad"',
    input: (n) => ({ message: as(n) }),
  },
  "a wildcard selector over a long array": {
    pattern: '{ $.items[*].name = "*x*y*z" }',
    input: (n) => ({ record: { items: Array.from({ length: n / 100 }, () => ({ name: "x".repeat(100) })) } }),
  },
  // V8 enumerates a large object's keys in slightly more than linear time (sorting them by insertion),
  // and takes a step between a few thousand and ten thousand keys; above it, 4x the keys take ~4.6x.
  "a wildcard selector over many keys": {
    pattern: '{ $.* = "*a*b" }',
    input: (n) => ({
      record: Object.fromEntries(Array.from({ length: n / 10 }, (_, i) => [`k${i}`, "a".repeat(8)])),
    }),
  },
  "a numeric comparison on a long numeric string": {
    pattern: "{ $.count > 5 }",
    input: (n) => ({ record: { count: "1".repeat(n) } }),
  },
  "a JSON pattern on a raw message it must parse": {
    pattern: '{ $.eventName = "*a*b" }',
    input: (n) => ({ message: JSON.stringify({ eventName: as(n) }) }),
  },
  "a term pattern on a record it must serialise": {
    pattern: "aaaab",
    input: (n) => ({ record: { eventName: as(n) } }),
  },
};

function matcherFor(c: AdversarialCase, input: Input): () => boolean {
  const matcher = compileFilterPattern(c.pattern);
  return "record" in input
    ? () => matcher.matchesRecord(input.record)
    : () => matcher.matchesMessage(input.message);
}

/** The fastest of five timings of `repetitions` runs: the least disturbed by other work on the machine. */
function fastestMs(run: () => boolean, repetitions: number): number {
  let fastest = Infinity;
  for (let sample = 0; sample < 5; sample++) {
    const started = performance.now();
    for (let i = 0; i < repetitions; i++) run();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/** How much longer the input of 4n takes than the input of n, repeated until one timing is measurable. */
function growth(c: AdversarialCase): { ratio: number; smallMs: number } {
  const small = matcherFor(c, c.input(N));
  const large = matcherFor(c, c.input(4 * N));
  let repetitions = 1;
  while (fastestMs(small, repetitions) < 5 && repetitions < 1 << 16) repetitions *= 2;
  const smallMs = fastestMs(small, repetitions);
  return { ratio: fastestMs(large, repetitions) / smallMs, smallMs: smallMs / repetitions };
}

describe(`the filter-pattern engine on adversarial input: time at ${4 * N} vs ${N} characters`, () => {
  const ratios: string[] = [];
  after(() => {
    if (ratios.length > 0) console.log(`      growth from n to 4n (linear is 4): ${ratios.join(", ")}`);
  });

  for (const [title, c] of Object.entries(CASES)) {
    it(`${title}: grows at most ${MAX_RATIO}x for 4x the input`, () => {
      // A busy machine can slow one timing; a super-linear matcher is slow on every attempt.
      let best = { ratio: Infinity, smallMs: 0 };
      for (let attempt = 0; attempt < ATTEMPTS && best.ratio > MAX_RATIO; attempt++) {
        const measured = growth(c);
        if (measured.ratio < best.ratio) best = measured;
      }
      ratios.push(best.ratio.toFixed(1));
      assert.ok(best.ratio <= MAX_RATIO, `${best.ratio.toFixed(1)}x (n takes ${best.smallMs.toFixed(2)} ms)`);
    });
  }
});

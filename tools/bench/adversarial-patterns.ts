import { compileFilterPattern } from "../../lib/filter-pattern";
import type { Figure } from "./figures";

/** A log event as the engine receives it: a parsed record or a raw message. */
export type AdversarialInput = { readonly record: unknown } | { readonly message: string };

export interface AdversarialCase {
  readonly pattern: string;
  /** An input of about `n` characters that gets past every quick check the engine makes. */
  input(n: number): AdversarialInput;
}

/** Linear work takes about 4 times as long at 4n; quadratic work 16 times. */
export const ADVERSARIAL_GROWTH_TARGET = 6;

const as = (n: number) => "a".repeat(n);

/** `n` characters of 'a' and 'b' from a fixed linear congruential sequence: the same text in every run. */
function pseudoRandomAb(n: number): string {
  let state = n >>> 0 || 1;
  let text = "";
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    text += state & 0x10000 ? "a" : "b";
  }
  return text;
}

/**
 * Events built to make a naive matcher backtrack, rescan or recurse. The test suite counts the engine's
 * work on them (deterministic); the bench times them (`filter-patterns.adversarial-growth`).
 */
export const ADVERSARIAL_CASES: Readonly<Record<string, AdversarialCase>> = {
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
    input: (n) => ({ message: pseudoRandomAb(n) }),
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

/** One match of the case's pattern against `input`, compiled beforehand. */
export function adversarialMatch(c: AdversarialCase, input: AdversarialInput): () => boolean {
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
function timeGrowth(c: AdversarialCase, n: number): number {
  const small = adversarialMatch(c, c.input(n));
  const large = adversarialMatch(c, c.input(4 * n));
  let repetitions = 1;
  while (fastestMs(small, repetitions) < 5 && repetitions < 1 << 16) repetitions *= 2;
  return fastestMs(large, repetitions) / fastestMs(small, repetitions);
}

/**
 * Times every adversarial case at n and 4n characters. Larger sizes measure the memory hierarchy more
 * than the matcher (a million array elements no longer fit in the cache).
 */
export function measureAdversarialGrowth(n = 250_000): Figure[] {
  const growth = Object.entries(ADVERSARIAL_CASES).map(([title, c]) => ({ title, ratio: timeGrowth(c, n) }));
  const worst = growth.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  return [
    {
      id: "filter-patterns.adversarial-growth",
      measurement: `filter patterns: worst time growth, adversarial event of ${(4 * n).toLocaleString("en-US")} vs ${n.toLocaleString("en-US")} chars`,
      value: worst.ratio,
      unit: "ratio",
      samples: growth.map((g) => g.ratio),
      target: { comparison: "<=", limit: ADVERSARIAL_GROWTH_TARGET },
      detail: `(${worst.title}; linear is 4)`,
    },
  ];
}

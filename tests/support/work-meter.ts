import { RE2JS } from "re2js";

/**
 * Counts the work the filter-pattern engine asks of the primitives it is built on, deterministically,
 * instead of timing it. While `meterWork` runs, each call of a primitive adds what it may examine:
 *
 * - `indexOf`/`includes` from position `p`: the characters from `p` to the end (an upper bound);
 * - `startsWith`/`endsWith`: the length of the affix;
 * - `RE2JS#test`: the length of the input (RE2 matches in time linear in the input, the reason the
 *   engine uses it: https://github.com/google/re2/wiki/WhyRE2);
 * - `JSON.parse`/`JSON.stringify`: the length of the text;
 * - a read, key listing or key check on a record wrapped by `metered`: one step.
 *
 * A matcher that rescans (calls `indexOf` from every position) or backtracks shows its quadratic step
 * count here on any machine, however loaded. Calls made inside a metered primitive are not counted
 * again. The primitives themselves are trusted; their speed is the bench's business.
 */
export function meterWork(run: () => unknown): number {
  let steps = 0;
  let depth = 0;
  const restore: (() => void)[] = [];

  function spy<O extends object>(
    owner: O,
    name: keyof O & string,
    cost: (self: never, args: never[]) => number,
  ) {
    const original = owner[name] as unknown as (...args: unknown[]) => unknown;
    (owner as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      if (depth === 0) steps += cost(this as never, args as never[]);
      depth++;
      try {
        return original.apply(this, args);
      } finally {
        depth--;
      }
    };
    restore.push(() => ((owner as Record<string, unknown>)[name] = original));
  }

  const fromPosition = (text: string, args: unknown[]) =>
    Math.max(0, text.length - Math.max(0, Number(args[1] ?? 0) || 0));
  spy(String.prototype, "indexOf", (text: string, args: unknown[]) => fromPosition(text, args));
  spy(String.prototype, "includes", (text: string, args: unknown[]) => fromPosition(text, args));
  spy(String.prototype, "startsWith", (_: string, args: unknown[]) => String(args[0]).length);
  spy(String.prototype, "endsWith", (_: string, args: unknown[]) => String(args[0]).length);
  spy(RE2JS.prototype, "test", (_: RE2JS, args: unknown[]) => String(args[0]).length);
  spy(JSON, "parse", (_: JSON, args: unknown[]) => String(args[0]).length);
  const stringify = JSON.stringify;
  spy(JSON, "stringify", (_: JSON, args: unknown[]) => (stringify(args[0]) ?? "").length);

  meteredStep = () => {
    if (depth === 0) steps++;
  };
  try {
    run();
  } finally {
    meteredStep = () => undefined;
    for (const undo of restore.reverse()) undo();
  }
  return steps;
}

let meteredStep: () => void = () => undefined;

/** `value` behind a proxy that counts, inside `meterWork`, each read, key listing and key check. */
export function metered<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  const wrapped = new WeakMap<object, object>();
  const wrap = (node: unknown): unknown => {
    if (typeof node !== "object" || node === null) return node;
    let proxy = wrapped.get(node);
    if (proxy === undefined) {
      proxy = new Proxy(node, {
        get(target, key, receiver) {
          meteredStep();
          return wrap(Reflect.get(target, key, receiver));
        },
        ownKeys(target) {
          meteredStep();
          return Reflect.ownKeys(target);
        },
        getOwnPropertyDescriptor(target, key) {
          meteredStep();
          return Reflect.getOwnPropertyDescriptor(target, key);
        },
        has(target, key) {
          meteredStep();
          return Reflect.has(target, key);
        },
      });
      wrapped.set(node, proxy);
    }
    return proxy;
  };
  return wrap(value) as T;
}

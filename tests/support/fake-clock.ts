/**
 * Runs `work` with `performance.now()` answering from a clock the test moves (`advance`), so code that
 * times itself can be tested on what it computes from the readings, never on the machine's speed.
 */
export async function withFakeClock<T>(work: (advance: (ms: number) => void) => Promise<T>): Promise<T> {
  let now = 1_000;
  const real = Object.getOwnPropertyDescriptor(performance, "now");
  Object.defineProperty(performance, "now", { value: () => now, configurable: true, writable: true });
  try {
    return await work((ms) => (now += ms));
  } finally {
    if (real) Object.defineProperty(performance, "now", real);
    else delete (performance as { now?: unknown }).now;
  }
}

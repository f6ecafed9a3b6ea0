import type { ScopeProgress } from "./validate-scope";

const CLEAR_LINE = "\r\x1b[K";

/** "files checked, bytes, ETA" on a terminal's stderr, redrawn at most every `intervalMs`; silent elsewhere. */
export function createProgressLine(
  sink: { write(text: string): unknown; isTTY: boolean },
  now: () => number = Date.now,
  intervalMs = 250,
): ScopeProgress & { done(): void } {
  const started = now();
  let queued = 0;
  let checked = 0;
  let bytes = 0;
  let drawnAt: number | undefined;
  const draw = () => {
    const time = now();
    if (!sink.isTTY || (drawnAt !== undefined && time - drawnAt < intervalMs)) return;
    const rate = checked / Math.max(1, time - started);
    const eta = rate > 0 ? Math.ceil((queued - checked) / rate / 1000) : undefined;
    sink.write(
      `${CLEAR_LINE}${checked.toLocaleString("en-US")}/${queued.toLocaleString("en-US")} log files, ` +
        `${(bytes / 1048576).toFixed(1)} MiB${eta === undefined ? "" : `, ETA ${eta} s`}`,
    );
    drawnAt = time;
  };
  return {
    logsQueued(count) {
      queued += count;
    },
    logChecked(size) {
      checked++;
      bytes += size;
      draw();
    },
    done() {
      if (drawnAt !== undefined) sink.write(CLEAR_LINE);
    },
  };
}

export interface ProgressSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Progress {
  /** Called once per record; cheap when nothing needs drawing. */
  record(source: string): void;
  /** Clears the progress line, if one was drawn. */
  done(): void;
}

const CLEAR_LINE = "\r\x1b[K";

/**
 * A one-line "records scanned" counter on a terminal's stderr, drawn only once the work has taken
 * `delayMs` (short runs stay silent) and redrawn at most every `intervalMs`.
 */
export function createProgress(
  sink: ProgressSink,
  now: () => number = Date.now,
  delayMs = 1500,
  intervalMs = 250,
): Progress {
  const start = now();
  let count = 0;
  let drawnAt: number | undefined;
  return {
    record(source) {
      count++;
      if (sink.isTTY !== true || (count & 0x3ff) !== 0) return;
      const time = now();
      if (time - start < delayMs || (drawnAt !== undefined && time - drawnAt < intervalMs)) return;
      sink.write(`${CLEAR_LINE}scanned ${count.toLocaleString("en-US")} records (${source})`);
      drawnAt = time;
    },
    done() {
      if (drawnAt !== undefined) sink.write(CLEAR_LINE);
    },
  };
}

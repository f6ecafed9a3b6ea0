const CLEAR_LINE = "\r\x1b[K";

export interface ProgressLine {
  show(message: string): void;
  /** Removes the line, if one was drawn, so the table starts on a clean line. */
  clear(): void;
}

/**
 * One line on a terminal's stderr, redrawn in place; nothing at all when stderr is not a terminal. Cut to
 * the terminal's width: a wrapped line could not be redrawn in place.
 */
export function createProgressLine(
  sink: { write(text: string): unknown },
  isTTY: boolean,
  columns?: number,
): ProgressLine {
  let drawn = false;
  return {
    show(message) {
      if (!isTTY) return;
      const fitted = columns && message.length >= columns ? `${message.slice(0, columns - 2)}…` : message;
      sink.write(`${CLEAR_LINE}${fitted}`);
      drawn = true;
    },
    clear() {
      if (drawn) sink.write(CLEAR_LINE);
      drawn = false;
    },
  };
}

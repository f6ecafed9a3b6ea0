import type { TimeWindow } from "./dialects";

/** `2024-07-30` or any ISO-8601 time → `2024-07-30T00:00:00Z`, CloudTrail's `eventTime` format, which sorts as text. */
export function normaliseTime(flag: string, text: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(text);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(text)) {
    throw new Error(
      `${flag} ${JSON.stringify(text)} is not an ISO-8601 time; use e.g. 2024-07-30 or 2024-07-30T21:00:00Z`,
    );
  }
  return `${date.toISOString().slice(0, 19)}Z`;
}

export function timeWindow(from: string | undefined, to: string | undefined): TimeWindow {
  const window: TimeWindow = {
    ...(from !== undefined && { from: normaliseTime("--from", from) }),
    ...(to !== undefined && { to: normaliseTime("--to", to) }),
  };
  if (window.from && window.to && window.from >= window.to) {
    throw new Error(`--from ${window.from} is not before --to ${window.to}; swap them`);
  }
  return window;
}

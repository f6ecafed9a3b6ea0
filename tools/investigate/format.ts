import { TIMELINE_COLUMNS, type TimelineRow } from "../../lib/investigation";
import type { Answer, LineageHop } from "./investigate";

/** The columns of the text report: the timeline, and where each row came from. */
const TEXT_COLUMNS = TIMELINE_COLUMNS.filter((c) => c !== "event_id" && c !== "access_key");

export function textReport(answer: Answer): string {
  const lines: string[] = [];
  if (answer.lineage) lines.push(...lineageLines(answer.lineage), "");
  const header = TEXT_COLUMNS.map((c) => c.toUpperCase());
  const body = answer.rows.map((row) => TEXT_COLUMNS.map((c) => row[c] ?? "-"));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  for (const cells of [header, ...body])
    lines.push(
      cells
        .map((cell, i) => cell.padEnd(widths[i]))
        .join("  ")
        .trimEnd(),
    );
  lines.push("", `${answer.rows.length} ${answer.rows.length === 1 ? "event" : "events"}`);
  return lines.join("\n");
}

export function lineageLines(lineage: readonly LineageHop[]): string[] {
  return lineage.map((hop, i) => {
    const lead = i === 0 ? "key" : "  ← key";
    if (!hop.issuedBy)
      return `${lead} ${hop.key}: origin not in these logs (a long-term key created earlier, or outside them)`;
    const by = hop.issuedBy;
    return `${lead} ${hop.key}: issued by ${by.event} at ${by.time}, called by ${by.principal} in account ${by.account} from ${by.source_ip}`;
  });
}

export function jsonReport(question: string, value: string | undefined, answer: Answer): string {
  return JSON.stringify(
    {
      question,
      value: value ?? null,
      count: answer.rows.length,
      ...(answer.lineage && { lineage: answer.lineage }),
      rows: answer.rows,
    },
    null,
    2,
  );
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. */
export function csvReport(rows: readonly TimelineRow[]): string {
  const field = (value: string | null) =>
    value === null ? "" : /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  return [
    TIMELINE_COLUMNS.join(","),
    ...rows.map((row) => TIMELINE_COLUMNS.map((c) => field(row[c])).join(",")),
  ].join("\r\n");
}

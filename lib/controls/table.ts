import { CONTROLS } from "./select";
import type { MonitoringControl } from "./types";

const HEADER = ["Control", "Set", "CIS v1.4", "CIS v3.0", "Security Hub", "What trips it"];

function cell(text: string | undefined): string {
  if (text === undefined || text === "") return "–";
  return text.replace(/\|/g, "\\|");
}

/**
 * The controls table of docs/monitoring-controls.md, one row per control, CIS first. Columns are padded the way Prettier
 * formats Markdown tables, so pasting a fresh rendering into the docs leaves a clean diff.
 */
export function controlsTableMarkdown(controls: readonly MonitoringControl[] = CONTROLS): string {
  const rows = controls.map((control) => [
    `\`${control.id}\``,
    control.set,
    cell(control.cis.v1_4),
    cell(control.cis.v3_0),
    cell(control.securityHub),
    cell(control.trigger),
  ]);
  const widths = HEADER.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(HEADER), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n") + "\n";
}

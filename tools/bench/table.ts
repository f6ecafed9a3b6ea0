import { formatFigure, formatTarget, verdictOf, type Figure, type Verdict } from "./figures";

const VERDICT_MARKS: Record<Verdict, string> = {
  pass: "✓",
  fail: "✗",
  error: "✗",
  "no target": "",
  skipped: "",
};

const HEADINGS = ["measurement", "figure", "target", "verdict"] as const;

function cells(figure: Figure): string[] {
  return [
    figure.measurement,
    formatFigure(figure),
    figure.target ? formatTarget(figure.target, figure.unit) : "",
    VERDICT_MARKS[verdictOf(figure)],
  ];
}

/** A plain-text table with aligned columns, for a terminal. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = [[...HEADINGS], ...figures.map(cells)];
  const widths = HEADINGS.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) => row.map((cell, column) => cell.padEnd(widths[column])).join("  "))
    .map((line) => line.trimEnd())
    .join("\n");
}

/** The same table in Markdown, for docs/benchmarks.md. */
export function formatMarkdownTable(figures: readonly Figure[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, "\\|");
  const line = (row: readonly string[]) => `| ${row.map(escape).join(" | ")} |`;
  return [
    line(HEADINGS),
    line(HEADINGS.map(() => "---")),
    ...figures.map((figure) => line(cells(figure))),
  ].join("\n");
}

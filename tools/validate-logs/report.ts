import type { ValidationReport } from "./run";
import { VERDICTS } from "./verdicts";

/** Whether the archive is proven intact: no problem of any kind, and something was checked. */
export function reportPasses(report: ValidationReport): boolean {
  return report.problems.length === 0 && report.scopes.length > 0;
}

/** The text report: one line per account and region, then every problem with its S3 key and version id. */
export function formatReport(report: ValidationReport): string {
  const lines = [
    `Validated s3://${report.bucket} for ${report.trailArn} from ${report.from} to ${report.to}`,
    "",
  ];
  if (report.scopes.length === 0)
    lines.push("No account or region to validate: the archive has no digest folder in scope.");
  const rows = report.scopes.map((s) => [
    s.accountId,
    s.region,
    `${s.digests.valid} digests valid`,
    `${s.digests.invalid + s.digests.missing} invalid or missing`,
    `${s.logs.valid} logs valid`,
    `${s.logs.invalid} invalid`,
    `${s.logs.unlisted} unlisted`,
  ]);
  const widths = rows.reduce(
    (w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, cell.length)),
    [] as number[],
  );
  for (const row of rows)
    lines.push(
      row
        .map((cell, i) => cell.padEnd(widths[i]))
        .join("  ")
        .trimEnd(),
    );
  if (report.problems.length > 0) {
    lines.push("", `${report.problems.length} problem(s):`);
    for (const p of report.problems) {
      const where = p.key
        ? `s3://${p.bucket}/${p.key}${p.versionId ? ` (version ${p.versionId})` : ""}`
        : `account ${p.accountId} ${p.region}`;
      const window = p.window ? ` [uncovered ${p.window.from} to ${p.window.to}]` : "";
      lines.push(`${VERDICTS[p.verdict]}: ${where}${window}: ${p.detail}`);
    }
  } else if (report.scopes.length > 0) {
    lines.push("", "All digests and log files valid.");
  }
  return `${lines.join("\n")}\n`;
}

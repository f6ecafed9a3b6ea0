/** The header row that identifies the controls table in a Markdown file, whatever its column widths. */
const HEADER = /^\|\s*Control\s*\|\s*Set\s*\|.*\|\s*What trips it\s*\|\s*$/;

/**
 * `markdown` with its controls table (the block of `|` lines under the header `| Control | Set | … |`)
 * replaced by `table`, or undefined when the file has no such table.
 */
export function replaceControlsTable(markdown: string, table: string): string | undefined {
  const lines = markdown.split("\n");
  const start = lines.findIndex((line) => HEADER.test(line));
  if (start < 0) return undefined;
  let end = start;
  while (end < lines.length && lines[end].startsWith("|")) end++;
  const replacement = table.endsWith("\n") ? table.slice(0, -1).split("\n") : table.split("\n");
  return [...lines.slice(0, start), ...replacement, ...lines.slice(end)].join("\n");
}

/** Whether `markdown` has a controls table (its header row). */
export function holdsControlsTable(markdown: string): boolean {
  return markdown.split("\n").some((line) => HEADER.test(line));
}

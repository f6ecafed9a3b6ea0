/** What the CLI shows for one matching record. */
export interface MatchRow {
  source: string;
  eventTime: string;
  eventName: string;
  principal: string;
  eventID: string;
  controls?: readonly string[];
}

function text(value: unknown): string {
  return typeof value === "string" && value !== "" ? value : "-";
}

/** The caller as a person would name it: the ARN when CloudTrail has one, else type and name. */
export function principalOf(record: Record<string, unknown>): string {
  const identity = record.userIdentity;
  if (typeof identity !== "object" || identity === null) return "-";
  const fields = identity as Record<string, unknown>;
  if (typeof fields.arn === "string" && fields.arn !== "") return fields.arn;
  const type = text(fields.type);
  const name = [fields.userName, fields.invokedBy, fields.principalId].find(
    (value) => typeof value === "string" && value !== "",
  );
  return name === undefined ? type : `${type}/${String(name)}`;
}

export function matchRow(
  record: Record<string, unknown>,
  source: string,
  controls?: readonly string[],
): MatchRow {
  return {
    source,
    eventTime: text(record.eventTime),
    eventName: text(record.eventName),
    principal: principalOf(record),
    eventID: text(record.eventID),
    ...(controls === undefined ? {} : { controls }),
  };
}

/** Columns padded to their widest cell, two spaces apart; the last column is not padded. */
export function alignedTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const render = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column])))
      .join("  ")
      .trimEnd();
  return [header, ...rows].map(render).join("\n") + "\n";
}

/** The match table; a FILE column appears only when records came from more than one input. */
export function matchesTable(rows: readonly MatchRow[], showSource: boolean, showControls: boolean): string {
  const header = [
    ...(showSource ? ["FILE"] : []),
    "TIME",
    "EVENT",
    "PRINCIPAL",
    "EVENT ID",
    ...(showControls ? ["CONTROLS"] : []),
  ];
  const cells = rows.map((row) => [
    ...(showSource ? [row.source] : []),
    row.eventTime,
    row.eventName,
    row.principal,
    row.eventID,
    ...(showControls ? [(row.controls ?? []).join(",")] : []),
  ]);
  return alignedTable(header, cells);
}

export function matchJson(row: MatchRow): string {
  return JSON.stringify(row) + "\n";
}

import type { AthenaClient as AthenaClientType, Row } from "@aws-sdk/client-athena";
import { athenaDialect, TIMELINE_COLUMNS, type TimelineRow } from "../../lib/investigation";
import { describeAwsError, sleep } from "./aws-errors";
import { EngineError, type Engine } from "./engine";

export interface AthenaEngineOptions {
  workgroup: string;
  database: string;
  table: string;
  region?: string;
  /** Between two GetQueryExecution calls. @default 1000 */
  pollMilliseconds?: number;
}

/**
 * Athena: StartQueryExecution in the program's workgroup (which enforces its result location,
 * encryption and bytes-scanned cutoff), GetQueryExecution until the state leaves QUEUED/RUNNING,
 * then GetQueryResults page by page. ("Running SQL queries using Amazon Athena"; the first row of a
 * SELECT's first results page holds the column names.)
 */
export async function openAthenaEngine(options: AthenaEngineOptions): Promise<Engine> {
  const { AthenaClient, StartQueryExecutionCommand, GetQueryExecutionCommand, paginateGetQueryResults } =
    await import("@aws-sdk/client-athena");
  const client: AthenaClientType = new AthenaClient({ ...(options.region && { region: options.region }) });
  const pause = options.pollMilliseconds ?? 1000;
  return {
    dialect: athenaDialect(options.database, options.table),
    async run(sql, progress) {
      let id: string | undefined;
      try {
        const started = await client.send(
          new StartQueryExecutionCommand({
            QueryString: sql,
            WorkGroup: options.workgroup,
            QueryExecutionContext: { Database: options.database, Catalog: "AwsDataCatalog" },
          }),
        );
        id = started.QueryExecutionId;
        if (!id) throw new EngineError("Athena: StartQueryExecution returned no QueryExecutionId");
        for (;;) {
          const { QueryExecution: execution } = await client.send(
            new GetQueryExecutionCommand({ QueryExecutionId: id }),
          );
          const state = execution?.Status?.State;
          if (state === "SUCCEEDED") break;
          if (state === "FAILED" || state === "CANCELLED") {
            const reason = execution?.Status?.StateChangeReason ?? "no reason given";
            throw new EngineError(`Athena query ${id} ${state}: ${reason}`);
          }
          const scanned = execution?.Statistics?.DataScannedInBytes;
          progress?.(
            `Athena ${state ?? "QUEUED"}${scanned ? `, ${(scanned / 1e6).toFixed(1)} MB scanned` : ""}`,
          );
          await sleep(pause);
        }
        const rows: TimelineRow[] = [];
        let header: string[] | undefined;
        for await (const page of paginateGetQueryResults({ client }, { QueryExecutionId: id })) {
          const names = page.ResultSet?.ResultSetMetadata?.ColumnInfo?.map((c) => c.Name ?? "") ?? [];
          let pageRows = page.ResultSet?.Rows ?? [];
          if (!header) {
            header = names;
            if (pageRows[0] && sameCells(pageRows[0], names)) pageRows = pageRows.slice(1);
          }
          rows.push(...pageRows.map((row) => decodeRow(header!, row)));
        }
        return rows;
      } catch (error) {
        throw describeAwsError("Athena", error);
      }
    },
    async close() {
      client.destroy();
    },
  };
}

function sameCells(row: Row, names: readonly string[]): boolean {
  const cells = row.Data ?? [];
  return cells.length === names.length && cells.every((cell, i) => cell.VarCharValue === names[i]);
}

/** Athena returns every value as text; a missing `VarCharValue` is SQL NULL. */
export function decodeRow(names: readonly string[], row: Row): TimelineRow {
  const out = {} as TimelineRow;
  for (const column of TIMELINE_COLUMNS) {
    const index = names.indexOf(column);
    out[column] = index < 0 ? null : (row.Data?.[index]?.VarCharValue ?? null);
  }
  return out;
}

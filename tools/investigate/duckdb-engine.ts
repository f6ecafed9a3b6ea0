import { CLOUDTRAIL_COLUMNS, duckdbDialect, duckdbType, quoteString } from "../../lib/investigation";
import { TIMELINE_COLUMNS, type TimelineRow } from "../../lib/investigation/render";
import { EngineError, type Engine } from "./engine";

/**
 * Real CloudTrail files can hold tens of MB of records in one JSON document (`{"Records":[…]}`);
 * DuckDB's default `maximum_object_size` is 16 MB.
 */
export const MAXIMUM_OBJECT_BYTES = 1024 * 1024 * 1024;

/**
 * The view the DuckDB dialect reads. `read_json` gets an explicit schema mirroring the Athena table
 * (inference breaks on type drift between files) and `format = 'auto'`, so one scan takes both the
 * archive's `{"Records":[…]}` files (one row per file, unnested) and bare arrays of records (the
 * Stratus Red Team corpus, `aws cloudtrail lookup-events` output). Columns are lower-case, as in Athena.
 */
export function cloudTrailViewSql(files: readonly string[]): string {
  if (files.length === 0)
    throw new EngineError(
      "no CloudTrail log files (*.json, *.json.gz) under --dir; point it at a synced archive or a folder of log files",
    );
  const recordType = `STRUCT(${CLOUDTRAIL_COLUMNS.map((c) => `"${c.name}" ${duckdbType(c)}`).join(", ")})`;
  const columns = [
    `"Records": '${recordType}[]'`,
    ...CLOUDTRAIL_COLUMNS.map((c) => `"${c.name}": '${duckdbType(c)}'`),
  ];
  const names = CLOUDTRAIL_COLUMNS.map((c) => c.name);
  const select = (from: string) => names.map((n) => `${from}"${n}" AS ${n.toLowerCase()}`).join(", ");
  return `CREATE OR REPLACE VIEW cloudtrail AS
WITH files AS (
  SELECT * FROM read_json([${files.map(quoteString).join(", ")}],
    format = 'auto', columns = {${columns.join(", ")}},
    filename = true, maximum_object_size = ${MAXIMUM_OBJECT_BYTES})
), wrapped AS (
  SELECT unnest("Records") AS r, filename FROM files WHERE "Records" IS NOT NULL
)
SELECT ${select("r.")}, filename AS source_file FROM wrapped
UNION ALL
SELECT ${select("")}, filename AS source_file FROM files WHERE "Records" IS NULL AND "eventTime" IS NOT NULL`;
}

export interface DuckDbEngineOptions {
  files: readonly string[];
  /** DuckDB's worker threads. @default DuckDB's own (the machine's cores) */
  threads?: number;
}

export async function openDuckDbEngine(options: DuckDbEngineOptions): Promise<Engine> {
  // Loaded here, not at the top: `--help` and usage errors answer without loading the native module.
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", {
    ...(options.threads !== undefined && { threads: String(options.threads) }),
    // No extension may be fetched from the network (the tool runs offline).
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
  });
  const connection = await instance.connect();
  await connection.run(cloudTrailViewSql(options.files));
  return {
    dialect: duckdbDialect(),
    async run(sql, progress) {
      const timer =
        progress &&
        setInterval(() => {
          const percent = connection.progress.percentage;
          progress(
            percent >= 0
              ? `${percent.toFixed(0)}% of ${options.files.length} files`
              : `${options.files.length} files`,
          );
        }, 250);
      try {
        const reader = await connection.runAndReadAll(sql);
        return reader.getRowObjectsJS().map((row) => toTimelineRow(row));
      } catch (error) {
        throw new EngineError(
          `DuckDB could not answer: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`,
        );
      } finally {
        if (timer) clearInterval(timer);
      }
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

function toTimelineRow(row: Record<string, unknown>): TimelineRow {
  const out = {} as TimelineRow;
  for (const column of TIMELINE_COLUMNS) {
    const value = row[column];
    out[column] = value === null || value === undefined ? null : String(value);
  }
  return out;
}

import type { CloudTrailClient as CloudTrailClientType } from "@aws-sdk/client-cloudtrail";
import { lakeDialect, TIMELINE_COLUMNS, type TimelineRow } from "../../lib/investigation";
import { describeAwsError, sleep } from "./aws-errors";
import { EngineError, type Engine } from "./engine";

export interface LakeEngineOptions {
  /** The event data store's ARN (its last path segment is the id the SQL names). */
  eventDataStoreArn: string;
  region?: string;
  /** Between two GetQueryResults calls while the query runs. @default 1000 */
  pollMilliseconds?: number;
}

/** `arn:aws:cloudtrail:us-east-1:111122223333:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE` → the id. */
export function eventDataStoreId(arnOrId: string): string {
  const id = arnOrId.startsWith("arn:") ? arnOrId.split("/").pop() : arnOrId;
  if (!id || !/^[A-Za-z0-9-]+$/.test(id)) {
    throw new EngineError(
      `--event-data-store ${arnOrId} is not an event data store ARN; copy it from aws cloudtrail list-event-data-stores`,
    );
  }
  return id;
}

/**
 * CloudTrail Lake: StartQuery, then GetQueryResults until QueryStatus leaves QUEUED/RUNNING, then its
 * pages (NextToken). Each result row is a list of one-key objects, `[{"eventTime": "…"}, …]`
 * ("Run a query and save query results", CloudTrail user guide; `GetQueryResults` API reference).
 */
export async function openLakeEngine(options: LakeEngineOptions): Promise<Engine> {
  const { CloudTrailClient, StartQueryCommand, GetQueryResultsCommand } =
    await import("@aws-sdk/client-cloudtrail");
  const client: CloudTrailClientType = new CloudTrailClient({
    ...(options.region && { region: options.region }),
  });
  const pause = options.pollMilliseconds ?? 1000;
  return {
    dialect: lakeDialect(eventDataStoreId(options.eventDataStoreArn)),
    async run(sql, progress) {
      try {
        const { QueryId } = await client.send(new StartQueryCommand({ QueryStatement: sql }));
        if (!QueryId) throw new EngineError("CloudTrail Lake: StartQuery returned no QueryId");
        const rows: TimelineRow[] = [];
        let token: string | undefined;
        for (;;) {
          const page = await client.send(
            new GetQueryResultsCommand({ QueryId, ...(token && { NextToken: token }) }),
          );
          const status = page.QueryStatus;
          if (status === "FAILED" || status === "CANCELLED" || status === "TIMED_OUT") {
            throw new EngineError(
              `CloudTrail Lake query ${QueryId} ${status}: ${page.ErrorMessage ?? "no reason given"}`,
            );
          }
          if (status !== "FINISHED") {
            progress?.(`CloudTrail Lake ${status ?? "QUEUED"}`);
            await sleep(pause);
            continue;
          }
          rows.push(...(page.QueryResultRows ?? []).map(decodeLakeRow));
          token = page.NextToken;
          if (!token) return rows;
        }
      } catch (error) {
        throw describeAwsError("CloudTrail Lake", error);
      }
    },
    async close() {
      client.destroy();
    },
  };
}

export function decodeLakeRow(cells: Record<string, string>[]): TimelineRow {
  const merged: Record<string, string> = Object.assign({}, ...cells);
  const out = {} as TimelineRow;
  for (const column of TIMELINE_COLUMNS) out[column] = merged[column] ?? null;
  return out;
}

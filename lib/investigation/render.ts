import type { Dialect, SqlValue, TimeWindow } from "./dialects";
import type { Question } from "./questions";

/** The timeline every question answers with, in this order. */
export const TIMELINE_COLUMNS = [
  "time",
  "account",
  "region",
  "principal",
  "source_ip",
  "user_agent",
  "event",
  "target",
  "error",
  "event_id",
  "access_key",
  "source",
] as const;
export type TimelineColumn = (typeof TIMELINE_COLUMNS)[number];
export type TimelineRow = Record<TimelineColumn, string | null>;

/** Request keys that name the object of a call when `resources` is empty (most management events). */
const TARGET_REQUEST_KEYS = [
  "userName",
  "roleName",
  "groupName",
  "policyArn",
  "bucketName",
  "name",
  "trailName",
  "functionName",
  "keyId",
  "secretId",
  "instanceId",
  "snapshotId",
  "imageId",
  "groupId",
  "dBSnapshotIdentifier",
  "layerName",
  "documentName",
  "target",
];

function timelineSelect(sql: Dialect): string {
  const target = `COALESCE(${[sql.firstResourceArn, ...TARGET_REQUEST_KEYS.map((k) => sql.request(k))].join(", ")})`;
  const columns: Record<string, string> = {
    time: sql.eventTimeText(),
    account: sql.field("recipientAccountId"),
    region: sql.field("awsRegion"),
    principal: `COALESCE(${sql.identity("arn")}, ${sql.identity("invokedBy")}, ${sql.identity("principalId")})`,
    source_ip: sql.field("sourceIPAddress"),
    user_agent: sql.field("userAgent"),
    event: `${sql.field("eventSource")} || ':' || ${sql.field("eventName")}`,
    target,
    error: sql.field("errorCode"),
    event_id: sql.field("eventID"),
    access_key: sql.identity("accessKeyId"),
    source: sql.sourceOf,
  };
  return TIMELINE_COLUMNS.map((name) => `${columns[name]} AS ${name}`).join(",\n  ");
}

/** The window's predicates on the row alias: partition pruning first (Athena), then the event time. */
export function windowPredicates(sql: Dialect, window: TimeWindow, alias = "e"): string[] {
  return [
    ...sql.partitionPruning(window, alias),
    ...(window.from ? [sql.timeAtLeast(window.from, alias)] : []),
    ...(window.to ? [sql.timeBefore(window.to, alias)] : []),
  ];
}

export interface RenderOptions {
  window: TimeWindow;
  /** Caps the rows returned. @default 10000 */
  limit?: number;
}

/** One question, one engine, one value: the SELECT statement. */
export function renderQuestion(
  question: Question,
  sql: Dialect,
  value: SqlValue | undefined,
  options: RenderOptions,
): string {
  const spec = question.select(sql, value);
  const parameterized = value !== undefined && !("literal" in value);
  const target = parameterized ? " CROSS JOIN target" : "";
  // CTEs (the event question's anchor) scan the table too: the window prunes them as well.
  const withClauses = [
    ...(parameterized ? ["target AS (SELECT ? AS value)"] : []),
    ...(spec.with ?? []).map(
      (cte) =>
        `${cte.name} AS (SELECT ${cte.columns} FROM ${sql.table} a${target} WHERE ${[...cte.where, ...windowPredicates(sql, options.window, "a")].join(" AND ")})`,
    ),
  ];
  const joins = [
    ...(parameterized && !spec.with ? ["CROSS JOIN target"] : []),
    ...(spec.join ? [spec.join] : []),
  ];
  const where = [...windowPredicates(sql, options.window), ...spec.where];
  return [
    withClauses.length > 0 ? `WITH ${withClauses.join(",\n")}` : undefined,
    `SELECT\n  ${timelineSelect(sql)}`,
    `FROM ${sql.table} e${joins.map((j) => ` ${j}`).join("")}`,
    where.length > 0 ? `WHERE ${where.join("\n  AND ")}` : undefined,
    `ORDER BY ${question.orderBy ?? "time"}`,
    `LIMIT ${options.limit ?? 10000}`,
  ]
    .filter((line): line is string => line !== undefined)
    .join("\n");
}

/** Named queries look back this many days: the partitions of the last month, not the whole archive. */
export const NAMED_QUERY_DAYS = 30;

/**
 * A question as an Athena named query: the value is the `?` of a parameterized query (the console asks
 * for it; `StartQueryExecution` takes it in `ExecutionParameters`), and the window is the last
 * `NAMED_QUERY_DAYS` days of projected partitions. Optional parameters are left out.
 */
export function renderNamedQuery(question: Question, sql: Dialect): string {
  const value: SqlValue | undefined = question.parameter.required ? { parameter: true } : undefined;
  return renderQuestion(question, sql, value, { window: { lastDays: NAMED_QUERY_DAYS } });
}

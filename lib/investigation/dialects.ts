/**
 * Every difference between the engines' SQL, in one place. Questions speak of logical fields
 * (`sql.identity("arn")`, `sql.request("userName")`); a dialect says how its engine reads them:
 * - DuckDB reads the files through a view whose columns mirror the Athena table (JSON text for request
 *   and response, ISO-8601 strings for times).
 * - Athena (engine version 3, Trino) reads the Glue table: lower-case columns, JSON text read with
 *   `json_extract_scalar`, projected partitions `account`, `region`, `day` to prune the scan, `"$path"`
 *   for the S3 key of each row.
 * - CloudTrail Lake (Trino) reads an event data store: `eventTime` is a timestamp, `readOnly` a boolean,
 *   `requestParameters` and `responseElements` maps whose nested values are JSON text.
 */
export type EngineName = "duckdb" | "athena" | "lake";

/** What a question's SQL may compare against: an escaped literal, or the named query's `?` parameter. */
export type SqlValue = { readonly literal: string } | { readonly parameter: true };

export interface Dialect {
  readonly engine: EngineName;
  /** The table reference. */
  readonly table: string;
  /** A top-level record field (JSON key, e.g. `eventName`), read from the row alias `e`. */
  field(name: string, alias?: string): string;
  /** A `userIdentity` field, path of JSON keys (e.g. `["sessionContext", "sessionIssuer", "arn"]`). */
  identity(...path: string[]): string;
  /** The same, read from another row alias. */
  identityAt(alias: string, path: readonly string[]): string;
  /** A scalar inside `requestParameters` (path of JSON keys). */
  request(...path: string[]): string;
  /** A scalar inside `responseElements` (path of JSON keys). */
  response(...path: string[]): string;
  /** Whether `requestParameters` or `responseElements` contains the text (an SQL string expression). */
  payloadContains(text: string): string;
  /** The first resource's ARN, or NULL. */
  readonly firstResourceArn: string;
  /** The event time as an ISO-8601 string (`2024-07-30T21:53:13Z`). */
  eventTimeText(alias?: string): string;
  /** The event time as a timestamp, for arithmetic. */
  eventTimestamp(alias?: string): string;
  /** `eventTime >= iso`, `eventTime < iso` for a window bound (`iso` already normalised to `...Z`). */
  timeAtLeast(iso: string, alias?: string): string;
  timeBefore(iso: string, alias?: string): string;
  /** Predicates on projected partitions that prune a window (Athena only). */
  partitionPruning(window: TimeWindow, alias?: string): string[];
  /** Records that change something. */
  readonly isWrite: string;
  /** Where the row came from: file path, S3 key, or the event data store. */
  readonly sourceOf: string;
  /** An IPv4 source address as a number, NULL for anything else (service names, IPv6). */
  ipv4Number(expression: string): string;
}

export interface TimeWindow {
  /** Inclusive lower bound, ISO-8601 UTC with seconds (`2024-07-30T00:00:00Z`). */
  from?: string;
  /** Exclusive upper bound. */
  to?: string;
  /** For named queries: a window of the last N days relative to the query's run. */
  lastDays?: number;
}

export function quoteString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * A literal, or the parameter: a question may compare it several times, but each `?` of an Athena
 * parameterized query is a value of its own, so the one `?` lives in the CTE `target` (see render.ts).
 */
export function renderValue(value: SqlValue): string {
  return "literal" in value ? quoteString(value.literal) : "target.value";
}

function jsonPath(path: readonly string[]): string {
  for (const key of path) {
    if (!/^[A-Za-z0-9_]+$/.test(key)) throw new Error(`JSON key ${JSON.stringify(key)} is not a plain name`);
  }
  return `'$.${path.join(".")}'`;
}

const lower = (path: readonly string[]) => path.map((p) => p.toLowerCase());

/** DuckDB: the view `cloudtrail` (see tools/investigate/duckdb-engine.ts) with the Athena table's columns. */
export function duckdbDialect(): Dialect {
  const col = (name: string, alias = "e") => `${alias}.${name.toLowerCase()}`;
  return {
    engine: "duckdb",
    table: "cloudtrail",
    field: col,
    identity: (...path) => `e.useridentity.${lower(path).join(".")}`,
    identityAt: (alias, path) => `${alias}.useridentity.${lower(path).join(".")}`,
    request: (...path) => `json_extract_string(e.requestparameters, ${jsonPath(path)})`,
    response: (...path) => `json_extract_string(e.responseelements, ${jsonPath(path)})`,
    payloadContains: (text) =>
      `(contains(CAST(e.requestparameters AS VARCHAR), ${text}) OR contains(CAST(e.responseelements AS VARCHAR), ${text}))`,
    firstResourceArn: "e.resources[1].arn",
    eventTimeText: (alias = "e") => `${alias}.eventtime`,
    eventTimestamp: (alias = "e") => `CAST(REPLACE(${alias}.eventtime, 'Z', '') AS TIMESTAMP)`,
    timeAtLeast: (iso, alias = "e") => `${alias}.eventtime >= ${quoteString(iso)}`,
    timeBefore: (iso, alias = "e") => `${alias}.eventtime < ${quoteString(iso)}`,
    partitionPruning: () => [],
    isWrite: "e.readonly = 'false'",
    sourceOf: "e.source_file",
    ipv4Number: (x) => ipv4Number(x, (p) => `regexp_matches(${x}, ${p})`),
  };
}

/** Athena engine version 3 over the Glue table of `lib/investigation/cloudtrail-table.ts`. */
export function athenaDialect(database: string, table: string): Dialect {
  const day = (iso: string) => quoteString(iso.slice(0, 10).replace(/-/g, "/"));
  return {
    engine: "athena",
    table: `"${database}"."${table}"`,
    field: (name, alias = "e") => `${alias}.${name.toLowerCase()}`,
    identity: (...path) => `e.useridentity.${lower(path).join(".")}`,
    identityAt: (alias, path) => `${alias}.useridentity.${lower(path).join(".")}`,
    request: (...path) => `json_extract_scalar(e.requestparameters, ${jsonPath(path)})`,
    response: (...path) => `json_extract_scalar(e.responseelements, ${jsonPath(path)})`,
    payloadContains: (text) =>
      `(strpos(e.requestparameters, ${text}) > 0 OR strpos(e.responseelements, ${text}) > 0)`,
    firstResourceArn: TRINO_FIRST_RESOURCE_ARN,
    eventTimeText: (alias = "e") => `${alias}.eventtime`,
    eventTimestamp: (alias = "e") => `from_iso8601_timestamp(${alias}.eventtime)`,
    timeAtLeast: (iso, alias = "e") => `${alias}.eventtime >= ${quoteString(iso)}`,
    timeBefore: (iso, alias = "e") => `${alias}.eventtime < ${quoteString(iso)}`,
    partitionPruning: (window, alias = "e") => {
      const clauses: string[] = [];
      if (window.lastDays !== undefined) {
        clauses.push(
          `${alias}."day" >= date_format(current_date - INTERVAL '${window.lastDays}' DAY, '%Y/%m/%d')`,
        );
      }
      if (window.from) clauses.push(`${alias}."day" >= ${day(window.from)}`);
      if (window.to) clauses.push(`${alias}."day" <= ${day(window.to)}`);
      return clauses;
    },
    isWrite: "e.readonly = 'false'",
    sourceOf: `e."$path"`,
    ipv4Number: (x) => ipv4Number(x, (p) => `regexp_like(${x}, ${p})`),
  };
}

/** CloudTrail Lake: the event data store's id is the table; its schema types times and maps. */
export function lakeDialect(eventDataStoreId: string): Dialect {
  if (!/^[A-Za-z0-9-]+$/.test(eventDataStoreId)) {
    throw new Error(
      `event data store id ${JSON.stringify(eventDataStoreId)} is not an id; pass the store's ARN or id`,
    );
  }
  const nested = (map: string, path: readonly string[]) =>
    path.length === 1
      ? `element_at(e.${map}, ${quoteString(path[0])})`
      : `json_extract_scalar(element_at(e.${map}, ${quoteString(path[0])}), ${jsonPath(path.slice(1))})`;
  const iso = (text: string) => `from_iso8601_timestamp(${quoteString(text)})`;
  return {
    engine: "lake",
    // Quoted: an unquoted id with hyphens would read as a subtraction in Trino's grammar.
    table: `"${eventDataStoreId}"`,
    field: (name, alias = "e") => `${alias}.${name}`,
    identity: (...path) => `e.userIdentity.${path.join(".")}`,
    identityAt: (alias, path) => `${alias}.userIdentity.${path.join(".")}`,
    request: (...path) => nested("requestParameters", path),
    response: (...path) => nested("responseElements", path),
    payloadContains: (text) =>
      `(strpos(json_format(CAST(e.requestParameters AS JSON)), ${text}) > 0 OR strpos(json_format(CAST(e.responseElements AS JSON)), ${text}) > 0)`,
    firstResourceArn: TRINO_FIRST_RESOURCE_ARN,
    eventTimeText: (alias = "e") => `to_iso8601(${alias}.eventTime)`,
    eventTimestamp: (alias = "e") => `${alias}.eventTime`,
    timeAtLeast: (text, alias = "e") => `${alias}.eventTime >= ${iso(text)}`,
    timeBefore: (text, alias = "e") => `${alias}.eventTime < ${iso(text)}`,
    partitionPruning: () => [],
    isWrite: "e.readOnly = false",
    sourceOf: quoteString(`lake:${eventDataStoreId}`),
    ipv4Number: (x) => ipv4Number(x, (p) => `regexp_like(${x}, ${p})`),
  };
}

/** NULL for an empty list, where `resources[1]` would fail the query (Trino checks subscripts). */
const TRINO_FIRST_RESOURCE_ARN = "element_at(transform(e.resources, r -> r.arn), 1)";

/** `a*2^24 + b*2^16 + c*2^8 + d` when the text is a dotted quad; the arithmetic is the same in every dialect. */
function ipv4Number(x: string, matches: (pattern: string) => string): string {
  const octet = (n: number) => `CAST(split_part(${x}, '.', ${n}) AS BIGINT)`;
  return `CASE WHEN ${matches("'^[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}$'")} THEN ${octet(1)} * 16777216 + ${octet(2)} * 65536 + ${octet(3)} * 256 + ${octet(4)} END`;
}

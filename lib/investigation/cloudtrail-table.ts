/**
 * The CloudTrail table as data: the columns of the Athena user guide's table ("Create the table for
 * CloudTrail logs in Athena using partition projection",
 * https://docs.aws.amazon.com/athena/latest/ug/create-cloudtrail-table-partition-projection.html), the
 * SerDe and input format it names, and the partition projection over an organization trail's keys.
 * The Glue table (program) and DuckDB's `read_json` schema (tool) are both rendered from these columns,
 * so the two engines read the same fields with the same types.
 */

/** A Hive type: strings, or structs, arrays and maps of them. Key names are CloudTrail's JSON keys. */
export type ColumnType =
  | "string"
  | { readonly struct: readonly Column[] }
  | { readonly array: ColumnType }
  | { readonly map: "string" };

export interface Column {
  /** The record's JSON key (CloudTrail's camelCase); Athena and Glue lower-case it. */
  readonly name: string;
  readonly type: ColumnType;
}

const s = (name: string): Column => ({ name, type: "string" });
const struct = (name: string, fields: readonly Column[]): Column => ({ name, type: { struct: fields } });

const sessionIssuer = struct("sessionIssuer", [
  s("type"),
  s("principalId"),
  s("arn"),
  s("accountId"),
  s("userName"),
]);

/** The columns, in the documentation's order. Request and response stay JSON text for `json_extract*`. */
export const CLOUDTRAIL_COLUMNS: readonly Column[] = [
  s("eventVersion"),
  struct("userIdentity", [
    s("type"),
    s("principalId"),
    s("arn"),
    s("accountId"),
    s("invokedBy"),
    s("accessKeyId"),
    s("userName"),
    struct("onBehalfOf", [s("userId"), s("identityStoreArn")]),
    struct("sessionContext", [
      struct("attributes", [s("mfaAuthenticated"), s("creationDate")]),
      sessionIssuer,
      s("ec2RoleDelivery"),
      struct("webIdFederationData", [
        s("federatedProvider"),
        { name: "attributes", type: { map: "string" } },
      ]),
    ]),
  ]),
  s("eventTime"),
  s("eventSource"),
  s("eventName"),
  s("awsRegion"),
  s("sourceIPAddress"),
  s("userAgent"),
  s("errorCode"),
  s("errorMessage"),
  s("requestParameters"),
  s("responseElements"),
  s("additionalEventData"),
  s("requestID"),
  s("eventID"),
  s("readOnly"),
  { name: "resources", type: { array: { struct: [s("arn"), s("accountId"), s("type")] } } },
  s("eventType"),
  s("apiVersion"),
  s("recipientAccountId"),
  s("serviceEventDetails"),
  s("sharedEventID"),
  s("vpcEndpointId"),
  s("vpcEndpointAccountId"),
  s("eventCategory"),
  struct("addendum", [s("reason"), s("updatedFields"), s("originalRequestID"), s("originalEventID")]),
  s("sessionCredentialFromConsole"),
  s("edgeDeviceDetails"),
  struct("tlsDetails", [s("tlsVersion"), s("cipherSuite"), s("clientProvidedHostHeader")]),
];

/** Columns kept as JSON text (the documentation declares them STRING so `json_extract*` reads them). */
export const JSON_TEXT_COLUMNS: ReadonlySet<string> = new Set([
  "requestParameters",
  "responseElements",
  "additionalEventData",
  "serviceEventDetails",
  "edgeDeviceDetails",
]);

/** The Insights table: the fields of an Insights event record (CloudTrail user guide, "CloudTrail Insights events record contents"). */
export const INSIGHTS_COLUMNS: readonly Column[] = [
  s("eventVersion"),
  s("eventTime"),
  s("awsRegion"),
  s("eventID"),
  s("eventType"),
  s("recipientAccountId"),
  s("sharedEventID"),
  s("insightDetails"),
  s("eventCategory"),
];

/** The partition keys the projection fills in: the organization trail's `<account>/CloudTrail/<region>/<yyyy>/<MM>/<dd>`. */
export const PARTITION_KEYS = ["account", "region", "day"] as const;
export type PartitionKey = (typeof PARTITION_KEYS)[number];

/** The documentation's storage descriptor: the JSON SerDe and CloudTrail's input format. */
export const CLOUDTRAIL_STORAGE = {
  serializationLibrary: "org.apache.hive.hcatalog.data.JsonSerDe",
  inputFormat: "com.amazon.emr.cloudtrail.CloudTrailInputFormat",
  outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
} as const;

/** Renders a column type as Hive DDL (Glue's `columns[].type`), lower-case field names as Athena shows them. */
export function hiveType(type: ColumnType): string {
  if (type === "string") return "string";
  if ("map" in type) return "map<string,string>";
  if ("array" in type) return `array<${hiveType(type.array)}>`;
  return `struct<${type.struct.map((f) => `${f.name.toLowerCase()}:${hiveType(f.type)}`).join(",")}>`;
}

/** Renders a column type as a DuckDB type; field names keep CloudTrail's JSON case so `read_json` finds them. */
export function duckdbType(column: Column): string {
  if (JSON_TEXT_COLUMNS.has(column.name)) return "JSON";
  return duckdbTypeOf(column.type);
}

function duckdbTypeOf(type: ColumnType): string {
  if (type === "string") return "VARCHAR";
  if ("map" in type) return "MAP(VARCHAR, VARCHAR)";
  if ("array" in type) return `${duckdbTypeOf(type.array)}[]`;
  return `STRUCT(${type.struct.map((f) => `"${f.name}" ${duckdbTypeOf(f.type)}`).join(", ")})`;
}

export interface ProjectionArgs {
  bucketName: string;
  organizationId: string;
  /** Every account whose logs the trail writes (the organization's, read at each `pulumi up`). */
  accountIds: readonly string[];
  /** The regions to project; CloudTrail writes a prefix for every enabled region. */
  regions: readonly string[];
  /** The first day to project, `yyyy/MM/dd`. */
  firstDay: string;
  /** `CloudTrail` for management and data events, `CloudTrail-Insight` for Insights. */
  logType?: "CloudTrail" | "CloudTrail-Insight";
}

/** The table's S3 location: the organization prefix, under which the template resolves every partition. */
export function tableLocation(args: Pick<ProjectionArgs, "bucketName" | "organizationId">): string {
  return `s3://${args.bucketName}/AWSLogs/${args.organizationId}/`;
}

/**
 * The table properties of partition projection ("Partition projection with Amazon Athena": `enum`
 * for accounts and regions, `date` with `yyyy/MM/dd` for days, and `storage.location.template`).
 */
export function projectionParameters(args: ProjectionArgs): Record<string, string> {
  const logType = args.logType ?? "CloudTrail";
  return {
    EXTERNAL: "TRUE",
    "projection.enabled": "true",
    "projection.account.type": "enum",
    "projection.account.values": [...args.accountIds].sort().join(","),
    "projection.region.type": "enum",
    "projection.region.values": [...args.regions].sort().join(","),
    "projection.day.type": "date",
    "projection.day.format": "yyyy/MM/dd",
    "projection.day.range": `${args.firstDay},NOW`,
    "projection.day.interval": "1",
    "projection.day.interval.unit": "DAYS",
    "storage.location.template": `${tableLocation(args)}\${account}/${logType}/\${region}/\${day}`,
  };
}

/** Resolves the location template for one partition (what Athena does for each projected partition). */
export function partitionLocation(template: string, values: Record<PartitionKey, string>): string {
  return template.replace(/\$\{(\w+)\}/g, (_, key: string) => {
    const value = values[key as PartitionKey];
    if (value === undefined)
      throw new Error(`storage.location.template names \${${key}}, which is not a partition key`);
    return value;
  });
}

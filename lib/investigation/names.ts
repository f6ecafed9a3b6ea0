/**
 * The names the tool uses by default: those the program gives the prod stack's query side (the database
 * and workgroup of other stacks derive from their trail name, `lib/stack-names.ts`), so
 * `npm run investigate -- --engine athena` finds what `pulumi up` created.
 */
export const QUERY_SIDE_DEFAULTS = {
  database: "org_governance_audit",
  table: "cloudtrail",
  insightsTable: "cloudtrail_insights",
  workgroup: "org-governance-investigations",
} as const;

/** Named queries and the tool look this far back by default; the table projects days from here. */
export const FIRST_PROJECTED_DAY = "2020/01/01";

/**
 * The regions CloudTrail writes prefixes for, per partition: a multi-region trail logs every enabled
 * region, opt-in regions included once enabled. Projection enumerates them; a region missing here is
 * not queryable, an extra one costs nothing.
 */
export const PARTITION_REGIONS: Record<string, readonly string[]> = {
  aws: [
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-6",
    "ap-southeast-7",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "mx-central-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
  ],
  "aws-us-gov": ["us-gov-east-1", "us-gov-west-1"],
  "aws-cn": ["cn-north-1", "cn-northwest-1"],
};

/**
 * The names the program gives the query side and the tool uses by default, in one place so
 * `npm run investigate -- --engine athena` finds what `pulumi up` created.
 */
export const QUERY_SIDE_DEFAULTS = {
  database: "org_governance_audit",
  table: "cloudtrail",
  insightsTable: "cloudtrail_insights",
  workgroup: "org-governance-investigations",
} as const;

import type { OrganizationSummary } from "./inventory/summary";

/**
 * What the program can go on without, but the user should know before `pulumi up`: CloudTrail cannot
 * create an organization trail without trusted access, and a delegated administrator may already run one.
 */
export function preflightWarnings(
  summary: OrganizationSummary,
  /** The delegated administrator this program registers (`trail.delegatedAdministrator`), if any. */
  ownDelegatedAdministrator?: string,
): string[] {
  const warnings: string[] = [];
  if (!summary.cloudTrailTrustedAccess) {
    warnings.push(
      `CloudTrail's trusted access is not enabled in ${summary.organizationId}; creating the organization trail will fail until you run \`aws organizations enable-aws-service-access --service-principal cloudtrail.amazonaws.com\``,
    );
  }
  // The program's own registration, from an earlier run, runs no second trail.
  const others = summary.cloudTrailDelegatedAdministrators.filter((id) => id !== ownDelegatedAdministrator);
  if (others.length > 0) {
    warnings.push(
      `CloudTrail has delegated administrators (${others.join(", ")}) that may already run an organization trail; check for one before creating a second (or set org-governance:trail.create false)`,
    );
  }
  return warnings;
}

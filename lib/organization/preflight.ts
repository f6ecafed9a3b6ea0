import type { OrganizationSummary } from "./inventory/summary";
import type { OrganizationSnapshot } from "./snapshot";

const CLOUDTRAIL = "cloudtrail.amazonaws.com";

/** The command that gives CloudTrail trusted access in the organization. */
export const ENABLE_TRUSTED_ACCESS = `aws organizations enable-aws-service-access --service-principal ${CLOUDTRAIL}`;

/** A fact about the organization that stops the program before its first resource. */
export class PreflightError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PreflightError";
  }
}

/**
 * Stops before any resource when the program would create the organization trail in an organization that
 * has not given CloudTrail trusted access: CreateTrail with IsOrganizationTrail would fail after the archive
 * and the log group exist ("Prepare for creating a trail for your organization", CloudTrail user guide).
 * An organization whose trusted services are unknown (a snapshot without them) only gets the warning.
 */
export function assertTrailCanBeCreated(organization: OrganizationSnapshot, createsTrail: boolean): void {
  const trusted = organization.trustedServices;
  if (!createsTrail || trusted === undefined || trusted.includes(CLOUDTRAIL)) return;
  throw new PreflightError(
    `CloudTrail's trusted access is not enabled in ${organization.organization.id}, so the organization trail cannot be created; run \`${ENABLE_TRUSTED_ACCESS}\` in the management account, or set org-governance:trail.create false`,
  );
}

/**
 * What the program can go on without, but the user should know before `pulumi up`: CloudTrail cannot
 * create an organization trail without trusted access, and a delegated administrator may already run one.
 */
export function preflightWarnings(summary: OrganizationSummary): string[] {
  const warnings: string[] = [];
  if (!summary.cloudTrailTrustedAccess) {
    warnings.push(
      `CloudTrail's trusted access is not enabled in ${summary.organizationId}; creating the organization trail will fail until you run \`${ENABLE_TRUSTED_ACCESS}\``,
    );
  }
  if (summary.cloudTrailDelegatedAdministrators.length > 0) {
    warnings.push(
      `CloudTrail has delegated administrators (${summary.cloudTrailDelegatedAdministrators.join(", ")}) that may already run an organization trail; check for one before creating a second (or set org-governance:trail.create false)`,
    );
  }
  return warnings;
}

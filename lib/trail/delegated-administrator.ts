import { ConfigError } from "../config/validate";
import { CLOUDTRAIL_SERVICE_PRINCIPAL } from "../organization/inventory/summary";
import { resolveMemberAccount } from "../organization/resolve";
import type { OrganizationSnapshot, SnapshotAccount } from "../organization/snapshot";

/**
 * CloudTrail accepts at most three delegated administrators in an organization ("Add a CloudTrail
 * delegated administrator", AWS CloudTrail User Guide).
 */
export const MAX_CLOUDTRAIL_DELEGATED_ADMINISTRATORS = 3;

/**
 * Resolves `trail.delegatedAdministrator` and checks, before any resource, what registering it needs:
 * CloudTrail's trusted access, and room among CloudTrail's delegated administrators. An account that is
 * already one (from an earlier run) takes no new place.
 *
 * @throws AccountReferenceError for a reference that names no eligible account; ConfigError listing
 *   the other problems, one line each.
 */
export function planDelegatedAdministrator(
  organization: OrganizationSnapshot,
  reference: string,
  key: string,
): SnapshotAccount {
  const account = resolveMemberAccount(organization, reference, key);
  const problems: string[] = [];
  if (!(organization.trustedServices ?? []).includes(CLOUDTRAIL_SERVICE_PRINCIPAL)) {
    problems.push(
      `${key}: CloudTrail's trusted access is not enabled in ${organization.organization.id}, and a delegated administrator needs it; run \`aws organizations enable-aws-service-access --service-principal ${CLOUDTRAIL_SERVICE_PRINCIPAL}\` and refresh the snapshot, or remove ${key}`,
    );
  }
  const others = (organization.delegatedAdministrators ?? [])
    .filter((d) => d.servicePrincipal === CLOUDTRAIL_SERVICE_PRINCIPAL && d.accountId !== account.id)
    .map((d) => d.accountId);
  if (others.length + 1 > MAX_CLOUDTRAIL_DELEGATED_ADMINISTRATORS) {
    problems.push(
      `${key}: CloudTrail already has ${others.length} delegated administrators (${others.join(", ")}) and accepts ${MAX_CLOUDTRAIL_DELEGATED_ADMINISTRATORS}; deregister one, or name one of them`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return account;
}

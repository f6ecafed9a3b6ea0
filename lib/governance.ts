import type { StackConfig } from "./config/validate";
import { CONFIG_NAMESPACE } from "./config/schema";
import * as naming from "./naming";
import { resolveMemberAccount } from "./organization/resolve";
import type { OrganizationSnapshot, SnapshotAccount } from "./organization/snapshot";

/** Everything the components need, derived from the config and the organization before any resource. */
export interface GovernanceContext {
  config: StackConfig;
  organization: OrganizationSnapshot;
  organizationId: string;
  managementAccountId: string;
  archiveAccount: SnapshotAccount;
  trailName: string;
  trailArn: string;
  archiveRoleArn: string;
}

/** Resolves account references and names; throws the same one-line errors as config validation. */
export function governanceContext(
  config: StackConfig,
  organization: OrganizationSnapshot,
): GovernanceContext {
  const managementAccountId = organization.organization.managementAccountId;
  const archiveAccount = resolveMemberAccount(
    organization,
    config.logArchive.account,
    `${CONFIG_NAMESPACE}:logArchive.account`,
  );
  const trailName = config.trail.name;
  return {
    config,
    organization,
    organizationId: organization.organization.id,
    managementAccountId,
    archiveAccount,
    trailName,
    trailArn: naming.trailArn({
      partition: config.partition,
      region: config.region,
      managementAccountId,
      trailName,
    }),
    archiveRoleArn: naming.roleArn(config.partition, archiveAccount.id, config.logArchive.roleName),
  };
}

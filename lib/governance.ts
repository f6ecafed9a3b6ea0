import type { LogArchiveConfig, StackConfig } from "./config/validate";
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
  trailName: string;
  trailArn: string;
  /** The log archive, when the program creates the trail. */
  archive?: {
    account: SnapshotAccount;
    roleArn: string;
    settings: LogArchiveConfig;
  };
}

/** Resolves account references and names; throws the same one-line errors as config validation. */
export function governanceContext(
  config: StackConfig,
  organization: OrganizationSnapshot,
): GovernanceContext {
  const managementAccountId = organization.organization.managementAccountId;
  const settings = config.logArchive;
  const archiveAccount =
    settings &&
    resolveMemberAccount(organization, settings.account, `${CONFIG_NAMESPACE}:logArchive.account`);
  const trailName = config.trail.name;
  return {
    config,
    organization,
    organizationId: organization.organization.id,
    managementAccountId,
    trailName,
    trailArn: naming.trailArn({
      partition: config.partition,
      region: config.region,
      managementAccountId,
      trailName,
    }),
    ...(settings &&
      archiveAccount && {
        archive: {
          account: archiveAccount,
          roleArn: naming.roleArn(config.partition, archiveAccount.id, settings.roleName),
          settings,
        },
      }),
  };
}

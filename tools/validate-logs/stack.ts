import * as path from "node:path";
import { validateStackConfig } from "../../lib/config/validate";
import { governanceContext } from "../../lib/governance";
import { archiveBucketName } from "../../lib/naming";
import { loadOrganization, readSnapshotFile } from "../../lib/organization/source";
import { projectName, readStackConfigFile } from "../plan/stack-files";

export interface ArchiveTarget {
  bucket: string;
  trailArn: string;
  organizationId?: string;
  /** The organization's active accounts: the ones the trail logs. */
  accounts?: string[];
}

/**
 * The archive a stack deploys, derived as the program derives it (`governanceContext`, `archiveBucketName`):
 * the stack file's config, the organization from `snapshotFile` (or the stack's `organization.snapshotFile`,
 * else the live organization, as `pulumi up` reads it).
 */
export async function archiveOfStack(
  projectDir: string,
  stack: string,
  snapshotFile?: string,
): Promise<ArchiveTarget> {
  const raw = readStackConfigFile(projectDir, projectName(projectDir), stack);
  const config = validateStackConfig(raw);
  const organization = snapshotFile
    ? readSnapshotFile(path.resolve(snapshotFile))
    : await loadOrganization(config.organization, projectDir);
  const context = governanceContext(config, organization);
  if (!context.archive || !config.trail.create) {
    throw new Error(
      `stack ${stack} does not create the trail (org-governance:trail.create is false); pass --bucket and --trail-arn of the existing trail`,
    );
  }
  return {
    bucket: archiveBucketName(context.archive.account.id, config.region),
    trailArn: context.trailArn,
    organizationId: context.organizationId,
    accounts: organization.accounts
      .filter((account) => account.state === "ACTIVE")
      .map((account) => account.id),
  };
}

/** The organization id and active accounts of a snapshot file, for --bucket runs given --org-snapshot. */
export function organizationOfSnapshot(file: string): Pick<ArchiveTarget, "organizationId" | "accounts"> {
  const organization = readSnapshotFile(path.resolve(file));
  return {
    organizationId: organization.organization.id,
    accounts: organization.accounts
      .filter((account) => account.state === "ACTIVE")
      .map((account) => account.id),
  };
}

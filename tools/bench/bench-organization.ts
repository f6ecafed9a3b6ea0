import type { OrganizationSnapshot } from "../../lib/organization/snapshot";
import { generateOrganization } from "../../tests/support/organizations-endpoint/generate";

/** The account the prod stack (Pulumi.prod.yaml) names as its log archive. */
export const LOG_ARCHIVE_ACCOUNT_NAME = "Log Archive";

/**
 * A generated organization the prod stack can plan against: OUs grow with the accounts (up to 200, four
 * levels deep), one in a hundred accounts is suspended, and one active member account is the log archive.
 * No delegated administrator, so the plan runs without the warning a second trail would deserve.
 */
export function benchOrganization(accounts: number, seed = 1): OrganizationSnapshot {
  if (!Number.isInteger(accounts) || accounts < 2) {
    throw new RangeError(
      `benchOrganization: accounts must be a whole number >= 2 (management + log archive), got ${accounts}`,
    );
  }
  const ous = Math.min(200, Math.max(2, Math.ceil(accounts / 50)));
  const organization = generateOrganization({
    accounts,
    ous,
    depth: Math.min(4, ous),
    seed,
    suspended: Math.floor(accounts / 100),
  });
  const management = organization.organization.managementAccountId;
  const archive = organization.accounts.find(
    (account) => account.id !== management && account.state === "ACTIVE",
  );
  if (!archive) throw new Error(`benchOrganization: no active member account among ${accounts} accounts`);
  return {
    ...organization,
    accounts: organization.accounts.map((account) =>
      account === archive ? { ...account, name: LOG_ARCHIVE_ACCOUNT_NAME } : account,
    ),
    delegatedAdministrators: [],
  };
}

import type { OrganizationSnapshot, SnapshotAccount } from "./snapshot";

/** A reference that does not name exactly one eligible account; the message lists the candidates. */
export class AccountReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AccountReferenceError";
  }
}

/** An organization of thousands of accounts would otherwise print them all in one line. */
export const MAX_LISTED_CANDIDATES = 10;

function describeAccount(account: SnapshotAccount): string {
  return `${account.id} "${account.name}" <${account.email}> ${account.state}`;
}

/** Matches a reference by account id, by name (case-insensitive) or by e-mail (case-insensitive). */
export function findAccounts(snapshot: OrganizationSnapshot, reference: string): SnapshotAccount[] {
  const wanted = reference.trim().toLowerCase();
  return snapshot.accounts.filter(
    (a) => a.id === wanted || a.name.toLowerCase() === wanted || a.email.toLowerCase() === wanted,
  );
}

/**
 * Resolves the account a config key names. It must be exactly one ACTIVE member account: the
 * management account is never eligible, since separating the logs from it is the point.
 *
 * @param key the full config key, for the message (`org-governance:logArchive.account`)
 */
export function resolveMemberAccount(
  snapshot: OrganizationSnapshot,
  reference: string,
  key: string,
): SnapshotAccount {
  const matches = findAccounts(snapshot, reference);
  const candidates = () => {
    const eligible = snapshot.accounts.filter(
      (a) => a.state === "ACTIVE" && a.id !== snapshot.organization.managementAccountId,
    );
    const listed = eligible.slice(0, MAX_LISTED_CANDIDATES).map(describeAccount).join("; ") || "none";
    const more = eligible.length - MAX_LISTED_CANDIDATES;
    return more > 0 ? `${listed}; and ${more} more (see \`npm run inventory\`)` : listed;
  };
  if (matches.length === 0) {
    throw new AccountReferenceError(
      `${key}: no account of ${snapshot.organization.id} has the id, name or e-mail "${reference}"; active member accounts: ${candidates()}`,
    );
  }
  if (matches.length > 1) {
    throw new AccountReferenceError(
      `${key}: "${reference}" names ${matches.length} accounts (${matches.map(describeAccount).join("; ")}); use the account id`,
    );
  }
  const [account] = matches;
  if (account.id === snapshot.organization.managementAccountId) {
    throw new AccountReferenceError(
      `${key}: "${reference}" is the management account ${account.id}; the log archive must be a separate member account, one of: ${candidates()}`,
    );
  }
  if (account.state !== "ACTIVE") {
    throw new AccountReferenceError(
      `${key}: account ${account.id} "${account.name}" is ${account.state}, not ACTIVE; choose one of: ${candidates()}`,
    );
  }
  return account;
}

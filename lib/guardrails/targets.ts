import { ConfigError } from "../config/validate";
import { MAX_LISTED_CANDIDATES } from "../organization/resolve";
import type { OrganizationSnapshot } from "../organization/snapshot";

/** A root or OU the guardrails attach to, and the member accounts they then govern. */
export interface GuardrailTarget {
  id: string;
  name: string;
  kind: "root" | "organizational unit";
  /**
   * ACTIVE member accounts under the target, at any depth. The management account is never counted:
   * SCPs and RCPs do not apply to it.
   */
  accountIds: string[];
}

type Parent = { id: string; name: string };

/** Accounts under each root or OU, at any depth, the management account left out. */
function accountsUnder(snapshot: OrganizationSnapshot): Map<string, string[]> {
  const parentOf = new Map(snapshot.organizationalUnits.map((ou) => [ou.id, ou.parentId]));
  const under = new Map<string, string[]>();
  for (const account of snapshot.accounts) {
    if (account.state !== "ACTIVE" || account.id === snapshot.organization.managementAccountId) continue;
    // The snapshot's parent links are checked to lead to a root, so this walk ends.
    for (let parent: string | undefined = account.parentId; parent; parent = parentOf.get(parent)) {
      under.set(parent, [...(under.get(parent) ?? []), account.id]);
    }
  }
  return under;
}

function describeCandidates(parents: readonly Parent[]): string {
  const listed = parents
    .slice(0, MAX_LISTED_CANDIDATES)
    .map((p) => `${p.id} "${p.name}"`)
    .join("; ");
  const more = parents.length - MAX_LISTED_CANDIDATES;
  return (listed || "none") + (more > 0 ? `; and ${more} more (see \`npm run inventory\`)` : "");
}

/**
 * Resolves `guardrails.targets` against the organization: "root" is every root; otherwise each entry is
 * a root id, an OU id, or an OU name (case-insensitive), as accounts are resolved.
 *
 * @throws ConfigError listing every reference that names no OU, several, or one twice.
 */
export function resolveGuardrailTargets(
  snapshot: OrganizationSnapshot,
  targets: "root" | readonly string[],
  key: string,
): GuardrailTarget[] {
  const under = accountsUnder(snapshot);
  const target = (parent: Parent, kind: GuardrailTarget["kind"]): GuardrailTarget => ({
    id: parent.id,
    name: parent.name,
    kind,
    accountIds: under.get(parent.id) ?? [],
  });
  if (targets === "root") return snapshot.roots.map((root) => target(root, "root"));

  const problems: string[] = [];
  const resolved: GuardrailTarget[] = [];
  targets.forEach((reference, i) => {
    const wanted = reference.trim();
    const root = snapshot.roots.find((r) => r.id === wanted);
    const matches = root
      ? [root]
      : snapshot.organizationalUnits.filter(
          (ou) => ou.id === wanted || ou.name.toLowerCase() === wanted.toLowerCase(),
        );
    if (matches.length === 0) {
      problems.push(
        `${key}[${i}]: no root or OU of ${snapshot.organization.id} has the id or name "${reference}"; OUs: ${describeCandidates(snapshot.organizationalUnits)}`,
      );
    } else if (matches.length > 1) {
      problems.push(
        `${key}[${i}]: "${reference}" names ${matches.length} OUs (${describeCandidates(matches)}); use the OU id`,
      );
    } else if (resolved.some((t) => t.id === matches[0].id)) {
      problems.push(`${key}[${i}]: ${matches[0].id} "${matches[0].name}" is listed twice; list it once`);
    } else {
      resolved.push(target(matches[0], root ? "root" : "organizational unit"));
    }
  });
  if (problems.length > 0) throw new ConfigError(problems);
  return resolved;
}

import { isWildcardPrincipal } from "../../lib/guardrails/exempt-principals";
import { NO_CONFIG } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import { AUTHORIZATION_POLICY_TYPES, exemptedPrincipals, statementsOf } from "../lib/organization-policy";
import { ORGANIZATION_POLICY, isOneOf } from "../lib/resource-types";
import { type RuleResult, compliant, nonCompliant, notApplicable, notKnownYet } from "../lib/result";
import { containsUnknown } from "../lib/unknown";
import { type ResourceView, resourcePolicy } from "../lib/wrap";

const meta: PolicyMeta = {
  name: "guardrail-exemption-wildcard",
  description:
    "No service or resource control policy exempts a wildcard principal (`*`, `arn:aws:iam::*:role/*`) from its denials, which would disable it.",
  enforcementLevel: "mandatory",
  severity: "critical",
  remediationSteps:
    "In the policy's ArnNotLike condition on aws:PrincipalArn (org-governance:guardrails.exemptPrincipals), name the deployment roles, like arn:aws:iam::111122223333:role/OrgGovernanceDeployer, instead of every role.",
  securityHub: [],
  cis: [],
};

export function checkExemptionWildcard(resource: ResourceView): RuleResult {
  if (!isOneOf(resource.type, ORGANIZATION_POLICY)) return notApplicable("not an organization policy");
  const type = resource.props.type;
  if (!(AUTHORIZATION_POLICY_TYPES as readonly unknown[]).includes(type)) {
    return notApplicable(`a ${String(type)}, which exempts no principal`);
  }
  const content = resource.props.content;
  if (containsUnknown(content)) return notKnownYet(`the content of "${resource.name}"`);
  const statements = statementsOf(content);
  if (statements === undefined) return notApplicable("its content is not a JSON policy document");
  for (const statement of statements) {
    const wildcard = exemptedPrincipals(statement).find(isWildcardPrincipal);
    if (wildcard === undefined) continue;
    const sid = typeof statement.Sid === "string" ? `statement "${statement.Sid}"` : "a statement";
    return nonCompliant(
      `${sid} of "${resource.name}" exempts the principal pattern "${wildcard}" from its Deny, which disables it; name the roles that may change the guarded resources instead`,
    );
  }
  return compliant();
}

export const guardrailExemptionWildcard = resourcePolicy(meta, NO_CONFIG, checkExemptionWildcard);

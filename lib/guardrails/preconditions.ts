import type { OrganizationSnapshot } from "../organization/snapshot";
import { MAX_POLICIES_OF_A_TYPE_PER_TARGET, MAX_POLICY_DOCUMENT_CHARACTERS } from "./limits";
import type { GuardrailTarget } from "./targets";

export const SERVICE_CONTROL_POLICY = "SERVICE_CONTROL_POLICY";
export const RESOURCE_CONTROL_POLICY = "RESOURCE_CONTROL_POLICY";
export type GuardrailPolicyType = typeof SERVICE_CONTROL_POLICY | typeof RESOURCE_CONTROL_POLICY;

/** A document the program would create, as compact JSON with the longest ARNs it can hold. */
export interface PlannedGuardrailDocument {
  type: GuardrailPolicyType;
  json: string;
}

export interface GuardrailPreconditionInput {
  organization: OrganizationSnapshot;
  targets: readonly GuardrailTarget[];
  documents: readonly PlannedGuardrailDocument[];
  /** The config key to name in a fix (`org-governance:guardrails`). */
  key: string;
}

const LABEL: Record<GuardrailPolicyType, string> = {
  [SERVICE_CONTROL_POLICY]: "service control policy",
  [RESOURCE_CONTROL_POLICY]: "resource control policy",
};

/**
 * What AWS Organizations would refuse, checked before any resource exists, one line each: an
 * organization without all features, a policy type not enabled on the root, a document over the size
 * limit, a target that already holds the most policies of a type.
 */
export function guardrailPreconditionProblems(input: GuardrailPreconditionInput): string[] {
  const { organization, key } = input;
  const id = organization.organization.id;
  // "Enabling all features for an organization with AWS Organizations": SCPs and RCPs need them.
  if (organization.organization.featureSet !== "ALL") {
    return [
      `${key}: organization ${id} has only consolidated billing features, and SCPs and RCPs need all features; enable them (aws organizations enable-all-features) or set ${key}.enabled false`,
    ];
  }
  const problems: string[] = [];
  const types = [...new Set(input.documents.map((d) => d.type))];
  for (const root of organization.roots) {
    if (root.policyTypes === undefined) {
      problems.push(
        `${key}: the organization snapshot does not record which policy types root ${root.id} has enabled (it predates them); refresh it with \`npm run inventory -- --out <snapshot file>\`, or set ${key}.enabled false`,
      );
      continue;
    }
    for (const type of types) {
      const state = root.policyTypes.find((p) => p.type === type)?.status ?? "not enabled";
      if (state === "ENABLED") continue;
      const optOut = type === RESOURCE_CONTROL_POLICY ? `${key}.resourceControlPolicy` : `${key}.enabled`;
      problems.push(
        `${key}: policy type ${type} is ${state} on root ${root.id}; enable it with \`aws organizations enable-policy-type --root-id ${root.id} --policy-type ${type}\`, or set ${optOut} false`,
      );
    }
  }
  for (const document of input.documents) {
    if (document.json.length > MAX_POLICY_DOCUMENT_CHARACTERS) {
      problems.push(
        `${key}: the guardrail ${LABEL[document.type]} would be ${document.json.length} characters, over the ${MAX_POLICY_DOCUMENT_CHARACTERS} AWS Organizations accepts; list fewer or shorter ${key}.exemptPrincipals`,
      );
    }
  }
  problems.push(...attachmentLimitProblems(input, types));
  return problems;
}

/** Counts recorded in the snapshot for each root and OU; a target without them is not judged. */
function attachmentLimitProblems(input: GuardrailPreconditionInput, types: GuardrailPolicyType[]): string[] {
  const counts = new Map(
    [...input.organization.roots, ...input.organization.organizationalUnits].map((p) => [
      p.id,
      p.attachedPolicyCounts,
    ]),
  );
  const problems: string[] = [];
  for (const target of input.targets) {
    for (const type of types) {
      const attached = counts.get(target.id)?.[type];
      if (attached === undefined || attached + 1 <= MAX_POLICIES_OF_A_TYPE_PER_TARGET) continue;
      problems.push(
        `${input.key}.targets: ${target.kind} ${target.id} "${target.name}" already has ${attached} ${LABEL[type]} attachments, and AWS Organizations allows ${MAX_POLICIES_OF_A_TYPE_PER_TARGET}; detach one, merge two, or target its child OUs`,
      );
    }
  }
  return problems;
}

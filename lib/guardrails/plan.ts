import { CONFIG_NAMESPACE } from "../config/schema";
import { ConfigError, type StackConfig } from "../config/validate";
import { accessLogBucketName, archiveBucketName, bucketArn } from "../naming";
import type { OrganizationSnapshot } from "../organization/snapshot";
import { guardrailResourceControlPolicy } from "../policies/guardrail-resource-control-policy";
import { guardrailServiceControlPolicy } from "../policies/guardrail-service-control-policy";
import { arnLikeMatches } from "./exempt-principals";
import { compactPolicyJson, placeholderKeyArn } from "./limits";
import {
  RESOURCE_CONTROL_POLICY,
  SERVICE_CONTROL_POLICY,
  guardrailPreconditionProblems,
  type PlannedGuardrailDocument,
} from "./preconditions";
import { resolveGuardrailTargets, type GuardrailTarget } from "./targets";

const KEY = `${CONFIG_NAMESPACE}:guardrails`;

/** What the guardrails component creates, decided and checked before any resource. */
export interface GuardrailPlan {
  targets: GuardrailTarget[];
  exemptPrincipals: string[];
  resourceControlPolicy: boolean;
  archiveBucketArn: string;
  accessLogBucketArn: string;
}

export interface GuardrailPlanInput {
  config: Pick<StackConfig, "guardrails" | "partition" | "region">;
  organization: OrganizationSnapshot;
  trailArn: string;
  /** The log-archive account and the role the program deploys it with (the default exemption). */
  archive: { accountId: string; roleArn: string };
}

/**
 * Resolves the targets, fills in the default exemption and checks every limit and precondition of AWS
 * Organizations, so that a guardrail that cannot be created stops the run before anything is built.
 *
 * @returns undefined when the guardrails are switched off.
 * @throws ConfigError listing every problem, one line each.
 */
export function planGuardrails(input: GuardrailPlanInput): GuardrailPlan | undefined {
  const { guardrails, partition, region } = input.config;
  if (!guardrails.enabled) return undefined;
  let targets: GuardrailTarget[] = [];
  const problems: string[] = [];
  try {
    targets = resolveGuardrailTargets(input.organization, guardrails.targets, `${KEY}.targets`);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  const plan: GuardrailPlan = {
    targets,
    exemptPrincipals: guardrails.exemptPrincipals ?? [input.archive.roleArn],
    resourceControlPolicy: guardrails.resourceControlPolicy,
    archiveBucketArn: bucketArn(partition, archiveBucketName(input.archive.accountId, region)),
    accessLogBucketArn: bucketArn(partition, accessLogBucketName(input.archive.accountId, region)),
  };
  // The program itself must stay exempt, or its next run could no longer change the archive.
  if (!plan.exemptPrincipals.some((pattern) => arnLikeMatches(pattern, input.archive.roleArn))) {
    problems.push(
      `${KEY}.exemptPrincipals: none matches ${input.archive.roleArn}, the role this program deploys the archive with, so its next run could not change the archive; add it`,
    );
  }
  problems.push(
    ...guardrailPreconditionProblems({
      organization: input.organization,
      targets,
      documents: plannedDocuments(plan, input),
      key: KEY,
    }),
  );
  if (problems.length > 0) throw new ConfigError(problems);
  return plan;
}

/** The documents with a key ARN of the real length: their size is then exactly what AWS receives. */
function plannedDocuments(plan: GuardrailPlan, input: GuardrailPlanInput): PlannedGuardrailDocument[] {
  const resources = {
    archiveBucketArn: plan.archiveBucketArn,
    accessLogBucketArn: plan.accessLogBucketArn,
    archiveKeyArn: placeholderKeyArn(input.config.partition, input.config.region, input.archive.accountId),
  };
  const documents: PlannedGuardrailDocument[] = [
    {
      type: SERVICE_CONTROL_POLICY,
      json: compactPolicyJson(
        guardrailServiceControlPolicy({
          ...resources,
          trailArn: input.trailArn,
          exemptPrincipals: plan.exemptPrincipals,
        }),
      ),
    },
  ];
  if (plan.resourceControlPolicy) {
    documents.push({
      type: RESOURCE_CONTROL_POLICY,
      json: compactPolicyJson(
        guardrailResourceControlPolicy({ ...resources, organizationId: input.organization.organization.id }),
      ),
    });
  }
  return documents;
}

/** SCPs and RCPs never reach the management account: said once in the plan and in the stack outputs. */
export const MANAGEMENT_ACCOUNT_NOTICE =
  "SCPs and RCPs do not apply to the management account, its resources or service-linked roles: the trail and its log group there stay protected only by the alarms and the policy pack.";

/** The stack output the plan prints: which targets get which policy, and how many accounts each covers. */
export function guardrailSummary(plan: GuardrailPlan) {
  const targets = plan.targets.map((t) => ({
    id: t.id,
    name: t.name,
    kind: t.kind,
    accounts: t.accountIds.length,
  }));
  return {
    policies: [SERVICE_CONTROL_POLICY, ...(plan.resourceControlPolicy ? [RESOURCE_CONTROL_POLICY] : [])],
    targets,
    exemptPrincipals: plan.exemptPrincipals,
    notice: MANAGEMENT_ACCOUNT_NOTICE,
  };
}

import * as organizations from "@pulumi/aws/organizations";
import * as pulumi from "@pulumi/pulumi";
import { compactPolicyJson } from "../lib/guardrails/limits";
import { RESOURCE_CONTROL_POLICY, SERVICE_CONTROL_POLICY } from "../lib/guardrails/preconditions";
import type { GuardrailTarget } from "../lib/guardrails/targets";
import { guardrailResourceControlPolicy } from "../lib/policies/guardrail-resource-control-policy";
import { guardrailServiceControlPolicy } from "../lib/policies/guardrail-service-control-policy";

export interface GuardrailsArgs {
  organizationId: string;
  archiveBucketArn: string;
  accessLogBucketArn: string;
  /** Known once the key exists: the documents are written when it is. */
  archiveKeyArn: pulumi.Input<string>;
  trailArn: string;
  /** `aws:PrincipalArn` patterns still allowed the guarded actions. */
  exemptPrincipals: string[];
  /** Roots and OUs to attach both policies to, resolved and checked beforehand (`planGuardrails`). */
  targets: Pick<GuardrailTarget, "id" | "name">[];
  /**
   * Also attach the resource control policy, the archive's data perimeter.
   * @default true
   */
  resourceControlPolicy?: boolean;
}

/** The names AWS Organizations shows for the two policies. */
export const SERVICE_CONTROL_POLICY_NAME = "org-governance-protect-audit-trail";
export const RESOURCE_CONTROL_POLICY_NAME = "org-governance-audit-archive-perimeter";

/**
 * Preventive guardrails, created in the management account: a service control policy that keeps
 * member accounts from weakening the trail and its archive or leaving the organization, and a
 * resource control policy that keeps the archive inside the organization, each attached to every target.
 */
export class Guardrails extends pulumi.ComponentResource {
  readonly serviceControlPolicy: organizations.Policy;
  readonly resourceControlPolicy?: organizations.Policy;
  readonly attachments: organizations.PolicyAttachment[] = [];

  constructor(name: string, args: GuardrailsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("org-governance:index:Guardrails", name, {}, opts);
    const resources = pulumi.output(args.archiveKeyArn).apply((archiveKeyArn) => ({
      archiveBucketArn: args.archiveBucketArn,
      accessLogBucketArn: args.accessLogBucketArn,
      archiveKeyArn,
    }));

    const scp: organizations.PolicyArgs = {
      name: SERVICE_CONTROL_POLICY_NAME,
      description: "Keeps the organization trail and its archive from being stopped, weakened or deleted",
      type: SERVICE_CONTROL_POLICY,
      content: resources.apply((r) =>
        compactPolicyJson(
          guardrailServiceControlPolicy({
            ...r,
            trailArn: args.trailArn,
            exemptPrincipals: args.exemptPrincipals,
          }),
        ),
      ),
    };
    this.serviceControlPolicy = new organizations.Policy(`${name}-scp`, scp, { parent: this });
    this.attach(`${name}-scp`, this.serviceControlPolicy, args.targets);

    if (args.resourceControlPolicy ?? true) {
      const rcp: organizations.PolicyArgs = {
        name: RESOURCE_CONTROL_POLICY_NAME,
        description: "Lets only this organization, over TLS, reach the audit archive and its key",
        type: RESOURCE_CONTROL_POLICY,
        content: resources.apply((r) =>
          compactPolicyJson(guardrailResourceControlPolicy({ ...r, organizationId: args.organizationId })),
        ),
      };
      this.resourceControlPolicy = new organizations.Policy(`${name}-rcp`, rcp, { parent: this });
      this.attach(`${name}-rcp`, this.resourceControlPolicy, args.targets);
    }
    this.registerOutputs({
      serviceControlPolicyId: this.serviceControlPolicy.id,
      resourceControlPolicyId: this.resourceControlPolicy?.id,
    });
  }

  private attach(prefix: string, policy: organizations.Policy, targets: GuardrailsArgs["targets"]): void {
    for (const target of targets) {
      const attachment: organizations.PolicyAttachmentArgs = { policyId: policy.id, targetId: target.id };
      this.attachments.push(
        new organizations.PolicyAttachment(`${prefix}-${target.id}`, attachment, { parent: this }),
      );
    }
  }
}

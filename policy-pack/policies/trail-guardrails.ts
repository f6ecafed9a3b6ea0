import { NO_CONFIG } from "../lib/config";
import type { PolicyMeta } from "../lib/metadata";
import { deniesAction, isAttached, organizationPolicies, statementsOf } from "../lib/organization-policy";
import { BUCKET, TRAIL } from "../lib/resource-types";
import { type Finding, at, compliant, nonCompliant, notApplicable, notKnownYet } from "../lib/result";
import { type Stack, type StackResource, label, ofType } from "../lib/stack";
import { containsUnknown } from "../lib/unknown";
import { stackPolicy } from "../lib/wrap";

/** What a guardrail must deny to protect the trail and its archive: stopping the one, deleting the other. */
export const PROTECTING_ACTIONS = [
  "cloudtrail:StopLogging",
  "cloudtrail:DeleteTrail",
  "s3:DeleteBucket",
  "s3:PutBucketPolicy",
] as const;

const meta: PolicyMeta = {
  name: "trail-guardrails",
  description:
    "A stack that creates an organization trail and its archive also attaches a service control policy that keeps member accounts from stopping the trail or weakening the archive.",
  enforcementLevel: "advisory",
  severity: "high",
  remediationSteps:
    "Leave org-governance:guardrails on (the default), or create an aws.organizations.Policy of type SERVICE_CONTROL_POLICY that denies cloudtrail:StopLogging, cloudtrail:DeleteTrail, s3:DeleteBucket and s3:PutBucketPolicy on them, and attach it with aws.organizations.PolicyAttachment.",
  securityHub: [],
  cis: [],
};

export function checkTrailGuardrails(stack: Stack): Finding[] {
  const trails = ofType(stack, TRAIL).filter((trail) => trail.props.isOrganizationTrail === true);
  if (trails.length === 0) return [notApplicable("the stack creates no organization trail")];
  return trails.map((trail) => at(trail.urn, judgeTrail(stack, trail)));
}

function judgeTrail(stack: Stack, trail: StackResource) {
  const bucketName = trail.props.s3BucketName;
  const archived = ofType(stack, BUCKET).some(
    (bucket) =>
      trail.propertyDependencies.s3BucketName?.includes(bucket.urn) === true ||
      (bucketName !== undefined && bucket.props.bucket === bucketName),
  );
  if (!archived) return notApplicable(`the archive bucket of ${label(trail)} is not created by this stack`);
  const attached = organizationPolicies(stack, "SERVICE_CONTROL_POLICY").filter((p) => isAttached(stack, p));
  if (attached.some((policy) => protects(policy.props.content))) return compliant();
  const pending = attached.find((policy) => containsUnknown(policy.props.content));
  if (pending) return notKnownYet(`the content of ${label(pending)}`);
  return nonCompliant(
    `${label(trail)} and its archive are protected by no attached service control policy that denies ${PROTECTING_ACTIONS.join(", ")}; a member account (a CloudTrail delegated administrator, the log-archive account's administrators) can stop the trail or delete the archive`,
  );
}

function protects(content: unknown): boolean {
  const statements = statementsOf(content);
  return statements !== undefined && PROTECTING_ACTIONS.every((action) => deniesAction(statements, action));
}

export const trailGuardrails = stackPolicy(meta, NO_CONFIG, checkTrailGuardrails);

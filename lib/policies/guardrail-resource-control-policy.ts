import { policyDocument, PolicyDocument, PolicyStatement } from "./document";
import type { GuardedResources } from "./guardrail-service-control-policy";

export interface GuardrailResourceControlPolicyArgs extends Omit<GuardedResources, "trailArn"> {
  organizationId: string;
}

/** The services whose resources the perimeter covers; RCPs apply to S3 buckets and KMS keys. */
export const PERIMETER_ACTIONS = ["s3:*", "kms:*"] as const;

/**
 * The resource control policy: a data perimeter around the archive, its access-log bucket and its key.
 * Only principals of this organization, or AWS services acting for it, reach them, and only over TLS.
 * It holds whatever a bucket or key policy says, since the evaluation denies what an RCP denies
 * ("Resource control policies (RCPs)", AWS Organizations User Guide).
 */
export function guardrailResourceControlPolicy(args: GuardrailResourceControlPolicyArgs): PolicyDocument {
  const Resource = [
    args.archiveBucketArn,
    `${args.archiveBucketArn}/*`,
    args.accessLogBucketArn,
    `${args.accessLogBucketArn}/*`,
    args.archiveKeyArn,
  ];
  // RCPs accept only Principal "*" and Effect Deny ("RCP syntax", AWS Organizations User Guide).
  const deny = (Sid: string, Condition: PolicyStatement["Condition"]): PolicyStatement => ({
    Sid,
    Effect: "Deny",
    Principal: "*",
    Action: [...PERIMETER_ACTIONS],
    Resource,
    Condition,
  });
  return policyDocument(
    // IfExists: a service principal carries no aws:PrincipalOrgID; the next statement judges those.
    deny("ArchiveOrganizationPrincipalsOnly", {
      StringNotEqualsIfExists: { "aws:PrincipalOrgID": args.organizationId },
      BoolIfExists: { "aws:PrincipalIsAWSService": "false" },
    }),
    // A service sets aws:SourceOrgID when it acts for a resource of an account in an organization
    // (CloudTrail delivering the organization trail, S3 delivering server access logs); a request
    // without aws:SourceAccount is a service acting for itself and is left alone.
    deny("ArchiveServicesForOrganizationOnly", {
      StringNotEqualsIfExists: { "aws:SourceOrgID": args.organizationId },
      Null: { "aws:SourceAccount": "false" },
      Bool: { "aws:PrincipalIsAWSService": "true" },
    }),
    deny("ArchiveTlsOnly", { BoolIfExists: { "aws:SecureTransport": "false" } }),
  );
}

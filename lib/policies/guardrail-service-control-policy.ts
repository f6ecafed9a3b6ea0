import { policyDocument, PolicyDocument, PolicyStatement } from "./document";

/** What the guardrails protect, by ARN. The key's ARN is known only once the key exists. */
export interface GuardedResources {
  archiveBucketArn: string;
  accessLogBucketArn: string;
  archiveKeyArn: string;
  /** The organization trail, in the management account; a delegated administrator could change it. */
  trailArn: string;
}

export interface GuardrailServiceControlPolicyArgs extends GuardedResources {
  /** ARN patterns (`aws:PrincipalArn`) still allowed the guarded actions: the deployment role. */
  exemptPrincipals: readonly string[];
}

/**
 * Bucket settings an administrator of the log-archive account could weaken (Control Tower's "Disallow
 * changes to bucket policy / encryption / lifecycle / logging" and "Disallow deletion of log archive").
 * IAM names a removal after its setter: `s3:PutLifecycleConfiguration` also governs DeleteBucketLifecycle,
 * `s3:PutEncryptionConfiguration` DeleteBucketEncryption, `s3:PutBucketPublicAccessBlock`
 * DeletePublicAccessBlock and `s3:PutBucketOwnershipControls` DeleteBucketOwnershipControls.
 */
export const GUARDED_BUCKET_ACTIONS = [
  "s3:DeleteBucket",
  "s3:PutBucketPolicy",
  "s3:DeleteBucketPolicy",
  "s3:PutEncryptionConfiguration",
  "s3:PutLifecycleConfiguration",
  "s3:PutBucketVersioning",
  "s3:PutBucketObjectLockConfiguration",
  "s3:PutBucketLogging",
  "s3:PutBucketPublicAccessBlock",
  "s3:PutBucketOwnershipControls",
  "s3:PutBucketAcl",
  // A replication rule copies every new log to a bucket outside the archive's protection.
  "s3:PutReplicationConfiguration",
] as const;

/** Object actions that destroy or unlock logs: Object Lock in GOVERNANCE mode yields to the bypass. */
export const GUARDED_OBJECT_ACTIONS = ["s3:BypassGovernanceRetention", "s3:DeleteObjectVersion"] as const;

/**
 * Key actions that make every archived log unreadable (deletion, disabling) or readable by someone new
 * (a rewritten key policy, a grant). Object Lock keeps the ciphertext, never the key.
 */
export const GUARDED_KEY_ACTIONS = [
  "kms:ScheduleKeyDeletion",
  "kms:DisableKey",
  "kms:PutKeyPolicy",
  "kms:DisableKeyRotation",
  "kms:CreateGrant",
] as const;

/** Control Tower's "Disallow changes to CloudTrail", on the organization trail only. */
export const GUARDED_TRAIL_ACTIONS = [
  "cloudtrail:StopLogging",
  "cloudtrail:DeleteTrail",
  "cloudtrail:UpdateTrail",
  "cloudtrail:PutEventSelectors",
  "cloudtrail:PutInsightSelectors",
] as const;

export const LEAVE_ORGANIZATION_ACTION = "organizations:LeaveOrganization";

/** Every action the service control policy denies, for the tests and the docs. */
export const GUARDED_ACTIONS = [
  ...GUARDED_BUCKET_ACTIONS,
  ...GUARDED_OBJECT_ACTIONS,
  ...GUARDED_KEY_ACTIONS,
  ...GUARDED_TRAIL_ACTIONS,
  LEAVE_ORGANIZATION_ACTION,
] as const;

/**
 * The service control policy: every principal of the targeted member accounts but the exempt ones is
 * denied the actions above on the archive, its access-log bucket, its key and the organization trail,
 * and no one may take an account out of the organization. SCPs never reach the management account,
 * its resources or service-linked roles.
 */
export function guardrailServiceControlPolicy(args: GuardrailServiceControlPolicyArgs): PolicyDocument {
  const unlessExempt = { ArnNotLike: { "aws:PrincipalArn": [...args.exemptPrincipals] } };
  const guard = (Sid: string, Action: readonly string[], Resource: string[]): PolicyStatement => ({
    Sid,
    Effect: "Deny",
    Action: [...Action],
    Resource,
    Condition: unlessExempt,
  });
  const buckets = [args.archiveBucketArn, args.accessLogBucketArn];
  return policyDocument(
    guard("ProtectArchiveBuckets", GUARDED_BUCKET_ACTIONS, buckets),
    guard(
      "ProtectArchivedLogs",
      GUARDED_OBJECT_ACTIONS,
      buckets.map((arn) => `${arn}/*`),
    ),
    guard("ProtectArchiveKey", GUARDED_KEY_ACTIONS, [args.archiveKeyArn]),
    guard("ProtectOrganizationTrail", GUARDED_TRAIL_ACTIONS, [args.trailArn]),
    // No exemption: an exempt role of the log-archive account could otherwise take the archive out of
    // the organization. The management account removes accounts with RemoveAccountFromOrganization.
    { Sid: "DenyLeavingOrganization", Effect: "Deny", Action: LEAVE_ORGANIZATION_ACTION, Resource: "*" },
  );
}

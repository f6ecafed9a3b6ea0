import { denyInsecureTransport, policyDocument, PolicyDocument } from "./document";

export interface ArchiveBucketPolicyArgs {
  bucketArn: string;
  trailArn: string;
  organizationId: string;
  managementAccountId: string;
}

/**
 * The archive bucket's policy. CloudTrail writes an organization trail's logs under both
 * `AWSLogs/<organizationId>/` (member accounts) and `AWSLogs/<managementAccountId>/` (the management
 * account), and checks this policy when the trail is created. Its writes are pinned with `aws:SourceArn`
 * to this one trail: `aws:PrincipalOrgID` does not apply to service principals.
 */
export function archiveBucketPolicy(args: ArchiveBucketPolicyArgs): PolicyDocument {
  const fromThisTrail = { StringEquals: { "aws:SourceArn": args.trailArn } };
  return policyDocument(
    {
      Sid: "CloudTrailAclCheck",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:GetBucketAcl",
      Resource: args.bucketArn,
      Condition: fromThisTrail,
    },
    {
      Sid: "CloudTrailWrite",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: [
        `${args.bucketArn}/AWSLogs/${args.managementAccountId}/*`,
        `${args.bucketArn}/AWSLogs/${args.organizationId}/*`,
      ],
      Condition: {
        StringEquals: { "aws:SourceArn": args.trailArn, "s3:x-amz-acl": "bucket-owner-full-control" },
      },
    },
    denyInsecureTransport(args.bucketArn),
    {
      Sid: "DenyBucketDeletion",
      Effect: "Deny",
      Principal: "*",
      Action: "s3:DeleteBucket",
      Resource: args.bucketArn,
    },
  );
}

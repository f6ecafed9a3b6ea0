import { denyInsecureTransport, policyDocument, PolicyDocument } from "./document";

export interface ArchiveBucketPolicyArgs {
  bucketArn: string;
  trailArn: string;
  organizationId: string;
  managementAccountId: string;
}

/**
 * The archive bucket's policy. An organization trail writes every account's logs, the management
 * account's included, under `AWSLogs/<organizationId>/<accountId>/` ("Amazon S3 bucket policy for
 * CloudTrail", section on organization trails); CloudTrail checks this policy when the trail is created.
 * Its writes are pinned with `aws:SourceArn` to this one trail: `aws:PrincipalOrgID` does not apply to
 * service principals.
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
        `${args.bucketArn}/AWSLogs/${args.organizationId}/*`,
        // The layout of a trail that is not (or no longer) an organization trail. Kept so that delivery
        // goes on, still pinned to this trail's ARN, if the trail is ever converted back to a single-account
        // trail (UpdateTrail with IsOrganizationTrail false), as AWS's organization-trail example also does.
        `${args.bucketArn}/AWSLogs/${args.managementAccountId}/*`,
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

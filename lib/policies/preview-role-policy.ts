import { type PolicyDocument, policyDocument } from "./document";
import { roleArn } from "../naming";

/**
 * The AWS Organizations calls the program makes when a stack reads the live organization (no
 * `organization.snapshotFile`): `lib/organization/inventory` lists the organization and nothing else.
 */
export const ORGANIZATION_READ_ACTIONS = [
  "organizations:DescribeOrganization",
  "organizations:ListAWSServiceAccessForOrganization",
  "organizations:ListAccountsForParent",
  "organizations:ListDelegatedAdministrators",
  "organizations:ListOrganizationalUnitsForParent",
  // The SCPs and RCPs attached to each root, so the guardrails' five-policy limit is judged before a deployment.
  "organizations:ListPoliciesForTarget",
  "organizations:ListRoots",
] as const;

export interface PreviewRoleArgs {
  partition: string;
  logArchiveAccountId: string;
  /** `org-governance:logArchive.roleName`. */
  logArchiveRoleName: string;
}

/**
 * The permissions policy of the role the pull-request workflow's `pulumi preview` runs as, in the
 * management account: read the organization, and assume the log-archive role, which the log-archive
 * provider does when it is configured (even in a preview). `sts:GetCallerIdentity`, which each provider
 * calls to check `allowedAccountIds`, needs no permission.
 */
export function previewRolePolicy(args: PreviewRoleArgs): PolicyDocument {
  return policyDocument(
    {
      Sid: "ReadTheOrganization",
      Effect: "Allow",
      Action: [...ORGANIZATION_READ_ACTIONS],
      Resource: "*",
    },
    {
      Sid: "AssumeTheLogArchiveRole",
      Effect: "Allow",
      Action: "sts:AssumeRole",
      Resource: roleArn(args.partition, args.logArchiveAccountId, args.logArchiveRoleName),
    },
  );
}

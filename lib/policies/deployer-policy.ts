import { policyDocument, PolicyDocument } from "./document";

export interface DeployerPolicyArgs {
  partition: string;
  region: string;
  managementAccountId: string;
  trailName: string;
  /** The role the program assumes in the log-archive account. */
  logArchiveRoleArn: string;
}

/**
 * The least-privilege identity policy of the principal that runs `pulumi up` in the management account,
 * scoped to the names this program uses. Published in docs/first-deploy.md; a test checks every action
 * against the Service Authorization Reference and simulates the grants that matter.
 */
export function deployerPolicy(args: DeployerPolicyArgs): PolicyDocument {
  const { partition, region, managementAccountId: account, trailName } = args;
  const arn = (service: string, resource: string, where = `${region}:${account}`) =>
    `arn:${partition}:${service}:${where}:${resource}`;
  const deliveryRole = `arn:${partition}:iam::${account}:role/${trailName}-cloudwatch-logs`;
  return policyDocument(
    {
      // Reading the organization: accounts, OUs, tags, trusted access and delegated administrators.
      Sid: "ReadOrganization",
      Effect: "Allow",
      Action: [
        "organizations:DescribeOrganization",
        "organizations:ListRoots",
        "organizations:ListOrganizationalUnitsForParent",
        "organizations:ListAccountsForParent",
        "organizations:ListTagsForResource",
        "organizations:ListAWSServiceAccessForOrganization",
        "organizations:ListDelegatedAdministrators",
        // The SCPs and RCPs attached to each root (the guardrails' five-policy limit).
        "organizations:ListPoliciesForTarget",
        // CloudTrail checks these with the caller's credentials when it creates an organization trail.
        "organizations:ListAccounts",
        "organizations:DescribeAccount",
      ],
      Resource: "*",
    },
    {
      Sid: "ManageTheTrail",
      Effect: "Allow",
      Action: [
        "cloudtrail:CreateTrail",
        "cloudtrail:UpdateTrail",
        "cloudtrail:DeleteTrail",
        "cloudtrail:StartLogging",
        "cloudtrail:StopLogging",
        "cloudtrail:GetTrail",
        "cloudtrail:GetTrailStatus",
        "cloudtrail:PutEventSelectors",
        "cloudtrail:GetEventSelectors",
        "cloudtrail:PutInsightSelectors",
        "cloudtrail:GetInsightSelectors",
        "cloudtrail:AddTags",
        "cloudtrail:RemoveTags",
        "cloudtrail:ListTags",
      ],
      Resource: arn("cloudtrail", `trail/${trailName}`),
    },
    {
      Sid: "DescribeTrails",
      Effect: "Allow",
      Action: ["cloudtrail:DescribeTrails", "cloudtrail:ListTrails"],
      Resource: "*",
    },
    {
      // An organization trail needs CloudTrail's service-linked role; CreateTrail creates it with the
      // caller's permissions the first time.
      Sid: "CreateCloudTrailServiceLinkedRole",
      Effect: "Allow",
      Action: ["iam:CreateServiceLinkedRole", "iam:GetRole"],
      Resource: `arn:${partition}:iam::${account}:role/aws-service-role/cloudtrail.amazonaws.com/AWSServiceRoleForCloudTrail`,
      Condition: { StringEquals: { "iam:AWSServiceName": "cloudtrail.amazonaws.com" } },
    },
    {
      Sid: "ManageTheDeliveryRole",
      Effect: "Allow",
      Action: [
        "iam:CreateRole",
        "iam:GetRole",
        "iam:DeleteRole",
        "iam:UpdateRole",
        "iam:UpdateAssumeRolePolicy",
        "iam:PutRolePolicy",
        "iam:GetRolePolicy",
        "iam:DeleteRolePolicy",
        "iam:ListRolePolicies",
        "iam:ListAttachedRolePolicies",
        "iam:ListInstanceProfilesForRole",
        "iam:TagRole",
        "iam:UntagRole",
      ],
      Resource: deliveryRole,
    },
    {
      // CreateTrail and UpdateTrail pass the delivery role to CloudTrail: only that role, only to CloudTrail.
      Sid: "PassTheDeliveryRoleToCloudTrail",
      Effect: "Allow",
      Action: "iam:PassRole",
      Resource: deliveryRole,
      Condition: { StringEquals: { "iam:PassedToService": "cloudtrail.amazonaws.com" } },
    },
    {
      Sid: "ManageTheLogGroupAndFilters",
      Effect: "Allow",
      Action: [
        "logs:CreateLogGroup",
        "logs:DeleteLogGroup",
        "logs:PutRetentionPolicy",
        "logs:DeleteRetentionPolicy",
        "logs:AssociateKmsKey",
        "logs:DisassociateKmsKey",
        "logs:PutLogGroupDeletionProtection",
        "logs:TagResource",
        "logs:UntagResource",
        "logs:ListTagsForResource",
        "logs:PutMetricFilter",
        "logs:DeleteMetricFilter",
      ],
      Resource: arn("logs", `log-group:/org-governance/cloudtrail/${trailName}*`),
    },
    {
      Sid: "DescribeLogGroups",
      Effect: "Allow",
      Action: ["logs:DescribeLogGroups", "logs:DescribeMetricFilters"],
      Resource: "*",
    },
    {
      Sid: "CreateKeys",
      Effect: "Allow",
      Action: ["kms:CreateKey", "kms:ListAliases"],
      Resource: "*",
    },
    {
      Sid: "ManageKeysAndAliases",
      Effect: "Allow",
      Action: [
        "kms:DescribeKey",
        "kms:GetKeyPolicy",
        "kms:PutKeyPolicy",
        "kms:EnableKeyRotation",
        "kms:GetKeyRotationStatus",
        "kms:ListResourceTags",
        "kms:TagResource",
        "kms:UntagResource",
        "kms:ScheduleKeyDeletion",
        "kms:CreateAlias",
        "kms:UpdateAlias",
        "kms:DeleteAlias",
      ],
      Resource: [arn("kms", "key/*"), arn("kms", "alias/org-*")],
    },
    {
      Sid: "ManageTopics",
      Effect: "Allow",
      Action: [
        "sns:CreateTopic",
        "sns:DeleteTopic",
        "sns:GetTopicAttributes",
        "sns:SetTopicAttributes",
        "sns:Subscribe",
        "sns:Unsubscribe",
        "sns:GetSubscriptionAttributes",
        "sns:TagResource",
        "sns:ListTagsForResource",
      ],
      Resource: [arn("sns", "org-governance-*"), arn("sns", `${trailName}-*`)],
    },
    {
      Sid: "ManageAlarms",
      Effect: "Allow",
      Action: [
        "cloudwatch:PutMetricAlarm",
        "cloudwatch:DeleteAlarms",
        "cloudwatch:DescribeAlarms",
        "cloudwatch:TagResource",
        "cloudwatch:ListTagsForResource",
      ],
      Resource: arn("cloudwatch", "alarm:org-governance-*"),
    },
    {
      // The guardrails (service and resource control policies) and where they are attached. Organizations
      // names a policy by an id it chooses at creation, so the policy ARNs cannot be known in advance.
      Sid: "ManageTheGuardrails",
      Effect: "Allow",
      Action: [
        "organizations:CreatePolicy",
        "organizations:UpdatePolicy",
        "organizations:DeletePolicy",
        "organizations:DescribePolicy",
        "organizations:AttachPolicy",
        "organizations:DetachPolicy",
        "organizations:ListPoliciesForTarget",
        "organizations:ListTargetsForPolicy",
        "organizations:TagResource",
        "organizations:UntagResource",
      ],
      Resource: "*",
    },
    {
      // trail.delegatedAdministrator: CloudTrail registers the account with Organizations itself.
      Sid: "RegisterCloudTrailDelegatedAdministrator",
      Effect: "Allow",
      Action: [
        "cloudtrail:RegisterOrganizationDelegatedAdmin",
        "cloudtrail:DeregisterOrganizationDelegatedAdmin",
        "organizations:RegisterDelegatedAdministrator",
        "organizations:DeregisterDelegatedAdministrator",
      ],
      Resource: "*",
    },
    {
      Sid: "AssumeTheLogArchiveRole",
      Effect: "Allow",
      Action: "sts:AssumeRole",
      Resource: args.logArchiveRoleArn,
    },
  );
}

import { callsOn } from "./required-calls";
import type { MonitoringControl } from "./types";
import {
  apiCall,
  assumedRole,
  consoleLogin,
  iamUser,
  ordinaryActivity,
  rootUser,
  VECTOR_ACCOUNT_ID,
} from "./vectors";

// Patterns are copied character for character from the Security Hub user guide (CloudWatch.1-14
// remediation steps); Security Hub fails the control on any other wording, so never reformat them.

export const unauthorizedApiCalls: MonitoringControl = {
  id: "unauthorized-api-calls",
  title: "Unauthorized API calls",
  cis: { v1_4: "4.1", v3_0: "4.1" },
  securityHub: "CloudWatch.2",
  // Not the CIS v1.4 text: that one ORs in `$.sourceIPAddress != ...` and `$.eventName != HeadBucket`,
  // which are true for nearly every record and turn the alarm into a call counter.
  filterPattern: '{($.errorCode="*UnauthorizedOperation") || ($.errorCode="AccessDenied*")}',
  metricName: "UnauthorizedApiCalls",
  trigger: "`errorCode` ends in `UnauthorizedOperation` or starts with `AccessDenied`",
  rationale:
    "A burst of denied calls is how stolen credentials look while someone probes what they can do; it also " +
    "surfaces broken deployments that retry against missing permissions.",
  set: "cis",
  // CIS v1.2.0 3.1, v1.4.0-v5.0.0 4.1 and CloudWatch.2: any call refused with an error code ending in
  // "UnauthorizedOperation" (EC2's spelling) or starting with "AccessDenied" (everyone else's), whatever
  // the call, the service or who made it. CIS v1.5.0 onwards leaves out HeadBucket and calls from
  // delivery.logs.amazonaws.com, so neither is required here.
  requires: [
    {
      eventSource: "ec2.amazonaws.com",
      eventName: "RunInstances",
      errorCode: "Client.UnauthorizedOperation",
    },
    {
      eventSource: "ec2.amazonaws.com",
      eventName: "GetPasswordData",
      errorCode: "Client.UnauthorizedOperation",
    },
    { eventSource: "ec2.amazonaws.com", eventName: "DescribeInstances", errorCode: "UnauthorizedOperation" },
    { eventSource: "iam.amazonaws.com", eventName: "CreateUser", errorCode: "AccessDenied" },
    { eventSource: "s3.amazonaws.com", eventName: "PutBucketPolicy", errorCode: "AccessDenied" },
    { eventSource: "kms.amazonaws.com", eventName: "Decrypt", errorCode: "AccessDeniedException" },
    {
      eventSource: "organizations.amazonaws.com",
      eventName: "LeaveOrganization",
      errorCode: "AccessDeniedException",
    },
    { eventSource: "sts.amazonaws.com", eventName: "AssumeRole", errorCode: "AccessDenied" },
  ],
  vectors: {
    matches: [
      apiCall("ec2.amazonaws.com", "GetPasswordData", {
        userIdentity: assumedRole(),
        errorCode: "Client.UnauthorizedOperation",
        errorMessage: "You are not authorized to perform this operation.",
      }),
      apiCall("organizations.amazonaws.com", "LeaveOrganization", {
        userIdentity: assumedRole("workload-admin"),
        errorCode: "AccessDenied",
      }),
      apiCall("kms.amazonaws.com", "Decrypt", { errorCode: "AccessDeniedException" }),
    ],
    ignores: [
      ...ordinaryActivity(),
      // The CIS v1.4 wording matches this ordinary call; the Security Hub wording must not.
      apiCall("ec2.amazonaws.com", "DescribeSecurityGroups", { sourceIPAddress: "203.0.113.9" }),
      apiCall("iam.amazonaws.com", "DeleteLoginProfile", {
        errorCode: "EntityTemporarilyUnmodifiableException",
        requestParameters: { userName: "bob" },
      }),
      apiCall("ec2.amazonaws.com", "DescribeInstances", { errorCode: "Client.RequestLimitExceeded" }),
    ],
  },
};

export const consoleSignInWithoutMfa: MonitoringControl = {
  id: "console-signin-without-mfa",
  title: "Management Console sign-in without MFA",
  cis: { v1_4: "4.2", v3_0: "4.2" },
  securityHub: "CloudWatch.3",
  filterPattern:
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  metricName: "ConsoleSignInWithoutMfa",
  trigger: "successful `ConsoleLogin` by an IAM user with `MFAUsed` other than `Yes`",
  rationale:
    "A password alone opened the console for an IAM user; either MFA enforcement has a hole or a phished " +
    "password is being used.",
  set: "cis",
  // CIS v1.2.0 3.2, v1.4.0-v5.0.0 4.2 and CloudWatch.3: a console sign-in by an IAM user that succeeded
  // without MFA (CloudTrail writes `additionalEventData.MFAUsed: "No"`).
  requires: [
    {
      eventSource: "signin.amazonaws.com",
      eventName: "ConsoleLogin",
      principal: "IAMUser",
      signIn: { outcome: "Success", mfaUsed: false },
    },
  ],
  vectors: {
    matches: [consoleLogin({ mfaUsed: false, outcome: "Success" })],
    ignores: [
      ...ordinaryActivity(),
      consoleLogin({ mfaUsed: false, outcome: "Failure" }),
      // Identity Center users sign in as assumed roles; MFA happens at the identity provider.
      consoleLogin({ mfaUsed: false, outcome: "Success", userIdentity: assumedRole("AWSReservedSSO_Admin") }),
      // Root sign-ins are the business of root-account-usage.
      consoleLogin({ mfaUsed: false, outcome: "Success", userIdentity: rootUser() }),
    ],
  },
};

export const rootAccountUsage: MonitoringControl = {
  id: "root-account-usage",
  title: "Usage of the root user",
  cis: { v1_4: "4.3", v3_0: "4.3" },
  securityHub: "CloudWatch.1",
  filterPattern:
    '{$.userIdentity.type="Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !="AwsServiceEvent"}',
  metricName: "RootAccountUsage",
  trigger: "any call or sign-in by the root user that no AWS service made on its behalf",
  rationale:
    "The root user bypasses IAM and SCP guardrails in its own account; with day-to-day work done through " +
    "roles, any root activity is either a rare break-glass task or a compromise.",
  set: "cis",
  // CIS v1.2.0 3.3, v1.4.0-v5.0.0 4.3 and CloudWatch.1: anything the root user does itself, console
  // sign-in or API call, read or write, allowed or refused (only calls an AWS service makes on the root
  // user's behalf are left out).
  requires: [
    {
      eventSource: "signin.amazonaws.com",
      eventName: "ConsoleLogin",
      principal: "Root",
      signIn: { outcome: "Success", mfaUsed: true },
    },
    {
      eventSource: "signin.amazonaws.com",
      eventName: "ConsoleLogin",
      principal: "Root",
      signIn: { outcome: "Success", mfaUsed: false },
    },
    { eventSource: "iam.amazonaws.com", eventName: "CreateAccessKey", principal: "Root" },
    { eventSource: "s3.amazonaws.com", eventName: "ListBuckets", principal: "Root" },
    {
      eventSource: "organizations.amazonaws.com",
      eventName: "LeaveOrganization",
      principal: "Root",
      errorCode: "AccessDeniedException",
    },
  ],
  vectors: {
    matches: [
      consoleLogin({ mfaUsed: true, outcome: "Success", userIdentity: rootUser() }),
      apiCall("iam.amazonaws.com", "CreateAccessKey", { userIdentity: rootUser() }),
    ],
    ignores: [
      ...ordinaryActivity(),
      apiCall("iam.amazonaws.com", "GetAccountSummary", {
        userIdentity: rootUser(VECTOR_ACCOUNT_ID, "support.amazonaws.com"),
      }),
      apiCall("kms.amazonaws.com", "RotateKey", {
        userIdentity: rootUser(),
        eventType: "AwsServiceEvent",
        sourceIPAddress: "kms.amazonaws.com",
      }),
    ],
  },
};

export const iamPolicyChanges: MonitoringControl = {
  id: "iam-policy-changes",
  title: "IAM policy changes",
  cis: { v1_4: "4.4", v3_0: "4.4" },
  securityHub: "CloudWatch.4",
  filterPattern:
    "{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy)}",
  metricName: "IamPolicyChanges",
  trigger: "creating, versioning, deleting, putting, attaching or detaching IAM policies",
  rationale:
    "Granting a principal more permissions is the shortest path from a foothold to administrator; every " +
    "policy edit should be explainable by a change request.",
  set: "cis",
  // CIS v1.2.0 3.4, v1.4.0-v5.0.0 4.4 and CloudWatch.4: the sixteen IAM policy calls they list.
  requires: callsOn(
    "iam.amazonaws.com",
    ...["DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy"],
    ...["PutUserPolicy", "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion"],
    ...["AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy", "DetachUserPolicy"],
    ...["AttachGroupPolicy", "DetachGroupPolicy"],
  ),
  vectors: {
    matches: [
      apiCall("iam.amazonaws.com", "AttachUserPolicy", {
        requestParameters: { userName: "bob", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" },
      }),
      apiCall("iam.amazonaws.com", "PutRolePolicy", {
        requestParameters: { roleName: "app", policyName: "inline" },
      }),
      apiCall("iam.amazonaws.com", "CreatePolicyVersion", { userIdentity: assumedRole() }),
      // The pattern does not look at the event source, so Auto Scaling's DeletePolicy trips it too.
      apiCall("autoscaling.amazonaws.com", "DeletePolicy", { userIdentity: assumedRole() }),
    ],
    ignores: [
      ...ordinaryActivity(),
      apiCall("iam.amazonaws.com", "GetPolicyVersion"),
      apiCall("iam.amazonaws.com", "ListAttachedRolePolicies"),
      apiCall("iam.amazonaws.com", "CreateRole", { requestParameters: { roleName: "app" } }),
    ],
  },
};

export const consoleAuthenticationFailures: MonitoringControl = {
  id: "console-auth-failures",
  title: "Management Console authentication failures",
  cis: { v1_4: "4.6", v3_0: "4.6" },
  securityHub: "CloudWatch.6",
  filterPattern: '{($.eventName=ConsoleLogin) && ($.errorMessage="Failed authentication")}',
  metricName: "ConsoleAuthenticationFailures",
  trigger: '`ConsoleLogin` with `errorMessage` "Failed authentication"',
  rationale:
    "Repeated failed console passwords are a brute-force or credential-stuffing attempt in progress, and " +
    "the source address is worth correlating with other activity.",
  set: "cis",
  // CIS v1.2.0 3.6, v1.4.0-v5.0.0 4.6 and CloudWatch.6: console sign-ins that failed with "Failed
  // authentication" (a wrong password), whoever tried.
  requires: [
    {
      eventSource: "signin.amazonaws.com",
      eventName: "ConsoleLogin",
      principal: "IAMUser",
      signIn: { outcome: "Failure", mfaUsed: false, errorMessage: "Failed authentication" },
    },
    {
      eventSource: "signin.amazonaws.com",
      eventName: "ConsoleLogin",
      principal: "Root",
      signIn: { outcome: "Failure", mfaUsed: false, errorMessage: "Failed authentication" },
    },
  ],
  vectors: {
    matches: [
      consoleLogin({ mfaUsed: false, outcome: "Failure" }),
      consoleLogin({ mfaUsed: false, outcome: "Failure", userIdentity: rootUser() }),
    ],
    ignores: [
      ...ordinaryActivity(),
      consoleLogin({ mfaUsed: false, outcome: "Success" }),
      // Sign-in writes a different message for a user name that does not exist; the exact pattern skips it.
      consoleLogin({
        mfaUsed: false,
        outcome: "Failure",
        userIdentity: { type: "IAMUser", accountId: VECTOR_ACCOUNT_ID, principalId: VECTOR_ACCOUNT_ID },
        errorMessage: "No username found in supplied account",
      }),
      apiCall("sts.amazonaws.com", "GetCallerIdentity", { userIdentity: iamUser("carol") }),
    ],
  },
};

import { callsOn } from "./required-calls";
import type { MonitoringControl } from "./types";
import { apiCall, assumedRole, iamUser, ordinaryActivity } from "./vectors";

// Opt-in controls for techniques the CIS list misses. Each names the corpus files (Stratus Red Team
// detonation logs) whose records it must catch; the corpus test holds them to it.

const IAM = "iam.amazonaws.com";
const EC2 = "ec2.amazonaws.com";

export const cloudTrailEventSelectorChanges: MonitoringControl = {
  id: "cloudtrail-event-selector-changes",
  title: "CloudTrail event selector changes",
  cis: {},
  filterPattern: "{ ($.eventSource = cloudtrail.amazonaws.com) && ($.eventName = PutEventSelectors) }",
  metricName: "CloudTrailEventSelectorChanges",
  trigger: "CloudTrail `PutEventSelectors`",
  rationale:
    "Event selectors can turn off management events while the trail keeps logging, so CIS 4.5 never fires " +
    "and the trail looks healthy.",
  set: "extended",
  // Ours (no CIS or Security Hub text): the Stratus Red Team technique's call.
  requires: callsOn("cloudtrail.amazonaws.com", "PutEventSelectors"),
  corpusEvidence: ["aws.defense-evasion.cloudtrail-event-selectors.json"],
  vectors: {
    matches: [
      apiCall("cloudtrail.amazonaws.com", "PutEventSelectors", {
        requestParameters: {
          trailName: "org-trail",
          eventSelectors: [{ includeManagementEvents: false, readWriteType: "ReadOnly" }],
        },
      }),
    ],
    ignores: [
      ...ordinaryActivity(),
      apiCall("cloudtrail.amazonaws.com", "GetEventSelectors"),
      apiCall("cloudtrail.amazonaws.com", "StopLogging"),
    ],
  },
};

export const vpcFlowLogDeletion: MonitoringControl = {
  id: "vpc-flow-log-deletion",
  title: "VPC flow log deletion",
  cis: {},
  filterPattern: "{ ($.eventSource = ec2.amazonaws.com) && ($.eventName = DeleteFlowLogs) }",
  metricName: "VpcFlowLogDeletion",
  trigger: "EC2 `DeleteFlowLogs`",
  rationale:
    "Flow logs are the network record of an intrusion; deleting them hides lateral movement and " +
    "exfiltration, and no CIS VPC filter covers it.",
  set: "extended",
  // Ours (no CIS or Security Hub text): the Stratus Red Team technique's call.
  requires: callsOn(EC2, "DeleteFlowLogs"),
  corpusEvidence: ["aws.defense-evasion.vpc-remove-flow-logs.json"],
  vectors: {
    matches: [
      apiCall(EC2, "DeleteFlowLogs", {
        requestParameters: {
          DeleteFlowLogsRequest: { FlowLogId: { content: "fl-0123456789abcdef0", tag: 1 } },
        },
      }),
    ],
    ignores: [...ordinaryActivity(), apiCall(EC2, "DescribeFlowLogs"), apiCall(EC2, "CreateFlowLogs")],
  },
};

export const dnsQueryLogDeletion: MonitoringControl = {
  id: "dns-query-log-deletion",
  title: "Route 53 Resolver query log deletion",
  cis: {},
  filterPattern:
    "{ ($.eventSource = route53resolver.amazonaws.com) && (($.eventName = DeleteResolverQueryLogConfig) || ($.eventName = DisassociateResolverQueryLogConfig)) }",
  metricName: "DnsQueryLogDeletion",
  trigger: "Resolver `DeleteResolverQueryLogConfig` or `DisassociateResolverQueryLogConfig`",
  rationale:
    "DNS query logs show command-and-control and exfiltration domains; removing them is defence evasion " +
    "that leaves the rest of the network logging untouched.",
  set: "extended",
  // Ours (no CIS or Security Hub text): both ways to stop a VPC's query logging.
  requires: callsOn(
    "route53resolver.amazonaws.com",
    ...["DeleteResolverQueryLogConfig", "DisassociateResolverQueryLogConfig"],
  ),
  corpusEvidence: ["aws.defense-evasion.dns-delete-logs.json"],
  vectors: {
    matches: [
      apiCall("route53resolver.amazonaws.com", "DeleteResolverQueryLogConfig", {
        requestParameters: { resolverQueryLogConfigId: "rqlc-0123456789abcdef" },
      }),
      apiCall("route53resolver.amazonaws.com", "DisassociateResolverQueryLogConfig", {
        userIdentity: assumedRole(),
      }),
    ],
    ignores: [
      ...ordinaryActivity(),
      apiCall("route53resolver.amazonaws.com", "ListResolverQueryLogConfigs"),
      apiCall("route53resolver.amazonaws.com", "CreateResolverQueryLogConfig"),
    ],
  },
};

export const iamLoginProfileChanges: MonitoringControl = {
  id: "iam-login-profile-changes",
  title: "IAM console password set for a user",
  cis: {},
  filterPattern:
    "{ ($.eventSource = iam.amazonaws.com) && (($.eventName = CreateLoginProfile) || ($.eventName = UpdateLoginProfile)) }",
  metricName: "IamLoginProfileChanges",
  trigger: "IAM `CreateLoginProfile` or `UpdateLoginProfile`",
  rationale:
    "Giving an existing user a console password, or resetting someone else's, is a quiet way to gain or " +
    "keep interactive access without touching any policy.",
  set: "extended",
  // Ours (no CIS or Security Hub text): the Stratus Red Team techniques' calls.
  requires: callsOn(IAM, "CreateLoginProfile", "UpdateLoginProfile"),
  corpusEvidence: [
    "aws.persistence.iam-create-user-login-profile.json",
    "aws.privilege-escalation.iam-update-user-login-profile.json",
  ],
  vectors: {
    matches: [
      apiCall(IAM, "CreateLoginProfile", {
        requestParameters: { userName: "bob", passwordResetRequired: false },
      }),
      apiCall(IAM, "UpdateLoginProfile", { requestParameters: { userName: "bob" } }),
    ],
    ignores: [
      ...ordinaryActivity(),
      // A user changing their own password is ChangePassword, not a login-profile call.
      apiCall(IAM, "ChangePassword", { userIdentity: iamUser("bob") }),
      apiCall(IAM, "GetLoginProfile", { requestParameters: { userName: "bob" } }),
    ],
  },
};

export const iamAccessKeyForNamedUser: MonitoringControl = {
  id: "iam-access-key-for-named-user",
  title: "IAM access key created for a named user",
  cis: {},
  // Filter patterns cannot compare two fields, so "for another user" is approximated by "the request
  // names a user": always true when acting for someone else, and only otherwise when callers name
  // themselves explicitly (without a name, IAM uses the caller's own user).
  filterPattern:
    "{ ($.eventSource = iam.amazonaws.com) && ($.eventName = CreateAccessKey) && ($.requestParameters.userName = *) }",
  metricName: "IamAccessKeyForNamedUser",
  trigger: "IAM `CreateAccessKey` whose request names a user",
  rationale:
    "Minting a long-lived key for another user is classic persistence: the key outlives the attacker's " +
    "session and is used under someone else's name.",
  set: "extended",
  // Ours (no CIS or Security Hub text): a key minted for a user the request names.
  requires: [{ eventSource: IAM, eventName: "CreateAccessKey", requestParameters: { userName: "bob" } }],
  corpusEvidence: ["aws.persistence.iam-backdoor-user.json", "aws.persistence.iam-create-admin-user.json"],
  vectors: {
    matches: [
      apiCall(IAM, "CreateAccessKey", {
        requestParameters: { userName: "bob" },
        responseElements: {
          accessKey: { userName: "bob", status: "Active", accessKeyId: "AKIAEXAMPLENEWKEY01" },
        },
      }),
      apiCall(IAM, "CreateAccessKey", {
        userIdentity: assumedRole(),
        requestParameters: { userName: "svc-legacy" },
      }),
    ],
    ignores: [
      ...ordinaryActivity(),
      apiCall(IAM, "CreateAccessKey", { userIdentity: iamUser("alice") }),
      apiCall(IAM, "ListAccessKeys", { requestParameters: { userName: "bob" } }),
    ],
  },
};

export const iamRoleTrustPolicyChanges: MonitoringControl = {
  id: "iam-role-trust-policy-changes",
  title: "IAM role trust policy changes",
  cis: {},
  filterPattern: "{ ($.eventSource = iam.amazonaws.com) && ($.eventName = UpdateAssumeRolePolicy) }",
  metricName: "IamRoleTrustPolicyChanges",
  trigger: "IAM `UpdateAssumeRolePolicy`",
  rationale:
    "Adding a foreign account to a role's trust policy is a backdoor that uses the role's existing " +
    "permissions, so CIS 4.4 (permission policies only) never sees it.",
  set: "extended",
  // Ours (no CIS or Security Hub text): the Stratus Red Team technique's call.
  requires: callsOn(IAM, "UpdateAssumeRolePolicy"),
  corpusEvidence: ["aws.persistence.iam-backdoor-role.json"],
  vectors: {
    matches: [
      apiCall(IAM, "UpdateAssumeRolePolicy", {
        requestParameters: { roleName: "app", policyDocument: '{"Version":"2012-10-17","Statement":[]}' },
      }),
    ],
    ignores: [
      ...ordinaryActivity(),
      apiCall(IAM, "GetRole", { requestParameters: { roleName: "app" } }),
      apiCall(IAM, "UpdateRole", { requestParameters: { roleName: "app", maxSessionDuration: 7200 } }),
    ],
  },
};

export const snapshotOrImageSharing: MonitoringControl = {
  id: "snapshot-or-image-sharing",
  title: "EBS snapshot, AMI or RDS snapshot sharing",
  cis: {},
  filterPattern:
    "{ (($.eventSource = ec2.amazonaws.com) && (($.eventName = ModifySnapshotAttribute) || (($.eventName = ModifyImageAttribute) && ($.requestParameters.attributeType = launchPermission)))) || (($.eventSource = rds.amazonaws.com) && (($.eventName = ModifyDBSnapshotAttribute) || ($.eventName = ModifyDBClusterSnapshotAttribute))) }",
  metricName: "SnapshotOrImageSharing",
  trigger: "EBS/RDS snapshot permission changes, AMI launch-permission changes",
  rationale:
    "Sharing a snapshot or image with another account copies a whole disk or database out of the " +
    "organization without a single data-plane read.",
  set: "extended",
  // Ours (no CIS or Security Hub text): the three Stratus Red Team sharing techniques, plus RDS clusters.
  requires: [
    ...callsOn(EC2, "ModifySnapshotAttribute"),
    {
      eventSource: EC2,
      eventName: "ModifyImageAttribute",
      requestParameters: { attributeType: "launchPermission" },
    },
    ...callsOn("rds.amazonaws.com", "ModifyDBSnapshotAttribute", "ModifyDBClusterSnapshotAttribute"),
  ],
  corpusEvidence: [
    "aws.exfiltration.ec2-share-ami.json",
    "aws.exfiltration.ec2-share-ebs-snapshot.json",
    "aws.exfiltration.rds-share-snapshot.json",
  ],
  vectors: {
    matches: [
      apiCall(EC2, "ModifySnapshotAttribute", {
        requestParameters: {
          snapshotId: "snap-0123456789abcdef0",
          attributeType: "CREATE_VOLUME_PERMISSION",
          createVolumePermission: { add: { items: [{ userId: "444455556666" }] } },
        },
      }),
      apiCall(EC2, "ModifyImageAttribute", {
        requestParameters: {
          imageId: "ami-0123456789abcdef0",
          attributeType: "launchPermission",
          launchPermission: { add: { items: [{ group: "all" }] } },
        },
      }),
      apiCall("rds.amazonaws.com", "ModifyDBSnapshotAttribute", {
        requestParameters: {
          dBSnapshotIdentifier: "nightly",
          attributeName: "restore",
          valuesToAdd: ["all"],
        },
      }),
    ],
    ignores: [
      ...ordinaryActivity(),
      apiCall(EC2, "ModifyImageAttribute", {
        requestParameters: { imageId: "ami-0123456789abcdef0", attributeType: "description" },
      }),
      apiCall(EC2, "DescribeSnapshotAttribute"),
      apiCall(EC2, "ModifyInstanceAttribute"),
    ],
  },
};

export const EXTENDED_CONTROLS: readonly MonitoringControl[] = [
  cloudTrailEventSelectorChanges,
  vpcFlowLogDeletion,
  dnsQueryLogDeletion,
  iamLoginProfileChanges,
  iamAccessKeyForNamedUser,
  iamRoleTrustPolicyChanges,
  snapshotOrImageSharing,
];

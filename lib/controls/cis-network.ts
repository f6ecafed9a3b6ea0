import { callsOn } from "./required-calls";
import type { MonitoringControl } from "./types";
import { apiCall, assumedRole, ordinaryActivity } from "./vectors";

// Patterns are verbatim from the Security Hub user guide (CloudWatch.10-14); never reformat them.

const EC2 = "ec2.amazonaws.com";

export const securityGroupChanges: MonitoringControl = {
  id: "security-group-changes",
  title: "Security group changes",
  cis: { v1_4: "4.10", v3_0: "4.10" },
  securityHub: "CloudWatch.10",
  filterPattern:
    "{($.eventName=AuthorizeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=CreateSecurityGroup) || ($.eventName=DeleteSecurityGroup)}",
  metricName: "SecurityGroupChanges",
  trigger: "security group create/delete and ingress/egress rule authorize/revoke",
  rationale:
    "Opening a port to 0.0.0.0/0 exposes an instance to the internet in one call, and is a common way to " +
    "get a remote shell or an exfiltration path.",
  set: "cis",
  // CIS v1.2.0 3.10, v1.4.0-v5.0.0 4.10 and CloudWatch.10.
  requires: callsOn(
    EC2,
    ...["AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress"],
    ...["RevokeSecurityGroupEgress", "CreateSecurityGroup", "DeleteSecurityGroup"],
  ),
  vectors: {
    matches: [
      apiCall(EC2, "AuthorizeSecurityGroupIngress", {
        requestParameters: {
          groupId: "sg-0123456789abcdef0",
          ipPermissions: { items: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22 }] },
        },
      }),
      apiCall(EC2, "RevokeSecurityGroupEgress", { userIdentity: assumedRole() }),
      apiCall(EC2, "CreateSecurityGroup"),
    ],
    ignores: [...ordinaryActivity(), apiCall(EC2, "DescribeSecurityGroups"), apiCall(EC2, "CreateTags")],
  },
};

export const networkAclChanges: MonitoringControl = {
  id: "nacl-changes",
  title: "Network ACL changes",
  cis: { v1_4: "4.11", v3_0: "4.11" },
  securityHub: "CloudWatch.11",
  filterPattern:
    "{($.eventName=CreateNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=ReplaceNetworkAclAssociation)}",
  metricName: "NetworkAclChanges",
  trigger: "network ACL and ACL entry create/delete/replace, ACL association replace",
  rationale:
    "Network ACLs are the subnet-wide backstop behind security groups; an edited entry can open or cut off " +
    "a whole subnet.",
  set: "cis",
  // CIS v1.2.0 3.11, v1.4.0-v5.0.0 4.11 and CloudWatch.11.
  requires: callsOn(
    EC2,
    ...["CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry"],
    ...["ReplaceNetworkAclEntry", "ReplaceNetworkAclAssociation"],
  ),
  vectors: {
    matches: [
      apiCall(EC2, "CreateNetworkAclEntry", { requestParameters: { networkAclId: "acl-0123456789abcdef0" } }),
      apiCall(EC2, "ReplaceNetworkAclAssociation", { userIdentity: assumedRole() }),
      apiCall(EC2, "DeleteNetworkAcl"),
    ],
    ignores: [...ordinaryActivity(), apiCall(EC2, "DescribeNetworkAcls")],
  },
};

export const networkGatewayChanges: MonitoringControl = {
  id: "network-gateway-changes",
  title: "Network gateway changes",
  cis: { v1_4: "4.12", v3_0: "4.12" },
  securityHub: "CloudWatch.12",
  filterPattern:
    "{($.eventName=CreateCustomerGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=DetachInternetGateway)}",
  metricName: "NetworkGatewayChanges",
  trigger: "internet gateway create/delete/attach/detach, customer gateway create/delete",
  rationale:
    "A new internet or customer gateway creates a path into or out of a VPC that bypasses the inspected " +
    "egress route.",
  set: "cis",
  // CIS v1.2.0 3.12, v1.4.0-v5.0.0 4.12 and CloudWatch.12.
  requires: callsOn(
    EC2,
    ...["CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway"],
    ...["CreateInternetGateway", "DeleteInternetGateway", "DetachInternetGateway"],
  ),
  vectors: {
    matches: [
      apiCall(EC2, "CreateInternetGateway"),
      apiCall(EC2, "AttachInternetGateway", {
        requestParameters: { internetGatewayId: "igw-0123456789abcdef0", vpcId: "vpc-0123456789abcdef0" },
      }),
      apiCall(EC2, "DeleteCustomerGateway", { userIdentity: assumedRole() }),
    ],
    ignores: [
      ...ordinaryActivity(),
      apiCall(EC2, "DescribeInternetGateways"),
      apiCall(EC2, "DescribeVpnGateways"),
    ],
  },
};

export const routeTableChanges: MonitoringControl = {
  id: "route-table-changes",
  title: "Route table changes",
  cis: { v1_4: "4.13", v3_0: "4.13" },
  securityHub: "CloudWatch.13",
  filterPattern:
    "{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) || ($.eventName=ReplaceRoute) || ($.eventName=ReplaceRouteTableAssociation) || ($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) || ($.eventName=DisassociateRouteTable)}",
  metricName: "RouteTableChanges",
  trigger: "route and route table create/replace/delete, route table disassociation",
  rationale:
    "A changed route can send a subnet's traffic around the firewall or to an attacker-controlled " +
    "appliance without touching any security group.",
  set: "cis",
  // CIS v1.2.0 3.13, v1.4.0-v5.0.0 4.13 and CloudWatch.13.
  requires: callsOn(
    EC2,
    ...["CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation"],
    ...["DeleteRouteTable", "DeleteRoute", "DisassociateRouteTable"],
  ),
  vectors: {
    matches: [
      apiCall(EC2, "CreateRoute", {
        requestParameters: { routeTableId: "rtb-0123456789abcdef0", destinationCidrBlock: "0.0.0.0/0" },
      }),
      apiCall(EC2, "ReplaceRouteTableAssociation", { userIdentity: assumedRole() }),
      apiCall(EC2, "DisassociateRouteTable"),
    ],
    ignores: [...ordinaryActivity(), apiCall(EC2, "DescribeRouteTables"), apiCall(EC2, "CreateTags")],
  },
};

export const vpcChanges: MonitoringControl = {
  id: "vpc-changes",
  title: "VPC changes",
  cis: { v1_4: "4.14", v3_0: "4.14" },
  securityHub: "CloudWatch.14",
  filterPattern:
    "{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || ($.eventName=ModifyVpcAttribute) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=DisableVpcClassicLink) || ($.eventName=EnableVpcClassicLink)}",
  metricName: "VpcChanges",
  trigger: "VPC create/delete/attribute change, peering and ClassicLink changes",
  rationale:
    "Peering connects a VPC to another network, possibly in a foreign account, and attribute changes alter " +
    "DNS behaviour for everything inside it.",
  set: "cis",
  // CIS v1.2.0 3.14, v1.4.0-v5.0.0 4.14 and CloudWatch.14 (ClassicLink is retired, but every published
  // text still lists its calls).
  requires: callsOn(
    EC2,
    ...["CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection"],
    ...["CreateVpcPeeringConnection", "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection"],
    ...["AttachClassicLinkVpc", "DetachClassicLinkVpc", "DisableVpcClassicLink", "EnableVpcClassicLink"],
  ),
  vectors: {
    matches: [
      apiCall(EC2, "CreateVpcPeeringConnection", {
        requestParameters: { vpcId: "vpc-0123456789abcdef0", peerOwnerId: "444455556666" },
      }),
      apiCall(EC2, "ModifyVpcAttribute", { userIdentity: assumedRole() }),
      apiCall(EC2, "DeleteVpc"),
    ],
    ignores: [...ordinaryActivity(), apiCall(EC2, "DescribeVpcs"), apiCall(EC2, "CreateSubnet")],
  },
};

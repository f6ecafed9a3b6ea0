import * as cloudtrail from "@pulumi/aws/cloudtrail";
import * as pulumi from "@pulumi/pulumi";

export interface TrailDelegatedAdministratorArgs {
  /** A member account, resolved and checked beforehand (`planDelegatedAdministrator`). */
  accountId: string;
}

/**
 * Registers a member account as CloudTrail's delegated administrator, so the security team manages the
 * organization trail from its own account (as AWS SRA does for its Audit account). Registered with
 * CloudTrail only: CloudTrail registers the account with AWS Organizations itself, and a second
 * registration through `aws.organizations.DelegatedAdministrator` fails. The guardrails' SCP still keeps
 * that account from stopping or weakening the trail.
 */
export class TrailDelegatedAdministrator extends pulumi.ComponentResource {
  readonly registration: cloudtrail.OrganizationDelegatedAdminAccount;

  constructor(name: string, args: TrailDelegatedAdministratorArgs, opts?: pulumi.ComponentResourceOptions) {
    super("org-governance:index:TrailDelegatedAdministrator", name, {}, opts);
    const registration: cloudtrail.OrganizationDelegatedAdminAccountArgs = { accountId: args.accountId };
    this.registration = new cloudtrail.OrganizationDelegatedAdminAccount(
      `${name}-registration`,
      registration,
      {
        parent: this,
      },
    );
    this.registerOutputs({ accountId: this.registration.accountId });
  }
}

import * as aws from "@pulumi/aws";
import { LogArchive } from "./components/log-archive";
import { OrganizationTrail } from "./components/organization-trail";
import { TrailLogDelivery } from "./components/trail-log-delivery";
import { readStackConfig } from "./lib/config/pulumi-config";
import { reportingUserErrors } from "./lib/errors";
import { governanceContext } from "./lib/governance";
import { bucketArn } from "./lib/naming";
import { countAccountsByState } from "./lib/organization/resolve";
import { loadOrganization } from "./lib/organization/source";

// config → organization → components → exports. Validation and account resolution finish before the
// first resource is registered, so a bad stack fails with nothing half-built.
export = () =>
  reportingUserErrors(async () => {
    const config = readStackConfig();
    const organization = await loadOrganization(config.organization);
    const context = governanceContext(config, organization);
    const { partition, region } = config;
    const defaultTags = { tags: config.tags };

    // allowedAccountIds makes a run with the wrong credentials fail before it changes anything.
    const management = new aws.Provider("management-account", {
      region,
      allowedAccountIds: [context.managementAccountId],
      defaultTags,
    });
    const logArchiveAccount = new aws.Provider("log-archive-account", {
      region,
      allowedAccountIds: [context.archiveAccount.id],
      assumeRoles: [{ roleArn: context.archiveRoleArn, sessionName: "org-governance" }],
      defaultTags,
    });

    const archive = new LogArchive(
      "log-archive",
      {
        partition,
        region,
        organizationId: context.organizationId,
        managementAccountId: context.managementAccountId,
        archiveAccountId: context.archiveAccount.id,
        trailArn: context.trailArn,
        objectLock: config.logArchive.objectLock,
        lifecycle: config.logArchive.lifecycle,
        protect: config.logArchive.protect,
      },
      { providers: [logArchiveAccount] },
    );

    const delivery = new TrailLogDelivery(
      "trail-logs",
      {
        partition,
        region,
        managementAccountId: context.managementAccountId,
        organizationId: context.organizationId,
        trailName: context.trailName,
        trailArn: context.trailArn,
        retentionDays: config.trail.cloudWatchLogs.retentionDays,
        protect: config.logArchive.protect,
      },
      { providers: [management] },
    );

    const trail = new OrganizationTrail(
      "organization-trail",
      {
        trailName: context.trailName,
        bucketName: archive.bucketName,
        ownBucketArns: [archive.bucketArn, bucketArn(partition, archive.accessLogBucketName)],
        kmsKeyArn: archive.key.arn,
        logGroupArn: delivery.logGroupArn,
        cloudWatchLogsRoleArn: delivery.role.arn,
        dataEvents: config.trail.dataEvents,
        insights: config.trail.insights,
        validatedBy: [archive.bucketPolicy, archive.key, delivery.rolePolicy],
      },
      { providers: [management] },
    );

    return {
      organizationId: context.organizationId,
      managementAccountId: context.managementAccountId,
      logArchiveAccountId: context.archiveAccount.id,
      trailArn: trail.trail.arn,
      trailName: trail.trail.name,
      archiveBucketName: archive.bucketName,
      archiveBucketArn: archive.bucketArn,
      kmsKeyArns: { archive: archive.key.arn, logGroup: delivery.key.arn },
      logGroupName: delivery.logGroupName,
      logGroupArn: delivery.logGroupArn,
      accountCountsByState: countAccountsByState(organization),
    };
  });

import { Provider } from "@pulumi/aws/provider";
import * as pulumi from "@pulumi/pulumi";
import { LogArchive } from "./components/log-archive";
import { Guardrails } from "./components/guardrails";
import { OrganizationTrail } from "./components/organization-trail";
import { SecurityMonitoring } from "./components/security-monitoring";
import { TrailLogDelivery } from "./components/trail-log-delivery";
import { selectControls } from "./lib/controls";
import { readStackConfig } from "./lib/config/pulumi-config";
import { reportingUserErrors } from "./lib/errors";
import { GovernanceContext, governanceContext } from "./lib/governance";
import { GuardrailPlan, guardrailSummary, planGuardrails } from "./lib/guardrails/plan";
import { bucketArn } from "./lib/naming";
import { summarizeOrganization } from "./lib/organization/inventory/summary";
import { assertTrailCanBeCreated, preflightWarnings } from "./lib/organization/preflight";
import { loadOrganization } from "./lib/organization/source";

// config → organization → components → exports. Validation and account resolution finish before the
// first resource is registered, so a bad stack fails with nothing half-built.
export = () =>
  reportingUserErrors(async () => {
    const config = readStackConfig();
    const organization = await loadOrganization(config.organization);
    const context = governanceContext(config, organization);
    const summary = summarizeOrganization(organization);
    const createsTrail = context.archive !== undefined && config.trail.create;
    assertTrailCanBeCreated(organization, createsTrail);
    for (const warning of preflightWarnings(summary)) pulumi.log.warn(warning);
    const guardrails =
      context.archive &&
      planGuardrails({
        config,
        organization,
        trailArn: context.trailArn,
        archive: { accountId: context.archive.account.id, roleArn: context.archive.roleArn },
      });
    const { partition, region } = config;
    const defaultTags = { tags: config.tags };

    // allowedAccountIds makes a run with the wrong credentials fail before it changes anything.
    const management = new Provider("management-account", {
      ...config.awsProvider,
      region,
      allowedAccountIds: [context.managementAccountId],
      defaultTags,
    });
    // A landing zone that already has an organization trail (Control Tower) gets monitoring only:
    // two organization trails would double the cost and split the evidence.
    const governed = createsTrail
      ? createTrail(context, context.archive!, management, guardrails)
      : undefined;
    const monitoring = new SecurityMonitoring(
      "security-monitoring",
      {
        partition,
        region,
        accountId: context.managementAccountId,
        logGroupName: config.monitoring.logGroupName ?? governed!.delivery.logGroupName,
        controls: selectControls(config.monitoring.controls),
        namespace: config.monitoring.namespace,
        emails: config.monitoring.emails,
        logGroupDependencies: governed ? [governed.delivery.logGroup] : [],
      },
      { providers: [management] },
    );

    return {
      organizationId: context.organizationId,
      managementAccountId: context.managementAccountId,
      accountCountsByState: summary.byState,
      accountCountsByOu: Object.fromEntries(
        summary.byTopLevelOu.map((group) => [group.name, group.accounts]),
      ),
      governedAccountIds: organization.accounts.filter((a) => a.state === "ACTIVE").map((a) => a.id),
      alarmTopicArn: monitoring.topic.arn,
      monitoredControls: monitoring.alarms.length,
      ...(governed && {
        logArchiveAccountId: context.archive?.account.id,
        trailArn: governed.trail.trail.arn,
        trailName: governed.trail.trail.name,
        archiveBucketName: governed.archive.bucketName,
        archiveBucketArn: governed.archive.bucketArn,
        kmsKeyArns: { archive: governed.archive.key.arn, logGroup: governed.delivery.key.arn },
        logGroupName: governed.delivery.logGroupName,
        logGroupArn: governed.delivery.logGroupArn,
      }),
      ...(guardrails && { guardrails: guardrailSummary(guardrails) }),
    };
  });

/** The trail, its archive and its CloudWatch Logs delivery. */
function createTrail(
  context: GovernanceContext,
  archiveAccount: NonNullable<GovernanceContext["archive"]>,
  management: Provider,
  guardrailPlan: GuardrailPlan | undefined,
) {
  const { config } = context;
  const { partition, region } = config;
  const settings = archiveAccount.settings;
  // The stack's credentials settings (aws:profile, ...) are the base the log-archive role is assumed from.
  const logArchiveAccount = new Provider("log-archive-account", {
    ...config.awsProvider,
    region,
    allowedAccountIds: [archiveAccount.account.id],
    assumeRoles: [{ roleArn: archiveAccount.roleArn, sessionName: "org-governance" }],
    defaultTags: { tags: config.tags },
  });
  const archive = new LogArchive(
    "log-archive",
    {
      partition,
      region,
      organizationId: context.organizationId,
      managementAccountId: context.managementAccountId,
      archiveAccountId: archiveAccount.account.id,
      trailArn: context.trailArn,
      objectLock: settings.objectLock,
      lifecycle: settings.lifecycle,
      protect: settings.protect,
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
      retentionDays: config.trail.cloudWatchLogs.retentionDays,
      protect: settings.protect,
    },
    { providers: [management] },
  );

  const trail = new OrganizationTrail(
    "organization-trail",
    {
      trailName: context.trailName,
      // Real outputs where they exist, so the trail waits for the bucket policy, the archive key (and its
      // policy), the log group and the delivery role.
      bucketName: archive.bucketPolicy.bucket,
      ownBucketArns: [archive.bucketArn, bucketArn(partition, archive.accessLogBucketName)],
      kmsKeyArn: archive.key.arn,
      logGroupArn: delivery.logGroup.arn,
      cloudWatchLogsRoleArn: delivery.role.arn,
      dataEvents: config.trail.dataEvents,
      insights: config.trail.insights,
      tags: config.tags,
      protect: settings.protect,
      dependsOn: [...archive.bucketSettings, delivery.rolePolicy, delivery.key],
    },
    { providers: [management] },
  );

  // In the management account: only it can create and attach organization policies.
  const guardrails =
    guardrailPlan &&
    new Guardrails(
      "guardrails",
      {
        organizationId: context.organizationId,
        archiveBucketArn: guardrailPlan.archiveBucketArn,
        accessLogBucketArn: guardrailPlan.accessLogBucketArn,
        archiveKeyArn: archive.key.arn,
        trailArn: context.trailArn,
        exemptPrincipals: guardrailPlan.exemptPrincipals,
        targets: guardrailPlan.targets,
        resourceControlPolicy: guardrailPlan.resourceControlPolicy,
      },
      { providers: [management] },
    );

  return { archive, delivery, trail, guardrails };
}

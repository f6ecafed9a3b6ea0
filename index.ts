import { Provider } from "@pulumi/aws/provider";
import * as pulumi from "@pulumi/pulumi";
import { LogArchive } from "./components/log-archive";
import { Guardrails } from "./components/guardrails";
import { OrganizationTrail } from "./components/organization-trail";
import { QuerySide } from "./components/query-side";
import { SecurityMonitoring } from "./components/security-monitoring";
import { TrailDelegatedAdministrator } from "./components/trail-delegated-administrator";
import { TrailDeliveryAlarm } from "./components/trail-delivery-alarm";
import { TrailLogDelivery } from "./components/trail-log-delivery";
import { TrailNotifications } from "./components/trail-notifications";
import { selectControls } from "./lib/controls";
import { allOrProblems } from "./lib/config/collect-problems";
import { monitoringWarnings } from "./lib/config/monitoring-warnings";
import { readStackConfig } from "./lib/config/pulumi-config";
import { reportingUserErrors } from "./lib/errors";
import { GovernanceContext, governanceContext } from "./lib/governance";
import { GuardrailPlan, guardrailSummary, planGuardrails } from "./lib/guardrails/plan";
import { bucketArn } from "./lib/naming";
import { summarizeOrganization } from "./lib/organization/inventory/summary";
import { assertTrailCanBeCreated, preflightWarnings } from "./lib/organization/preflight";
import { loadOrganization } from "./lib/organization/source";
import { planDelegatedAdministrator } from "./lib/trail/delegated-administrator";

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
    // Both checked before any resource, and reported together.
    const [guardrails, delegatedAdministrator] = allOrProblems(
      () =>
        context.archive &&
        planGuardrails({
          config,
          organization,
          trailArn: context.trailArn,
          archive: { accountId: context.archive.account.id, roleArn: context.archive.roleArn },
        }),
      () =>
        config.trail.delegatedAdministrator === undefined
          ? undefined
          : planDelegatedAdministrator(
              organization,
              config.trail.delegatedAdministrator,
              "org-governance:trail.delegatedAdministrator",
            ),
    );
    for (const warning of preflightWarnings(summary, delegatedAdministrator?.id)) pulumi.log.warn(warning);
    for (const warning of monitoringWarnings(config)) pulumi.log.warn(warning);
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
    if (delegatedAdministrator) {
      new TrailDelegatedAdministrator(
        "trail-delegated-administrator",
        { accountId: delegatedAdministrator.id },
        { providers: [management] },
      );
    }
    const monitoring = new SecurityMonitoring(
      "security-monitoring",
      {
        partition,
        region,
        accountId: context.managementAccountId,
        logGroupName: config.monitoring.logGroupName ?? governed!.delivery.logGroupName,
        trailName: context.trailName,
        controls: selectControls(config.monitoring.controls),
        namespace: config.monitoring.namespace,
        emails: config.monitoring.emails,
        logGroupDependencies: governed ? [governed.delivery.logGroup] : [],
      },
      { providers: [management] },
    );

    // Silence is how a broken delivery shows: alarm when the trail's log group receives nothing.
    new TrailDeliveryAlarm(
      "trail-delivery",
      {
        trailName: context.trailName,
        logGroupName: config.monitoring.logGroupName ?? governed!.delivery.logGroupName,
        quietMinutes: config.monitoring.maxQuietMinutes,
        alarmTopicArn: monitoring.topic.arn,
        logGroupDependencies: governed ? [governed.delivery.logGroup] : [],
      },
      { providers: [management] },
    );
    const query = governed && config.query.enabled ? createQuerySide(context, governed) : undefined;

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
        deliveryNotificationTopicArn: governed.notifications.topic.arn,
      }),
      ...(guardrails && { guardrails: guardrailSummary(guardrails) }),
      ...(delegatedAdministrator && { trailDelegatedAdministratorAccountId: delegatedAdministrator.id }),
      ...(query && {
        investigation: {
          workgroup: query.workgroup.name,
          database: query.database.name,
          table: query.table.name,
          readerRoleArn: query.readerRole.arn,
          ...(config.query.lake && { eventDataStoreArn: config.query.lake.eventDataStoreArn }),
        },
      }),
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
      trailName: context.trailName,
      objectLock: settings.objectLock,
      lifecycle: settings.lifecycle,
      readerRoleArns: settings.readerRoleArns,
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

  const notifications = new TrailNotifications(
    "trail-notifications",
    {
      partition,
      region,
      accountId: context.managementAccountId,
      trailName: context.trailName,
      trailArn: context.trailArn,
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
      archiveBucketArn: archive.bucketArn,
      kmsKeyArn: archive.key.arn,
      logGroupArn: delivery.logGroup.arn,
      cloudWatchLogsRoleArn: delivery.role.arn,
      snsTopicArn: notifications.topic.arn,
      dataEvents: config.trail.dataEvents,
      insights: config.trail.insights,
      tags: config.tags,
      protect: settings.protect,
      dependsOn: [...archive.bucketSettings, delivery.rolePolicy, delivery.key, notifications.topicPolicy],
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
        trailName: context.trailName,
        exemptPrincipals: guardrailPlan.exemptPrincipals,
        targets: guardrailPlan.targets,
        resourceControlPolicy: guardrailPlan.resourceControlPolicy,
      },
      { providers: [management] },
    );

  return { archive, delivery, notifications, trail, guardrails, logArchiveAccount };
}

/** Athena over the archive, in the log-archive account (`org-governance:query`). */
function createQuerySide(context: GovernanceContext, governed: ReturnType<typeof createTrail>) {
  const { config } = context;
  return new QuerySide(
    "query-side",
    {
      partition: config.partition,
      region: config.region,
      organizationId: context.organizationId,
      managementAccountId: context.managementAccountId,
      archiveAccountId: context.archive!.account.id,
      archiveBucketName: governed.archive.bucketName,
      archiveKeyArn: governed.archive.key.arn,
      accountIds: context.organization.accounts.map((account) => account.id),
      resultsRetentionDays: config.query.resultsRetentionDays,
      bytesScannedCutoff: config.query.bytesScannedCutoff,
      trailName: context.trailName,
    },
    { providers: [governed.logArchiveAccount] },
  );
}

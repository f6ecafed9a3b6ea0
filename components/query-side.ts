import * as athena from "@pulumi/aws/athena";
import * as glue from "@pulumi/aws/glue";
import * as iam from "@pulumi/aws/iam";
import * as kms from "@pulumi/aws/kms";
import * as s3 from "@pulumi/aws/s3";
import type * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
  athenaDialect,
  CLOUDTRAIL_COLUMNS,
  CLOUDTRAIL_STORAGE,
  FIRST_PROJECTED_DAY,
  hiveType,
  INSIGHTS_COLUMNS,
  PARTITION_KEYS,
  PARTITION_REGIONS,
  projectionParameters,
  QUERY_SIDE_DEFAULTS,
  QUESTIONS,
  renderNamedQuery,
  tableLocation,
  type Column,
} from "../lib/investigation";
import { bucketArn, managementTrailsArnPattern } from "../lib/naming";
import { denyInsecureTransport, policyDocument } from "../lib/policies/document";
import {
  investigationReaderPolicy,
  investigationReaderTrustPolicy,
  resultsKeyPolicy,
} from "../lib/policies/investigation-reader";
import { ORIGINAL_TRAIL_NAME, stackNames } from "../lib/stack-names";
import { KEY_DELETION_WINDOW_DAYS } from "./log-archive";

export interface QuerySideArgs {
  partition: string;
  region: string;
  organizationId: string;
  managementAccountId: string;
  /** The account of the archive; the component's provider must act in it. */
  archiveAccountId: string;
  archiveBucketName: string;
  archiveKeyArn: pulumi.Input<string>;
  /** Every account of the organization, read at each `pulumi up`: a new account shows in the plan's diff. */
  accountIds: readonly string[];
  /** Days before a query's results are deleted. */
  resultsRetentionDays: number;
  /** Bytes a query may scan before Athena cancels it. */
  bytesScannedCutoff: number;
  /**
   * The stack's trail name, from which the database, workgroup, reader role and results bucket names
   * derive, so two stacks in one organization keep query sides of their own.
   * @default "org-governance" (the names `npm run investigate` uses by default)
   */
  trailName?: string;
}

const glueColumns = (
  columns: readonly Column[],
): aws.types.input.glue.CatalogTableStorageDescriptorColumn[] =>
  columns.map((column) => ({ name: column.name.toLowerCase(), type: hiveType(column.type) }));

/**
 * Athena over the archive, in the log-archive account: a Glue database with the CloudTrail and Insights
 * tables (partition projection on account, region and day), a workgroup that enforces encrypted results
 * in a bucket of its own and a bytes-scanned cutoff, one named query per question of the catalog, and a
 * reader role allowed exactly what running them needs.
 */
export class QuerySide extends pulumi.ComponentResource {
  readonly workgroup: athena.Workgroup;
  readonly database: glue.CatalogDatabase;
  readonly table: glue.CatalogTable;
  readonly insightsTable: glue.CatalogTable;
  readonly readerRole: iam.Role;
  readonly namedQueries: athena.NamedQuery[];
  readonly resultsBucket: s3.Bucket;

  constructor(name: string, args: QuerySideArgs, opts?: pulumi.ComponentResourceOptions) {
    super("org-governance:index:QuerySide", name, {}, opts);
    const child = { parent: this };
    const stack = stackNames(args.trailName ?? ORIGINAL_TRAIL_NAME);
    const names = { ...QUERY_SIDE_DEFAULTS, database: stack.queryDatabase, workgroup: stack.queryWorkgroup };
    const resultsName = stack.queryResultsBucket(args.archiveAccountId, args.region);
    const resultsArn = bucketArn(args.partition, resultsName);

    const resultsKey = new kms.Key(
      `${name}-results-key`,
      {
        description: "Encrypts Athena query results over the organization trail's archive",
        enableKeyRotation: true,
        deletionWindowInDays: KEY_DELETION_WINDOW_DAYS,
        policy: JSON.stringify(resultsKeyPolicy(args.partition, args.region, args.archiveAccountId)),
      },
      child,
    );

    this.resultsBucket = new s3.Bucket(
      `${name}-results`,
      { bucket: resultsName, forceDestroy: false },
      child,
    );
    const bucket = this.resultsBucket.bucket;
    const publicAccess = new s3.BucketPublicAccessBlock(
      `${name}-results-public-access`,
      {
        bucket,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      },
      child,
    );
    new s3.BucketOwnershipControls(
      `${name}-results-ownership`,
      { bucket, rule: { objectOwnership: "BucketOwnerEnforced" } },
      child,
    );
    new s3.BucketServerSideEncryptionConfiguration(
      `${name}-results-encryption`,
      {
        bucket,
        rules: [
          {
            applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: resultsKey.arn },
            bucketKeyEnabled: true,
          },
        ],
      },
      child,
    );
    const expiry: aws.types.input.s3.BucketLifecycleConfigurationRule = {
      id: "expire-query-results",
      status: "Enabled",
      filter: {},
      expiration: { days: args.resultsRetentionDays },
      abortIncompleteMultipartUpload: { daysAfterInitiation: 1 },
    };
    new s3.BucketLifecycleConfiguration(`${name}-results-lifecycle`, { bucket, rules: [expiry] }, child);
    new s3.BucketPolicy(
      `${name}-results-policy`,
      { bucket, policy: JSON.stringify(policyDocument(denyInsecureTransport(resultsArn))) },
      // S3 rejects a policy while the public access block is being applied; order them.
      { parent: this, dependsOn: [publicAccess] },
    );

    this.database = new glue.CatalogDatabase(
      `${name}-database`,
      { name: names.database, description: "The organization trail's archive, for Athena" },
      child,
    );
    const regions = PARTITION_REGIONS[args.partition] ?? [args.region];
    const accountIds = [...new Set([...args.accountIds, args.managementAccountId])];
    const table = (
      tableName: string,
      columns: readonly Column[],
      logType: "CloudTrail" | "CloudTrail-Insight",
    ) => {
      const location = tableLocation({
        bucketName: args.archiveBucketName,
        organizationId: args.organizationId,
      });
      const descriptor: aws.types.input.glue.CatalogTableStorageDescriptor = {
        location,
        inputFormat: CLOUDTRAIL_STORAGE.inputFormat,
        outputFormat: CLOUDTRAIL_STORAGE.outputFormat,
        serDeInfo: { serializationLibrary: CLOUDTRAIL_STORAGE.serializationLibrary },
        columns: glueColumns(columns),
      };
      return new glue.CatalogTable(
        `${name}-${tableName.replace(/_/g, "-")}`,
        {
          name: tableName,
          databaseName: this.database.name,
          tableType: "EXTERNAL_TABLE",
          partitionKeys: PARTITION_KEYS.map((key) => ({ name: key, type: "string" })),
          parameters: projectionParameters({
            bucketName: args.archiveBucketName,
            organizationId: args.organizationId,
            accountIds,
            regions,
            firstDay: FIRST_PROJECTED_DAY,
            logType,
          }),
          storageDescriptor: descriptor,
        },
        child,
      );
    };
    this.table = table(names.table, CLOUDTRAIL_COLUMNS, "CloudTrail");
    this.insightsTable = table(names.insightsTable, INSIGHTS_COLUMNS, "CloudTrail-Insight");

    const configuration: aws.types.input.athena.WorkgroupConfiguration = {
      // Clients cannot override the location, encryption or cutoff below.
      enforceWorkgroupConfiguration: true,
      publishCloudwatchMetricsEnabled: true,
      bytesScannedCutoffPerQuery: args.bytesScannedCutoff,
      engineVersion: { selectedEngineVersion: "Athena engine version 3" },
      resultConfiguration: {
        outputLocation: `s3://${resultsName}/`,
        expectedBucketOwner: args.archiveAccountId,
        encryptionConfiguration: { encryptionOption: "SSE_KMS", kmsKeyArn: resultsKey.arn },
      },
    };
    this.workgroup = new athena.Workgroup(
      `${name}-workgroup`,
      {
        name: names.workgroup,
        description: "Investigations over the organization trail's archive",
        state: "ENABLED",
        forceDestroy: false,
        configuration,
      },
      child,
    );

    const dialect = athenaDialect(names.database, names.table);
    this.namedQueries = QUESTIONS.map(
      (question) =>
        new athena.NamedQuery(
          `${name}-${question.name}`,
          {
            name: `investigate-${question.name}`,
            description: question.purpose,
            database: this.database.name,
            workgroup: this.workgroup.name,
            query: renderNamedQuery(question, dialect),
          },
          // The query names the table: create it first so the console can run it at once.
          { parent: this, dependsOn: [this.table] },
        ),
    );

    this.readerRole = new iam.Role(
      `${name}-reader`,
      {
        name: stack.queryReaderRole,
        description: "Runs the investigation queries over the organization trail's archive",
        assumeRolePolicy: JSON.stringify(
          investigationReaderTrustPolicy(args.partition, args.archiveAccountId),
        ),
        maxSessionDuration: 3600,
      },
      child,
    );
    new iam.RolePolicy(
      `${name}-reader-policy`,
      {
        role: this.readerRole.name,
        policy: pulumi.all([args.archiveKeyArn, resultsKey.arn]).apply(([archiveKeyArn, resultsKeyArn]) =>
          JSON.stringify(
            investigationReaderPolicy({
              partition: args.partition,
              region: args.region,
              archiveAccountId: args.archiveAccountId,
              organizationId: args.organizationId,
              archiveBucketArn: bucketArn(args.partition, args.archiveBucketName),
              archiveKeyArn,
              managementTrailsArnPattern: managementTrailsArnPattern(
                args.partition,
                args.managementAccountId,
              ),
              resultsBucketArn: resultsArn,
              resultsKeyArn,
              workgroupName: names.workgroup,
              databaseName: names.database,
              tableNames: [names.table, names.insightsTable],
            }),
          ),
        ),
      },
      child,
    );

    this.registerOutputs({
      workgroupName: this.workgroup.name,
      databaseName: this.database.name,
      tableName: this.table.name,
      readerRoleArn: this.readerRole.arn,
    });
  }
}

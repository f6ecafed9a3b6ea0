import { accountRootArn } from "../naming";
import { keyAdministrators, policyDocument, type PolicyDocument } from "./document";

export interface InvestigationReaderArgs {
  partition: string;
  region: string;
  /** The log-archive account: it holds the archive, the Glue tables, the workgroup and the role. */
  archiveAccountId: string;
  organizationId: string;
  archiveBucketArn: string;
  /** The key that encrypts the archived logs. */
  archiveKeyArn: string;
  /** `arn:<partition>:cloudtrail:*:<managementAccountId>:trail/*`, the context CloudTrail encrypts with. */
  managementTrailsArnPattern: string;
  resultsBucketArn: string;
  resultsKeyArn: string;
  workgroupName: string;
  databaseName: string;
  tableNames: readonly string[];
}

/** What Athena needs to run, follow and read queries in the one workgroup, and to open its named queries. */
export const READER_ATHENA_ACTIONS = [
  "athena:StartQueryExecution",
  "athena:StopQueryExecution",
  "athena:GetQueryExecution",
  "athena:GetQueryResults",
  "athena:GetQueryResultsStream",
  "athena:ListQueryExecutions",
  "athena:BatchGetQueryExecution",
  "athena:GetWorkGroup",
  "athena:ListNamedQueries",
  "athena:GetNamedQuery",
  "athena:BatchGetNamedQuery",
];

/** Athena reads table definitions from the Glue Data Catalog as the caller. */
export const READER_GLUE_ACTIONS = [
  "glue:GetDatabase",
  "glue:GetTable",
  "glue:GetTables",
  "glue:GetPartition",
  "glue:GetPartitions",
];

/** Only principals of the log-archive account may assume the reader role (their own policies decide who). */
export function investigationReaderTrustPolicy(partition: string, archiveAccountId: string): PolicyDocument {
  return policyDocument({
    Sid: "LogArchiveAccountAssumes",
    Effect: "Allow",
    Principal: { AWS: accountRootArn(partition, archiveAccountId) },
    Action: "sts:AssumeRole",
  });
}

/**
 * Exactly what running the named queries needs ("Access to Athena": workgroup, Glue catalog, S3
 * source and results; "Encrypting Athena query results stored in Amazon S3"): Athena in the one
 * workgroup, Glue reads of the one database, reads of the organization's logs, reads and writes of the
 * results bucket, and decryption of the archive only with CloudTrail's encryption context.
 */
export function investigationReaderPolicy(args: InvestigationReaderArgs): PolicyDocument {
  const catalog = `arn:${args.partition}:glue:${args.region}:${args.archiveAccountId}`;
  const logsPrefix = `AWSLogs/${args.organizationId}/`;
  return policyDocument(
    {
      Sid: "RunQueriesInTheWorkgroup",
      Effect: "Allow",
      Action: READER_ATHENA_ACTIONS,
      Resource: `arn:${args.partition}:athena:${args.region}:${args.archiveAccountId}:workgroup/${args.workgroupName}`,
    },
    {
      Sid: "ReadTheTables",
      Effect: "Allow",
      Action: READER_GLUE_ACTIONS,
      Resource: [
        `${catalog}:catalog`,
        `${catalog}:database/${args.databaseName}`,
        ...args.tableNames.map((table) => `${catalog}:table/${args.databaseName}/${table}`),
      ],
    },
    {
      Sid: "ListTheOrganizationLogs",
      Effect: "Allow",
      Action: "s3:ListBucket",
      Resource: args.archiveBucketArn,
      Condition: { StringLike: { "s3:prefix": [`${logsPrefix}*`] } },
    },
    {
      Sid: "ReadTheOrganizationLogs",
      Effect: "Allow",
      Action: "s3:GetObject",
      Resource: `${args.archiveBucketArn}/${logsPrefix}*`,
    },
    {
      Sid: "LocateTheBuckets",
      Effect: "Allow",
      Action: "s3:GetBucketLocation",
      Resource: [args.archiveBucketArn, args.resultsBucketArn],
    },
    {
      Sid: "ReadAndWriteResults",
      Effect: "Allow",
      Action: [
        "s3:ListBucket",
        "s3:GetObject",
        "s3:PutObject",
        "s3:AbortMultipartUpload",
        "s3:ListMultipartUploadParts",
      ],
      Resource: [args.resultsBucketArn, `${args.resultsBucketArn}/*`],
    },
    {
      Sid: "DecryptTrailLogs",
      Effect: "Allow",
      Action: "kms:Decrypt",
      Resource: args.archiveKeyArn,
      Condition: {
        StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": args.managementTrailsArnPattern },
      },
    },
    {
      Sid: "EncryptAndDecryptResults",
      Effect: "Allow",
      Action: ["kms:GenerateDataKey", "kms:Decrypt"],
      Resource: args.resultsKeyArn,
    },
  );
}

/**
 * The results key: administered by the log-archive account, used only through S3 in its region (Athena
 * writes and reads results with SSE-KMS), by principals of that account whose IAM policies allow it.
 */
export function resultsKeyPolicy(
  partition: string,
  region: string,
  archiveAccountId: string,
): PolicyDocument {
  return policyDocument(keyAdministrators("LogArchiveAccountAdministers", partition, archiveAccountId), {
    Sid: "AccountUsesThroughS3",
    Effect: "Allow",
    Principal: { AWS: accountRootArn(partition, archiveAccountId) },
    Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
    Resource: "*",
    Condition: {
      StringEquals: { "kms:CallerAccount": archiveAccountId, "kms:ViaService": `s3.${region}.amazonaws.com` },
    },
  });
}

import { ORIGINAL_TRAIL_NAME, stackNames } from "../../lib/stack-names";
import type { PlanFacts } from "./access-table";
import { ADMINISTRATOR, type AccessRequest } from "./iam-simulation";

const TLS = { "aws:SecureTransport": "true" };

/**
 * The investigation reader role (identity policy and trust), the results key and the results bucket:
 * the reader runs queries in its one workgroup, reads the organization's logs, decrypts them only with
 * CloudTrail's encryption context (with the archive key's own policy beside), and nothing else.
 */
export function querySideRows(f: PlanFacts): AccessRequest[] {
  // The table judges the prod plan, whose stack keeps the original names.
  const names = stackNames(ORIGINAL_TRAIL_NAME);
  const readerRoleArn = `arn:aws:iam::${f.archiveAccountId}:role/${names.queryReaderRole}`;
  const resultsBucketArn = `arn:aws:s3:::${names.queryResultsBucket(f.archiveAccountId, f.region)}`;
  // The key policy's statements name Resource "*": any key ARN of the account stands for the results key.
  const resultsKeyArn = `arn:aws:kms:${f.region}:${f.archiveAccountId}:key/query-results`;
  const identity = "query-side-reader-policy.policy";
  const reader = { document: identity, principal: readerRoleArn, resourceAccount: f.archiveAccountId };
  const workgroup = `arn:aws:athena:${f.region}:${f.archiveAccountId}:workgroup/${names.queryWorkgroup}`;
  const logFile = `${f.archiveBucketArn}/AWSLogs/${f.organizationId}/${f.managementAccountId}/CloudTrail/${f.region}/2026/01/01/file.json.gz`;
  const trailContext = {
    "kms:EncryptionContext:aws:cloudtrail:arn": f.trailArn,
    "kms:CallerAccount": f.archiveAccountId,
  };
  const accountAdmin = `arn:aws:iam::${f.archiveAccountId}:role/Administrator`;
  return [
    {
      ...reader,
      action: "athena:StartQueryExecution",
      resource: workgroup,
      intent: "the reader runs queries in the investigation workgroup",
      expected: "Allowed",
    },
    {
      ...reader,
      action: "athena:StartQueryExecution",
      resource: workgroup.replace(/workgroup\/.*/, "workgroup/primary"),
      intent: "the reader cannot run queries in another workgroup (its settings are not enforced)",
      expected: "ImplicitlyDenied",
    },
    {
      ...reader,
      action: "glue:GetTable",
      resource: `arn:aws:glue:${f.region}:${f.archiveAccountId}:table/org_governance_audit/cloudtrail`,
      intent: "the reader reads the CloudTrail table's definition",
      expected: "Allowed",
    },
    {
      ...reader,
      action: "s3:GetObject",
      resource: logFile,
      intent: "the reader reads the organization's log files",
      context: TLS,
      expected: "Allowed",
    },
    {
      ...reader,
      action: "s3:PutObject",
      resource: logFile,
      intent: "the reader cannot write to the archive",
      context: TLS,
      expected: "ImplicitlyDenied",
    },
    {
      ...reader,
      action: "kms:Decrypt",
      resource: f.archiveKeyArn,
      alongWith: ["log-archive-key.policy"],
      intent:
        "the reader decrypts log files with CloudTrail's encryption context, the archive key policy agreeing",
      context: trailContext,
      expected: "Allowed",
    },
    {
      ...reader,
      action: "kms:Decrypt",
      resource: f.archiveKeyArn,
      alongWith: ["log-archive-key.policy"],
      intent: "the reader cannot decrypt without CloudTrail's encryption context",
      context: { "kms:CallerAccount": f.archiveAccountId },
      expected: "ImplicitlyDenied",
    },
    {
      ...reader,
      action: "s3:PutObject",
      resource: `${resultsBucketArn}/results/query.csv`,
      intent: "the reader writes query results to the results bucket",
      context: TLS,
      expected: "Allowed",
    },
    {
      document: "query-side-reader.assumeRolePolicy",
      principal: accountAdmin,
      callerPolicies: [ADMINISTRATOR],
      action: "sts:AssumeRole",
      resource: readerRoleArn,
      resourceAccount: f.archiveAccountId,
      intent: "a principal of the log-archive account may assume the reader role",
      expected: "Allowed",
    },
    {
      document: "query-side-reader.assumeRolePolicy",
      principal: "arn:aws:iam::999999999999:role/Administrator",
      callerPolicies: [ADMINISTRATOR],
      action: "sts:AssumeRole",
      resource: readerRoleArn,
      resourceAccount: f.archiveAccountId,
      intent: "a principal of another account cannot assume the reader role",
      expected: "ImplicitlyDenied",
    },
    {
      document: "query-side-results-key.policy",
      principal: accountAdmin,
      callerPolicies: [ADMINISTRATOR],
      action: "kms:GenerateDataKey",
      resource: resultsKeyArn,
      resourceAccount: f.archiveAccountId,
      intent: "the account encrypts results through S3 with the results key",
      context: { "kms:CallerAccount": f.archiveAccountId, "kms:ViaService": `s3.${f.region}.amazonaws.com` },
      expected: "Allowed",
    },
    {
      document: "query-side-results-key.policy",
      principal: accountAdmin,
      callerPolicies: [ADMINISTRATOR],
      action: "kms:Decrypt",
      resource: resultsKeyArn,
      resourceAccount: f.archiveAccountId,
      intent: "the results key is not usable outside S3",
      context: { "kms:CallerAccount": f.archiveAccountId },
      expected: "ImplicitlyDenied",
    },
    {
      document: "query-side-results-policy.policy",
      principal: accountAdmin,
      callerPolicies: [ADMINISTRATOR],
      action: "s3:GetObject",
      resource: `${resultsBucketArn}/results/query.csv`,
      resourceAccount: f.archiveAccountId,
      intent: "results are never served over plain HTTP",
      context: { "aws:SecureTransport": "false" },
      expected: "ExplicitlyDenied",
    },
  ];
}

import type { SeededRandom } from "../../tests/support/organizations-endpoint/seeded";

/** What a request builder may vary on: choices, fresh hex digits, the account and region of the call. */
export interface CallContext {
  readonly random: SeededRandom;
  /** `length` hex digits no other record shares (ids, keys, tokens). */
  readonly hex: (length: number) => string;
  readonly accountId: string;
  readonly region: string;
}

export interface EventKind {
  readonly eventSource: string;
  readonly eventName: string;
  /** Relative frequency in an organization trail's log (management events plus S3 write data events). */
  readonly weight: number;
  readonly readOnly: boolean;
  /** S3 object-level calls are data events; everything else here is a management event. */
  readonly data?: true;
  readonly request: (context: CallContext) => Record<string, unknown> | null;
  readonly response?: (context: CallContext) => Record<string, unknown> | null;
  /** An error this call typically fails with, other than a denial. */
  readonly failure?: { readonly errorCode: string; readonly errorMessage: string };
}

const BUCKETS = ["app-artifacts", "data-lake-raw", "terraform-state", "reports", "backups", "static-site"];
const ROLES = [
  "deployer",
  "app-runtime",
  "data-pipeline",
  "AWSReservedSSO_ReadOnly",
  "github-actions",
  "monitoring",
];
const FUNCTIONS = ["orders-api", "thumbnailer", "nightly-report", "webhook-relay"];
/** A handful of keys per account, as an organization with a key per workload has. */
const KEY_IDS = [
  "0c5e1a2b-7d3f-4e8a-9b6c-1f2e3d4c5b6a",
  "3f8a9b0c-1d2e-4f3a-8b4c-5d6e7f8a9b0c",
  "7b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e",
  "a4b5c6d7-e8f9-4a0b-8c1d-2e3f4a5b6c7d",
];

const id = ({ hex }: CallContext, prefix: string) => `${prefix}-${hex(17)}`;
const keyArn = ({ random, accountId, region }: CallContext) =>
  `arn:aws:kms:${region}:${accountId}:key/${random.pick(KEY_IDS)}`;
const objectKey = ({ random, hex }: CallContext) =>
  `${random.pick(["logs", "exports", "uploads", "builds"])}/2024/08/${String(1 + random.below(28)).padStart(2, "0")}/${hex(12)}.${random.pick(["json.gz", "parquet", "zip", "csv"])}`;
const bucketName = ({ random, accountId }: CallContext) => `${random.pick(BUCKETS)}-${accountId}`;

function assumeRoleResponse({ random, hex, accountId }: CallContext): Record<string, unknown> {
  const role = random.pick(ROLES);
  const session = `session-${hex(10)}`;
  return {
    credentials: {
      accessKeyId: `ASIA${hex(16).toUpperCase()}`,
      // Real session tokens are several hundred base64 characters; their length is what matters here.
      sessionToken: `IQoJb3JpZ2luX2Vj${hex(64)}${hex(64)}${hex(64)}`,
      expiration: "Aug 1, 2024, 1:00:00 PM",
    },
    assumedRoleUser: {
      assumedRoleId: `AROA${hex(17).toUpperCase()}:${session}`,
      arn: `arn:aws:sts::${accountId}:assumed-role/${role}/${session}`,
    },
  };
}

function ingressRule(context: CallContext): Record<string, unknown> {
  const { random } = context;
  const port = random.pick([22, 443, 3389, 5432, 8080]);
  return {
    groupId: id(context, "sg"),
    ipPermissions: {
      items: [
        {
          ipProtocol: "tcp",
          fromPort: port,
          toPort: port,
          ipRanges: { items: [{ cidrIp: random.pick(["0.0.0.0/0", "10.0.0.0/8", "192.168.10.0/24"]) }] },
        },
      ],
    },
  };
}

const NOT_FOUND = { errorCode: "ResourceNotFoundException", errorMessage: "Requested resource not found" };

/**
 * The calls the generated log is made of, weighted like a busy organization: mostly credentials, KMS and
 * reads, S3 object writes from the data-event selector, and a thin tail of the changes CIS alarms on.
 */
export const EVENT_KINDS: readonly EventKind[] = [
  {
    eventSource: "sts.amazonaws.com",
    eventName: "AssumeRole",
    weight: 150,
    readOnly: true,
    request: ({ random, hex, accountId }) => ({
      roleArn: `arn:aws:iam::${accountId}:role/${random.pick(ROLES)}`,
      roleSessionName: `session-${hex(10)}`,
      durationSeconds: random.pick([900, 3600, 43200]),
    }),
    response: assumeRoleResponse,
  },
  {
    eventSource: "kms.amazonaws.com",
    eventName: "Decrypt",
    weight: 120,
    readOnly: true,
    request: (context) => ({
      encryptionAlgorithm: "SYMMETRIC_DEFAULT",
      encryptionContext: { "aws:s3:arn": `arn:aws:s3:::${bucketName(context)}/${objectKey(context)}` },
    }),
  },
  {
    eventSource: "kms.amazonaws.com",
    eventName: "GenerateDataKey",
    weight: 60,
    readOnly: true,
    request: (context) => ({ keyId: keyArn(context), keySpec: "AES_256" }),
  },
  {
    eventSource: "s3.amazonaws.com",
    eventName: "PutObject",
    weight: 140,
    readOnly: false,
    data: true,
    request: (context) => {
      const bucket = bucketName(context);
      return {
        bucketName: bucket,
        Host: `${bucket}.s3.${context.region}.amazonaws.com`,
        key: objectKey(context),
        "x-amz-server-side-encryption": "aws:kms",
      };
    },
    response: (context) => ({ "x-amz-server-side-encryption-aws-kms-key-id": keyArn(context) }),
  },
  {
    eventSource: "s3.amazonaws.com",
    eventName: "DeleteObject",
    weight: 15,
    readOnly: false,
    data: true,
    request: (context) => ({ bucketName: bucketName(context), key: objectKey(context) }),
  },
  {
    eventSource: "ec2.amazonaws.com",
    eventName: "DescribeInstances",
    weight: 50,
    readOnly: true,
    request: (context) => ({
      instancesSet: { items: [{ instanceId: id(context, "i") }] },
      filterSet: {},
    }),
  },
  {
    eventSource: "ec2.amazonaws.com",
    eventName: "DescribeSecurityGroups",
    weight: 20,
    readOnly: true,
    request: (context) => ({ securityGroupIdSet: { items: [{ groupId: id(context, "sg") }] } }),
  },
  {
    eventSource: "sts.amazonaws.com",
    eventName: "GetCallerIdentity",
    weight: 30,
    readOnly: true,
    request: () => null,
  },
  {
    eventSource: "logs.amazonaws.com",
    eventName: "CreateLogStream",
    weight: 30,
    readOnly: false,
    request: ({ random, hex }) => ({
      logGroupName: `/aws/lambda/${random.pick(FUNCTIONS)}`,
      logStreamName: `2024/08/01/[$LATEST]${hex(32)}`,
    }),
  },
  {
    eventSource: "ssm.amazonaws.com",
    eventName: "GetParameter",
    weight: 30,
    readOnly: true,
    request: ({ random }) => ({
      name: `/${random.pick(FUNCTIONS)}/config/database-url`,
      withDecryption: true,
    }),
    failure: { errorCode: "ParameterNotFound", errorMessage: "Parameter not found" },
  },
  {
    eventSource: "secretsmanager.amazonaws.com",
    eventName: "GetSecretValue",
    weight: 20,
    readOnly: true,
    request: ({ random, accountId, region }) => ({
      secretId: `arn:aws:secretsmanager:${region}:${accountId}:secret:${random.pick(FUNCTIONS)}-Ab12Cd`,
    }),
    failure: NOT_FOUND,
  },
  {
    eventSource: "iam.amazonaws.com",
    eventName: "GetRole",
    weight: 20,
    readOnly: true,
    request: ({ random }) => ({ roleName: random.pick(ROLES) }),
    failure: { errorCode: "NoSuchEntityException", errorMessage: "The role cannot be found." },
  },
  {
    eventSource: "lambda.amazonaws.com",
    eventName: "GetFunction20150331v2",
    weight: 10,
    readOnly: true,
    request: ({ random }) => ({ functionName: random.pick(FUNCTIONS) }),
    failure: NOT_FOUND,
  },
  {
    eventSource: "dynamodb.amazonaws.com",
    eventName: "DescribeTable",
    weight: 10,
    readOnly: true,
    request: ({ random }) => ({ tableName: random.pick(["orders", "sessions", "audit-index"]) }),
  },
  {
    eventSource: "config.amazonaws.com",
    eventName: "PutEvaluations",
    weight: 10,
    readOnly: false,
    request: ({ hex }) => ({ resultToken: hex(64), testMode: false }),
  },
  {
    eventSource: "cloudtrail.amazonaws.com",
    eventName: "LookupEvents",
    weight: 4,
    readOnly: true,
    request: () => ({ maxResults: 50 }),
  },
  {
    eventSource: "organizations.amazonaws.com",
    eventName: "DescribeOrganization",
    weight: 4,
    readOnly: true,
    request: () => null,
  },
  // The changes CIS alarms on: rare, as in a real log.
  {
    eventSource: "ec2.amazonaws.com",
    eventName: "AuthorizeSecurityGroupIngress",
    weight: 2,
    readOnly: false,
    request: ingressRule,
  },
  {
    eventSource: "ec2.amazonaws.com",
    eventName: "CreateNetworkAclEntry",
    weight: 0.5,
    readOnly: false,
    request: (context) => ({
      networkAclId: id(context, "acl"),
      ruleNumber: 100 + context.random.below(100),
      egress: false,
      ruleAction: "allow",
      cidrBlock: "10.0.0.0/16",
    }),
  },
  {
    eventSource: "ec2.amazonaws.com",
    eventName: "CreateRoute",
    weight: 0.5,
    readOnly: false,
    request: (context) => ({
      routeTableId: id(context, "rtb"),
      destinationCidrBlock: "0.0.0.0/0",
      gatewayId: id(context, "igw"),
    }),
  },
  {
    eventSource: "iam.amazonaws.com",
    eventName: "PutRolePolicy",
    weight: 2,
    readOnly: false,
    request: ({ random }) => ({
      roleName: random.pick(ROLES),
      policyName: "inline-access",
      policyDocument:
        '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    }),
  },
  {
    eventSource: "iam.amazonaws.com",
    eventName: "AttachRolePolicy",
    weight: 2,
    readOnly: false,
    request: ({ random }) => ({
      roleName: random.pick(ROLES),
      policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess",
    }),
  },
  {
    eventSource: "s3.amazonaws.com",
    eventName: "PutBucketPolicy",
    weight: 0.5,
    readOnly: false,
    request: (context) => ({ bucketName: bucketName(context), policy: { Version: "2012-10-17" } }),
  },
  {
    eventSource: "kms.amazonaws.com",
    eventName: "ScheduleKeyDeletion",
    weight: 0.1,
    readOnly: false,
    request: (context) => ({ keyId: keyArn(context), pendingWindowInDays: 30 }),
  },
  {
    eventSource: "cloudtrail.amazonaws.com",
    eventName: "StopLogging",
    weight: 0.05,
    readOnly: false,
    request: ({ accountId, region }) => ({
      name: `arn:aws:cloudtrail:${region}:${accountId}:trail/workload-trail`,
    }),
  },
  {
    eventSource: "config.amazonaws.com",
    eventName: "StopConfigurationRecorder",
    weight: 0.05,
    readOnly: false,
    request: () => ({ configurationRecorderName: "default" }),
  },
];

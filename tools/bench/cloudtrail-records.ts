import { createHash } from "node:crypto";
import type { CloudTrailRecord, UserIdentity } from "../../lib/controls";
import { SeededRandom } from "../../tests/support/organizations-endpoint/seeded";
import { EVENT_KINDS, type CallContext, type EventKind } from "./cloudtrail-events";

const START_MS = Date.parse("2024-08-01T00:00:00Z");
/** About 27 records a second: a million records span a bit over ten hours of one organization's activity. */
const MEAN_GAP_MS = 37;
const ACCOUNTS = 200;
/** Principals recur: a log of a million calls is made by a few thousand roles, users and services. */
const PRINCIPALS = 2000;

const REGIONS = ["us-east-1", "eu-west-1", "us-west-2", "eu-central-1", "ap-southeast-2"];
const REGION_WEIGHTS = [40, 25, 15, 10, 10];
/** Shares of principals by `userIdentity.type`; the rest, 0.05%, is the root user. */
const PRINCIPAL_SHARES = [
  ["AssumedRole", 0.65],
  ["IAMUser", 0.2],
  ["AWSService", 0.13],
  ["FederatedUser", 0.0195],
] as const;
const ROLE_NAMES = ["deployer", "app-runtime", "data-pipeline", "AWSReservedSSO_Admin", "github-actions"];
const USER_NAMES = ["alice", "bob", "ci-legacy", "backup-agent", "break-glass"];
const SERVICE_PRINCIPALS = [
  "lambda.amazonaws.com",
  "ec2.amazonaws.com",
  "ecs-tasks.amazonaws.com",
  "cloudformation.amazonaws.com",
  "config.amazonaws.com",
];
const USER_AGENTS = [
  "aws-cli/2.17.20 md/awscrt#0.20.11 ua/2.0 os/linux#6.1.0 md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython",
  "aws-sdk-go-v2/1.30.3 ua/2.0 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64 api/sts#1.30.3",
  "Boto3/1.34.149 md/Botocore#1.34.149 ua/2.0 os/linux#5.10.220 md/arch#x86_64 lang/python#3.12.4",
  "aws-sdk-js/3.620.0 ua/2.1 os/linux#5.10.219 lang/js md/nodejs#20.15.1 api/kms#3.620.0",
  "APN/1.0 HashiCorp/1.0 Terraform/1.9.3 (+https://www.terraform.io) terraform-provider-aws/5.60.0",
];
const BROWSER =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5";
/** The denial error code each service writes; the others write AccessDeniedException. */
const DENIALS: Readonly<Record<string, string>> = {
  "ec2.amazonaws.com": "Client.UnauthorizedOperation",
  "s3.amazonaws.com": "AccessDenied",
  "sts.amazonaws.com": "AccessDenied",
  "iam.amazonaws.com": "AccessDenied",
};
const DENIED_SHARE = 0.025;
const FAILED_SHARE = 0.015;
const THROTTLED_SHARE = 0.005;
const CONSOLE_SIGN_IN_WEIGHT = 3;
const FAILED_SIGN_IN_SHARE = 0.08;
const SIGN_IN_WITHOUT_MFA_SHARE = 0.1;

/** What every record has, whatever the call. */
type Envelope = Pick<CloudTrailRecord, "eventVersion" | "eventTime" | "awsRegion" | "eventID">;

interface Principal {
  readonly identity: UserIdentity;
  readonly accountId: string;
}

/**
 * A deterministic stream of CloudTrail records: record `index` of a seed is always the same record, so any
 * slice can be generated on its own, in any order, without holding the others in memory.
 */
export class CloudTrailRecordGenerator {
  private readonly principals: readonly Principal[];
  private readonly kinds: readonly (EventKind | "ConsoleLogin")[] = [...EVENT_KINDS, "ConsoleLogin"];
  private readonly kindSums = cumulative([...EVENT_KINDS.map((kind) => kind.weight), CONSOLE_SIGN_IN_WEIGHT]);
  private readonly regionSums = cumulative(REGION_WEIGHTS);

  constructor(private readonly seed: number) {
    const random = new SeededRandom(seed, "principals");
    const hex = hexStream(seed, "principals");
    const accounts = Array.from({ length: ACCOUNTS }, () =>
      String(100_000_000_000 + random.below(900_000_000_000)),
    );
    this.principals = Array.from({ length: PRINCIPALS }, () => {
      const accountId = random.pick(accounts);
      return { accountId, identity: principal(principalType(random.next()), accountId, random, hex) };
    });
  }

  record(index: number): CloudTrailRecord {
    const random = new SeededRandom(this.seed, `record-${index}`);
    const hex = hexStream(this.seed, `record-${index}`);
    const region = REGIONS[pickIndex(random, this.regionSums)];
    const kind = this.kinds[pickIndex(random, this.kindSums)];
    const caller = random.pick(this.principals);
    const context: CallContext = { random, hex, accountId: caller.accountId, region };
    const eventTime = new Date(START_MS + index * MEAN_GAP_MS + random.below(MEAN_GAP_MS)).toISOString();
    const envelope: Envelope = { eventVersion: "1.09", eventTime, awsRegion: region, eventID: uuid(hex) };
    return kind === "ConsoleLogin"
      ? consoleSignIn(context, envelope, caller)
      : apiCall(kind, context, envelope, caller.identity);
  }

  /** `count` records from `start`, one compact JSON text per record, as CloudWatch Logs holds them. */
  lines(start: number, count: number): string[] {
    return Array.from({ length: count }, (_, offset) => JSON.stringify(this.record(start + offset)));
  }
}

function cumulative(weights: readonly number[]): number[] {
  let total = 0;
  return weights.map((weight) => (total += weight));
}

function pickIndex(random: SeededRandom, sums: readonly number[]): number {
  const point = random.next() * sums[sums.length - 1];
  const index = sums.findIndex((sum) => point < sum);
  return index < 0 ? sums.length - 1 : index;
}

/** Hex digits from a SHA-256 chain: one hash gives 64 of them, where drawing them one by one costs eight. */
function hexStream(seed: number, stream: string): (length: number) => string {
  let buffered = "";
  let block = 0;
  return (length) => {
    while (buffered.length < length) {
      buffered += createHash("sha256")
        .update(`${seed}\u0000${stream}\u0000hex\u0000${block++}`)
        .digest("hex");
    }
    const digits = buffered.slice(0, length);
    buffered = buffered.slice(length);
    return digits;
  };
}

function uuid(hex: (length: number) => string): string {
  const digits = hex(30);
  return `${digits.slice(0, 8)}-${digits.slice(8, 12)}-4${digits.slice(12, 15)}-a${digits.slice(15, 18)}-${digits.slice(18)}`;
}

function ipAddress(random: SeededRandom): string {
  return [1 + random.below(223), random.below(256), random.below(256), 1 + random.below(254)].join(".");
}

function principalType(draw: number): string {
  let below = 0;
  for (const [type, share] of PRINCIPAL_SHARES) {
    below += share;
    if (draw < below) return type;
  }
  return "Root";
}

function principal(
  type: string,
  accountId: string,
  random: SeededRandom,
  hex: (length: number) => string,
): UserIdentity {
  switch (type) {
    case "AssumedRole": {
      const role = random.pick(ROLE_NAMES);
      const roleId = `AROA${hex(17).toUpperCase()}`;
      const session = random.next() < 0.5 ? `i-${hex(17)}` : `session-${hex(10)}`;
      return {
        type,
        principalId: `${roleId}:${session}`,
        arn: `arn:aws:sts::${accountId}:assumed-role/${role}/${session}`,
        accountId,
        accessKeyId: `ASIA${hex(16).toUpperCase()}`,
        sessionContext: {
          sessionIssuer: {
            type: "Role",
            principalId: roleId,
            arn: `arn:aws:iam::${accountId}:role/${role}`,
            accountId,
            userName: role,
          },
          attributes: { creationDate: "2024-08-01T00:00:00Z", mfaAuthenticated: "false" },
        },
      };
    }
    case "IAMUser": {
      const userName = random.pick(USER_NAMES);
      return {
        type,
        principalId: `AIDA${hex(17).toUpperCase()}`,
        arn: `arn:aws:iam::${accountId}:user/${userName}`,
        accountId,
        accessKeyId: `AKIA${hex(16).toUpperCase()}`,
        userName,
      };
    }
    case "AWSService":
      return { type, invokedBy: random.pick(SERVICE_PRINCIPALS) };
    case "FederatedUser":
      return {
        type,
        principalId: `${accountId}:partner-sync`,
        arn: `arn:aws:sts::${accountId}:federated-user/partner-sync`,
        accountId,
        accessKeyId: `ASIA${hex(16).toUpperCase()}`,
      };
    default:
      return rootUser(accountId);
  }
}

function rootUser(accountId: string): UserIdentity {
  return { type: "Root", principalId: accountId, arn: `arn:aws:iam::${accountId}:root`, accountId };
}

function failureOf(kind: EventKind, draw: number): { errorCode: string; errorMessage: string } | undefined {
  if (draw < DENIED_SHARE) {
    return {
      errorCode: DENIALS[kind.eventSource] ?? "AccessDeniedException",
      errorMessage: `User is not authorized to perform: ${kind.eventSource.split(".")[0]}:${kind.eventName}`,
    };
  }
  if (draw < DENIED_SHARE + FAILED_SHARE) return kind.failure;
  if (draw < DENIED_SHARE + FAILED_SHARE + THROTTLED_SHARE) {
    return { errorCode: "ThrottlingException", errorMessage: "Rate exceeded" };
  }
  return undefined;
}

function apiCall(
  kind: EventKind,
  context: CallContext,
  envelope: Envelope,
  userIdentity: UserIdentity,
): CloudTrailRecord {
  const { random, hex, accountId, region } = context;
  const invokedBy = userIdentity.invokedBy;
  const failure = failureOf(kind, random.next());
  const request = kind.request(context);
  const record: CloudTrailRecord = {
    ...envelope,
    userIdentity,
    eventSource: kind.eventSource,
    eventName: kind.eventName,
    sourceIPAddress: invokedBy ?? ipAddress(random),
    userAgent: invokedBy ?? random.pick(USER_AGENTS),
    ...failure,
    requestParameters: request,
    responseElements: failure || !kind.response ? null : kind.response(context),
    requestID: hex(16).toUpperCase(),
    readOnly: kind.readOnly,
    eventType: "AwsApiCall",
    managementEvent: !kind.data,
    recipientAccountId: accountId,
    eventCategory: kind.data ? "Data" : "Management",
  };
  if (!invokedBy) {
    const host = `${kind.eventSource.replace(".amazonaws.com", "")}.${region}.amazonaws.com`;
    record.tlsDetails = {
      tlsVersion: "TLSv1.3",
      cipherSuite: "TLS_AES_128_GCM_SHA256",
      clientProvidedHostHeader: host,
    };
  }
  if (kind.data && request) {
    const bucket = String(request.bucketName);
    record.resources = [
      { type: "AWS::S3::Object", ARN: `arn:aws:s3:::${bucket}/${String(request.key)}` },
      { accountId, type: "AWS::S3::Bucket", ARN: `arn:aws:s3:::${bucket}` },
    ];
    record.additionalEventData = {
      SignatureVersion: "SigV4",
      CipherSuite: "TLS_AES_128_GCM_SHA256",
      bytesTransferredIn: random.below(5_000_000),
      AuthenticationMethod: "AuthHeader",
      "x-amz-id-2": `${hex(64)}=`,
      bytesTransferredOut: 0,
    };
  }
  return record;
}

/** Console sign-ins come from people: IAM users, now and then the root user, never a service. */
function consoleSignIn(context: CallContext, envelope: Envelope, caller: Principal): CloudTrailRecord {
  const { random, accountId } = context;
  const failed = random.next() < FAILED_SIGN_IN_SHARE;
  const identity =
    caller.identity.type === "Root" ? caller.identity : principal("IAMUser", accountId, random, context.hex);
  return {
    ...envelope,
    userIdentity: identity,
    eventSource: "signin.amazonaws.com",
    eventName: "ConsoleLogin",
    sourceIPAddress: ipAddress(random),
    userAgent: BROWSER,
    ...(failed ? { errorMessage: "Failed authentication" } : {}),
    requestParameters: null,
    responseElements: { ConsoleLogin: failed ? "Failure" : "Success" },
    additionalEventData: {
      LoginTo: "https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true",
      MobileVersion: "No",
      MFAUsed: random.next() < SIGN_IN_WITHOUT_MFA_SHARE ? "No" : "Yes",
    },
    readOnly: false,
    eventType: "AwsConsoleSignIn",
    managementEvent: true,
    recipientAccountId: accountId,
    eventCategory: "Management",
  };
}

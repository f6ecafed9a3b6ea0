import { quoteString, renderValue, type Dialect, type SqlValue } from "./dialects";

/** A question of the catalog: written once, rendered to each engine's SQL by `renderQuestion`. */
export interface Question {
  readonly name: QuestionName;
  /** One line: what the question answers. */
  readonly purpose: string;
  readonly parameter: {
    readonly name: string;
    readonly description: string;
    /** Optional parameters narrow the answer; without them the question covers the window. */
    readonly required: boolean;
    readonly example: string;
  };
  /** The predicate over the row alias `e`, and the CTEs and joins it needs. */
  readonly select: (sql: Dialect, value: SqlValue | undefined) => QuerySpec;
  /** The order rows come back in (`time` is the event time). */
  readonly orderBy?: string;
}

export interface QuerySpec {
  /** Common table expressions over the same table (row alias `a`); the window prunes them too. */
  readonly with?: readonly { name: string; columns: string; where: readonly string[] }[];
  /** Joins after `FROM table e`. */
  readonly join?: string;
  readonly where: readonly string[];
}

export const QUESTION_NAMES = [
  "principal",
  "access-key",
  "ip",
  "resource",
  "event",
  "denied",
  "changes",
  "sign-ins",
] as const;
export type QuestionName = (typeof QUESTION_NAMES)[number];

/** Calls that hand out temporary credentials: their response names the new key. */
export const CREDENTIAL_ISSUING_EVENTS = [
  "AssumeRole",
  "AssumeRoleWithSAML",
  "AssumeRoleWithWebIdentity",
  "GetSessionToken",
  "GetFederationToken",
] as const;

/** Error codes of refused calls across services (IAM, EC2's `Client.` prefix, KMS, S3). */
const DENIED_CODES = [
  "AccessDenied",
  "AccessDeniedException",
  "Client.UnauthorizedOperation",
  "UnauthorizedOperation",
  "Client.AccessDenied",
];

/** The key a record hands out: temporary credentials (STS) or a new long-term key (`CreateAccessKey`). */
export function issuedKey(sql: Dialect): string {
  return `COALESCE(${sql.response("credentials", "accessKeyId")}, ${sql.response("accessKey", "accessKeyId")})`;
}

function need(question: string, value: SqlValue | undefined): SqlValue {
  if (value === undefined) throw new Error(`the ${question} question needs a value`);
  return value;
}

/** Every name a principal goes by: ARN, the role behind a session, principal id, user name. */
function principalMatches(sql: Dialect, v: string): string {
  return `(${[
    sql.identity("arn"),
    sql.identity("sessionContext", "sessionIssuer", "arn"),
    sql.identity("principalId"),
    sql.identity("userName"),
  ]
    .map((field) => `${field} = ${v}`)
    .join(" OR ")})`;
}

/** `10.0.0.0/8` → the first and last address as numbers; undefined for a single address. */
export function parseIpv4Cidr(text: string): { first: number; last: number } | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const bits = Number(match[5]);
  if (octets.some((o) => o > 255) || bits > 32)
    throw new Error(`${text} is not an IPv4 CIDR block; use a.b.c.d/n with n at most 32`);
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - bits);
  const first = Math.floor(address / size) * size;
  return { first, last: first + size - 1 };
}

/** The resource's own name when the value is an ARN (`arn:aws:iam::1:user/alice` → `alice`). */
function resourceNames(value: string): string[] {
  if (!value.startsWith("arn:")) return [value];
  // The text after the last `:` or `/`; never the whole value, which starts with `arn:`.
  const tail = value.slice(value.search(/[^:/]*$/));
  return tail ? [value, tail] : [value];
}

export const QUESTIONS: readonly Question[] = [
  {
    name: "principal",
    purpose: "everything a principal did (user or role ARN, session ARN, principal id or user name)",
    parameter: {
      name: "PRINCIPAL",
      description: "an ARN, principal id or user name",
      required: true,
      example: "arn:aws:iam::143434273843:user/christophe",
    },
    select: (sql, value) => ({ where: [principalMatches(sql, renderValue(need("principal", value)))] }),
  },
  {
    name: "access-key",
    purpose: "what an access key did and where it came from (the call that issued it, hop by hop)",
    parameter: {
      name: "KEY",
      description: "an access key id (AKIA… or ASIA…)",
      required: true,
      example: "AKIAL80DWDVKKEXAMPLE",
    },
    select: (sql, value) => {
      const v = renderValue(need("access-key", value));
      return { where: [`(${sql.identity("accessKeyId")} = ${v} OR ${issuedKey(sql)} = ${v})`] };
    },
  },
  {
    name: "ip",
    purpose: "everything from a source IP address or IPv4 CIDR block",
    parameter: {
      name: "IP",
      description: "an IP address or an IPv4 CIDR block (10.0.0.0/8)",
      required: true,
      example: "86.245.153.234",
    },
    select: (sql, value) => {
      const v = need("ip", value);
      const range = "literal" in v ? parseIpv4Cidr(v.literal) : undefined;
      const source = sql.field("sourceIPAddress");
      if (!range) return { where: [`${source} = ${renderValue(v)}`] };
      return { where: [`${sql.ipv4Number(source)} BETWEEN ${range.first} AND ${range.last}`] };
    },
  },
  {
    name: "resource",
    purpose: "who created, changed or deleted a resource (by ARN or name)",
    parameter: {
      name: "RESOURCE",
      description: "a resource ARN or name",
      required: true,
      example: "stratus-red-team-backdoor-u-user",
    },
    select: (sql, value) => {
      const v = need("resource", value);
      const names = "literal" in v ? resourceNames(v.literal).map(quoteString) : [renderValue(v)];
      const matches = [
        `${sql.firstResourceArn} IN (${names.join(", ")})`,
        ...names.map((n) => sql.payloadContains(n)),
      ];
      return { where: [sql.isWrite, `(${matches.join(" OR ")})`] };
    },
  },
  {
    name: "event",
    purpose: "the context around one event: the same principal's calls 15 minutes either side",
    parameter: {
      name: "EVENT_ID",
      description: "a CloudTrail event id",
      required: true,
      example: "c64c4ded-ef03-4e5c-81eb-153b118d72f2",
    },
    select: (sql, value) => {
      const v = renderValue(need("event", value));
      const anchor = {
        name: "anchor",
        columns: `${sql.eventTimestamp("a")} AS at, ${sql.identityAt("a", ["arn"])} AS who`,
        where: [`${sql.field("eventID", "a")} = ${v}`],
      };
      return {
        with: [anchor],
        join: "CROSS JOIN anchor",
        where: [
          `${sql.identity("arn")} = anchor.who`,
          `${sql.eventTimestamp()} BETWEEN anchor.at - INTERVAL '15' MINUTE AND anchor.at + INTERVAL '15' MINUTE`,
        ],
      };
    },
  },
  {
    name: "denied",
    purpose: "calls refused for lack of permission, grouped by principal",
    parameter: {
      name: "PRINCIPAL",
      description: "optional: only this principal",
      required: false,
      example: "arn:aws:iam::457448411975:user/christophe",
    },
    select: (sql, value) => ({
      where: [
        `${sql.field("errorCode")} IN (${DENIED_CODES.map(quoteString).join(", ")})`,
        ...(value ? [principalMatches(sql, renderValue(value))] : []),
      ],
    }),
    orderBy: "principal, time",
  },
  {
    name: "changes",
    purpose: "every write in the window (optionally in one account)",
    parameter: {
      name: "ACCOUNT",
      description: "optional: only this account id",
      required: false,
      example: "143434273843",
    },
    select: (sql, value) => ({
      where: [sql.isWrite, ...(value ? [`${sql.field("recipientAccountId")} = ${renderValue(value)}`] : [])],
    }),
  },
  {
    name: "sign-ins",
    purpose: "console sign-ins, successful or not (optionally of one principal)",
    parameter: {
      name: "PRINCIPAL",
      description: "optional: only this principal",
      required: false,
      example: "stratus-red-team-nmfalu-jfzdtsvchl",
    },
    select: (sql, value) => ({
      where: [
        `${sql.field("eventSource")} = 'signin.amazonaws.com'`,
        ...(value ? [principalMatches(sql, renderValue(value))] : []),
      ],
    }),
  },
];

export function findQuestion(name: string): Question | undefined {
  return QUESTIONS.find((q) => q.name === name);
}

/**
 * Not a question of its own: one hop of `access-key`'s lineage, the call that issued a key. The tool
 * repeats it with the issuing call's own key until it reaches a key whose origin is not in the logs.
 */
export const KEY_ORIGIN: Question = {
  name: "access-key",
  purpose: "the call that issued an access key",
  parameter: {
    name: "KEY",
    description: "an access key id",
    required: true,
    example: "ASIASTJKC5GCMEXAMPLE",
  },
  select: (sql, value) => ({ where: [`${issuedKey(sql)} = ${renderValue(need("access-key", value))}`] }),
};

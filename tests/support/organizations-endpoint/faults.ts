import { seededUnit } from "./seeded";

export const OPERATIONS = [
  "DescribeOrganization",
  "ListRoots",
  "ListOrganizationalUnitsForParent",
  "ListAccountsForParent",
  "ListAccounts",
  "ListAWSServiceAccessForOrganization",
  "ListDelegatedAdministrators",
  "ListPoliciesForTarget",
  "ListTagsForResource",
] as const;
export type OperationName = (typeof OPERATIONS)[number];

/**
 * Faults the endpoint injects. Rates are fractions of requests (0..1), decided per request body and
 * attempt number from `seed`, so a run is reproducible whatever order concurrent requests arrive in.
 */
export interface FaultPlan {
  seed?: number;
  /** Answer TooManyRequestsException (HTTP 400). */
  throttleRate?: number;
  /** Answer ServiceException (HTTP 500). */
  serverErrorRate?: number;
  /** Wait `slowMs` before answering. */
  slowRate?: number;
  slowMs?: number;
  /** Destroy the socket without answering. */
  dropRate?: number;
  /** Every call of this operation gets AccessDeniedException. */
  accessDenied?: OperationName;
  /** Every answer of this operation is cut in half (status 200, invalid JSON). */
  truncateBody?: OperationName;
  /** Every call gets AWSOrganizationsNotInUseException. */
  notInOrganization?: boolean;
  /** This parent's account listing repeats the last account of each page at the start of the next. */
  duplicateAcrossPages?: string;
  /** This account leaves its parent's account listing once the listing's first page has been served. */
  vanishAccount?: string;
}

export type FaultKind =
  | "throttle"
  | "serverError"
  | "slow"
  | "drop"
  | "accessDenied"
  | "truncate"
  | "notInOrganization"
  | "duplicate"
  | "vanish";

/** A fault that replaces the normal answer. */
export type Interruption = "drop" | "throttle" | "serverError" | "accessDenied" | "notInOrganization";

export interface RequestFate {
  delayMs: number;
  interruption?: Interruption;
}

export interface RequestIdentity {
  operation: OperationName;
  /** The raw request body: with NextToken it names the page. */
  body: string;
  /** 1-based, from the SDK's `amz-sdk-request: attempt=N; max=M` header. */
  attempt: number;
}

/** The attempt number the SDK announces, 1 when the header is absent. */
export function attemptFromHeader(header: string | undefined): number {
  const match = /attempt=(\d+)/.exec(header ?? "");
  return match ? Number(match[1]) : 1;
}

/** What happens to one request before the operation itself runs. */
export function decideFate(plan: FaultPlan, request: RequestIdentity): RequestFate {
  const seed = plan.seed ?? 0;
  const roll = (kind: FaultKind) => seededUnit(seed, kind, request.operation, request.body, request.attempt);
  const delayMs = roll("slow") < (plan.slowRate ?? 0) ? (plan.slowMs ?? 0) : 0;
  if (plan.notInOrganization) return { delayMs, interruption: "notInOrganization" };
  if (plan.accessDenied === request.operation) return { delayMs, interruption: "accessDenied" };
  if (roll("drop") < (plan.dropRate ?? 0)) return { delayMs, interruption: "drop" };
  if (roll("throttle") < (plan.throttleRate ?? 0)) return { delayMs, interruption: "throttle" };
  if (roll("serverError") < (plan.serverErrorRate ?? 0)) return { delayMs, interruption: "serverError" };
  return { delayMs };
}

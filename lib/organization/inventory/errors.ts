/** Why an inventory failed; each reason has one fix, given in the message. */
export type InventoryFailureReason =
  | "access-denied"
  | "not-in-organization"
  | "credentials"
  | "retries-exhausted"
  | "timeout"
  | "deadline"
  | "malformed-response"
  | "duplicate-account"
  | "missing-account"
  | "parent-inconsistency"
  | "unsupported-account-state"
  | "request-failed";

/**
 * The inventory could not list the whole organization. Nothing partial is ever returned: a partial
 * list could hide an account from governance. `message` is one line: what failed, on what, and the fix.
 */
export class InventoryError extends Error {
  constructor(
    readonly reason: InventoryFailureReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "InventoryError";
  }
}

/** `ListAccountsForParent(ou-ab12-cdef3456)`: the call a message is about. */
export function describeCall(operation: string, subject?: string): string {
  return subject === undefined ? operation : `${operation}(${subject})`;
}

interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

const THROTTLING = new Set(["TooManyRequestsException", "ThrottlingException", "Throttling"]);
const NETWORK = new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
const PERMISSIONS =
  "run from the management account or a delegated administrator with organizations:List*/Describe* permissions";

function oneLine(text: string | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

function attemptsOf(error: SdkErrorShape): string {
  const attempts = error.$metadata?.attempts ?? 1;
  return attempts === 1 ? "1 attempt" : `${attempts} attempts`;
}

/**
 * Turns whatever a call threw into an InventoryError naming the call. Deadline aborts are recognised by
 * the caller, which knows whether it aborted.
 */
export function toInventoryError(error: unknown, call: string): InventoryError {
  if (error instanceof InventoryError) return error;
  const sdk: SdkErrorShape = typeof error === "object" && error !== null ? (error as SdkErrorShape) : {};
  const name = sdk.name ?? "Error";
  const detail = oneLine(sdk.message ?? String(error));
  const status = sdk.$metadata?.httpStatusCode;
  const fail = (reason: InventoryFailureReason, message: string) =>
    new InventoryError(reason, `${call}: ${message}`, { cause: error });

  if (name === "AccessDeniedException") {
    return fail("access-denied", `access denied (${detail}); ${PERMISSIONS}`);
  }
  if (name === "AWSOrganizationsNotInUseException") {
    return fail(
      "not-in-organization",
      "this account is not in an organization (AWSOrganizationsNotInUseException); use credentials of the " +
        "organization's management account or of a delegated administrator",
    );
  }
  if (name === "CredentialsProviderError" || name === "TokenProviderError") {
    return fail(
      "credentials",
      `no usable AWS credentials (${detail}); sign in with \`aws sso login\`, set AWS_PROFILE, or export ` +
        "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY",
    );
  }
  if (THROTTLING.has(name)) {
    return fail(
      "retries-exhausted",
      `still throttled (${name}) after ${attemptsOf(sdk)}; run again later, or with more attempts or less concurrency`,
    );
  }
  // The SDK also names reset or refused connections TimeoutError; only those without such a code timed out.
  if (name === "TimeoutError" && (sdk.code === undefined || sdk.code === "ETIMEDOUT")) {
    return fail(
      "timeout",
      `no answer in time after ${attemptsOf(sdk)} (${detail}); check the network and endpoint, or allow a ` +
        "longer request timeout",
    );
  }
  if (name === "TimeoutError" || NETWORK.has(sdk.code ?? "") || (status !== undefined && status >= 500)) {
    const what = status !== undefined ? `${name}, HTTP ${status}` : `${sdk.code ?? name}: ${detail}`;
    return fail(
      "retries-exhausted",
      `still failing (${what}) after ${attemptsOf(sdk)}; check the endpoint and network, and run again later`,
    );
  }
  if (name === "SyntaxError" || detail.includes("Deserialization error")) {
    return fail(
      "malformed-response",
      `unreadable response (${detail.replace(/ Deserialization error:.*$/, "")}); run again, and report it if ` +
        "it persists",
    );
  }
  return fail("request-failed", `${name}: ${detail}`);
}

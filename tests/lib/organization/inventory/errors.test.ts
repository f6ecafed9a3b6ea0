import assert from "node:assert/strict";
import {
  InventoryError,
  describeCall,
  toInventoryError,
} from "../../../../lib/organization/inventory/errors";

/** An error shaped like the SDK's, with the attempts its retry middleware records. */
function sdkError(name: string, message: string, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), { name, $metadata: { attempts: 1 }, ...extra });
}

describe("toInventoryError", () => {
  const call = describeCall("ListAccountsForParent", "ou-ab12-cdef3456");

  it("names the call in every message, on one line", () => {
    const error = toInventoryError(sdkError("SomethingNew", "first line\nsecond line"), call);
    assert.equal(error.reason, "request-failed");
    assert.equal(
      error.message,
      "ListAccountsForParent(ou-ab12-cdef3456): SomethingNew: first line second line",
    );
  });

  it("maps each SDK failure to its reason", () => {
    const cases: [Error, InventoryError["reason"], RegExp][] = [
      [
        sdkError("AccessDeniedException", "no"),
        "access-denied",
        /delegated administrator with organizations:List\*/,
      ],
      [sdkError("AWSOrganizationsNotInUseException", "no"), "not-in-organization", /not in an organization/],
      [sdkError("CredentialsProviderError", "Could not load credentials"), "credentials", /aws sso login/],
      [
        sdkError("TooManyRequestsException", "Rate exceeded", {
          $metadata: { attempts: 8, httpStatusCode: 400 },
        }),
        "retries-exhausted",
        /still throttled \(TooManyRequestsException\) after 8 attempts/,
      ],
      [
        sdkError("ServiceException", "x", { $metadata: { attempts: 3, httpStatusCode: 503 } }),
        "retries-exhausted",
        /ServiceException, HTTP 503\) after 3 attempts/,
      ],
      [
        sdkError("TimeoutError", "slow", { code: "ETIMEDOUT" }),
        "timeout",
        /no answer in time after 1 attempt \(slow\)/,
      ],
      [sdkError("TimeoutError", "socket idle"), "timeout", /no answer in time/],
      [sdkError("TimeoutError", "socket hang up", { code: "ECONNRESET" }), "retries-exhausted", /ECONNRESET/],
      [
        sdkError("Error", "connect ECONNREFUSED", { code: "ECONNREFUSED" }),
        "retries-exhausted",
        /ECONNREFUSED/,
      ],
      [
        sdkError(
          "SyntaxError",
          "Unexpected end of JSON input\n  Deserialization error: to see the raw response...",
        ),
        "malformed-response",
        /unreadable response \(Unexpected end of JSON input\)/,
      ],
    ];
    for (const [error, reason, message] of cases) {
      const mapped = toInventoryError(error, call);
      assert.equal(mapped.reason, reason, error.name);
      assert.match(mapped.message, message);
      assert.doesNotMatch(mapped.message, /\n/);
      assert.equal(mapped.cause, error);
    }
  });

  it("passes an InventoryError through unchanged", () => {
    const original = new InventoryError("duplicate-account", "x");
    assert.equal(toInventoryError(original, call), original);
  });
});

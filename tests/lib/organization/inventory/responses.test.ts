import assert from "node:assert/strict";
import {
  accountsPage,
  organizationalUnitsPage,
  readResponse,
} from "../../../../lib/organization/inventory/responses";

const CALL = "ListAccountsForParent(r-ab12)";

function account(fields: Record<string, unknown> = {}) {
  return { Id: "111122223333", Name: "one", Email: "one@example.com", State: "ACTIVE", ...fields };
}

function problem(schema: Parameters<typeof readResponse>[0], response: unknown): string {
  try {
    readResponse(schema, response, CALL);
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail("expected the response to be refused");
}

describe("readResponse", () => {
  it("returns what it read, ignoring fields the inventory does not use", () => {
    const page = readResponse(
      accountsPage,
      { Accounts: [account({ Arn: "arn:x", Paths: [] })], $metadata: {} },
      CALL,
    );
    assert.equal(page.Accounts[0].Id, "111122223333");
  });

  it("refuses a response without its list rather than reading it as empty", () => {
    assert.match(
      problem(accountsPage, {}),
      /^ListAccountsForParent\(r-ab12\): malformed response, Accounts: expected array/,
    );
  });

  it("names the field, the value and what was expected", () => {
    assert.match(
      problem(accountsPage, { Accounts: [account(), account({ Email: "" })] }),
      /Accounts\[1\]\.Email: .*e-mail/,
    );
    assert.match(
      problem(organizationalUnitsPage, { OrganizationalUnits: [{ Id: "ou-1", Name: "x" }] }),
      /OrganizationalUnits\[0\]\.Id: expected an OU id like ou-ab12-cdef3456 \(got "ou-1"\)/,
    );
    assert.match(
      problem(accountsPage, { Accounts: [account({ State: undefined })] }),
      /Accounts\[0\]: expected a State or a Status/,
    );
  });
});

import assert from "node:assert/strict";
import { validateStackConfig } from "../../../lib/config/validate";
import { rawConfig, VALID_LOG_ARCHIVE } from "../../support/raw-config";

function accountOf(account: unknown): string | undefined {
  return validateStackConfig(rawConfig({ logArchive: { ...VALID_LOG_ARCHIVE, account } })).logArchive
    ?.account;
}

function problemOf(account: unknown): string {
  try {
    accountOf(account);
  } catch (error) {
    return (error as Error).message;
  }
  assert.fail(`account ${JSON.stringify(account)} was accepted`);
}

// AWS Organizations API Reference, DescribeAccount: "The regex pattern for an account ID string requires
// exactly 12 digits." An id may start with 0, which a YAML number cannot keep.
describe("account references written as YAML numbers", () => {
  it("takes a 12-digit number as the account id it spells (what `pulumi config set --path` writes)", () => {
    assert.equal(accountOf(222233334444), "222233334444");
  });

  it("keeps names, e-mail addresses and quoted ids as they are written", () => {
    assert.equal(accountOf("012345678901"), "012345678901");
    assert.equal(accountOf(" Log Archive "), "Log Archive");
  });

  it("says that YAML dropped a leading zero from a shorter whole number, and how to quote it", () => {
    assert.equal(
      problemOf(12345678901),
      'org-governance:logArchive.account: YAML dropped a leading zero; quote the account id: account: "012345678901" (got 12345678901)',
    );
  });

  for (const number of [1.5, -3, 1_234_567_890_123]) {
    it(`refuses ${number}, which spells no account id, in one line`, () => {
      assert.equal(
        problemOf(number),
        `org-governance:logArchive.account: expected a 12-digit account id (quoted), an account name or an e-mail address (got ${number})`,
      );
    });
  }
});

import assert from "node:assert/strict";
import { PAGE_SIZE, callBudget } from "../../../../lib/organization/inventory/budget";

describe("callBudget", () => {
  it("allows a page per 20 accounts, two listings per root and OU, two policy listings per root, and five organization-wide calls", () => {
    assert.equal(PAGE_SIZE, 20);
    assert.equal(callBudget(1, 0, 1), 1 + 2 + 2 + 5);
    assert.equal(callBudget(20, 0, 1), 1 + 2 + 2 + 5);
    assert.equal(callBudget(21, 0, 1), 2 + 2 + 2 + 5);
    assert.equal(callBudget(10_000, 200, 1), 500 + 402 + 2 + 5);
  });
});

import assert from "node:assert/strict";
import { allOrProblems } from "../../../lib/config/collect-problems";
import { ConfigError } from "../../../lib/config/validate";
import { AccountReferenceError } from "../../../lib/organization/resolve";
import { configProblemsOf } from "../../support/config-problems";

describe("allOrProblems", () => {
  it("returns every check's result when all pass", () => {
    assert.deepEqual(
      allOrProblems(
        () => 1,
        () => "two",
      ),
      [1, "two"],
    );
  });

  it("reports the problems of every failing check at once, in order", () => {
    const problems = configProblemsOf(() =>
      allOrProblems(
        () => {
          throw new ConfigError(["a: first", "a: second"]);
        },
        () => "fine",
        () => {
          throw new AccountReferenceError("b: no such account");
        },
      ),
    );
    assert.deepEqual(problems, ["a: first", "a: second", "b: no such account"]);
  });

  it("lets a bug through as itself", () => {
    assert.throws(
      () =>
        allOrProblems(() => {
          throw new TypeError("bug");
        }),
      TypeError,
    );
  });
});

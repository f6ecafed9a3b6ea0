import assert from "node:assert/strict";
import { advisory, at, compliant, firstProblem, nonCompliant } from "../../../policy-pack/lib/result";

describe("rule results", () => {
  it("at attaches a finding to a resource, and leaves a stack-wide one without a urn key", () => {
    assert.deepEqual(at("urn:pulumi:dev::p::t::n", compliant()), {
      status: "compliant",
      urn: "urn:pulumi:dev::p::t::n",
    });
    assert.deepEqual(at(undefined, compliant()), { status: "compliant" });
  });

  describe("firstProblem", () => {
    const note = (reason: string) => () => advisory(reason);
    const fails = () => nonCompliant("fails");

    it("lets a later failure win over an earlier advisory note: a note is no pass for the rest", () => {
      assert.deepEqual(firstProblem(note("a"), fails), nonCompliant("fails"));
    });

    it("returns the first note when every requirement passes", () => {
      assert.deepEqual(
        firstProblem(note("first"), () => compliant(), note("second")),
        advisory("first"),
      );
      assert.deepEqual(
        firstProblem(() => compliant()),
        compliant(),
      );
    });
  });
});

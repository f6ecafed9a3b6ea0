import assert from "node:assert/strict";
import fc from "fast-check";
import { POLICIES } from "../../../policy-pack/policies";
import { runPolicy, type PolicyReport } from "../../support/reliability/policy-runs";
import {
  baseStack,
  BREAKERS,
  breaker,
  chaosEdit,
  irrelevantNoise,
} from "../../support/reliability/policy-stacks";
import { sweepSize, SWEEP_TIMEOUT_MS } from "../../support/reliability/sweep-size";
import { compliantStack } from "../fixtures";

const CHAOS_RUNS = sweepSize(50, 1000);
const VERDICT_RUNS = sweepSize(25, 300);

function messages(report: PolicyReport): string[] {
  return [...report.violations, ...report.advisories].map((finding) => finding.message);
}

describe("every policy of the pack under random property bags (fast-check)", () => {
  let stacks = 0;
  let started = 0;
  before(() => {
    started = performance.now();
  });
  after(() => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`      policy sweep: ${POLICIES.length} policies, ${stacks} stacks judged in ${seconds} s`);
  });

  it("has ways to break every policy, and only policies of the pack", () => {
    assert.deepEqual(Object.keys(BREAKERS).sort(), POLICIES.map((policy) => policy.name).sort());
    for (const [name, ways] of Object.entries(BREAKERS)) assert.ok(ways.length > 0, name);
  });

  for (const policy of POLICIES) {
    describe(policy.name, () => {
      it("never throws, whatever the properties hold, and reports findings as text", function () {
        this.timeout(SWEEP_TIMEOUT_MS);
        fc.assert(
          fc.property(baseStack, fc.array(chaosEdit, { minLength: 1, maxLength: 4 }), ([, base], edits) => {
            const stack = edits.reduce((current, change) => change.apply(current), base());
            stacks++;
            for (const message of messages(runPolicy(policy, stack))) {
              assert.equal(typeof message, "string");
              assert.ok(message.trim().length > 0, "an empty finding");
            }
          }),
          { numRuns: CHAOS_RUNS },
        );
      });

      it("always fails a stack broken for it, whatever unrelated resources and properties it also has", () => {
        fc.assert(
          fc.property(breaker(policy.name), irrelevantNoise, (broken, noise) => {
            const report = runPolicy(policy, noise.apply(broken.apply(compliantStack())));
            stacks++;
            assert.ok(
              report.violations.length > 0,
              `${broken.label}: passed (${messages(report).join(" | ")})`,
            );
          }),
          { numRuns: VERDICT_RUNS },
        );
      });

      it("always passes the compliant stack, deployed or previewed, whatever unrelated things it also has", () => {
        fc.assert(
          fc.property(baseStack, irrelevantNoise, ([name, base], noise) => {
            const report = runPolicy(policy, noise.apply(base()));
            stacks++;
            assert.deepEqual(report.violations, [], name);
            if (name === "deployed") assert.deepEqual(report.advisories, [], "nothing unknown once deployed");
          }),
          { numRuns: VERDICT_RUNS },
        );
      });
    });
  }
});

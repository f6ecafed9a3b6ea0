import assert from "node:assert/strict";
import {
  ADVERSARIAL_CASES,
  type AdversarialCase,
  type AdversarialInput,
  adversarialMatch,
} from "../../../tools/bench/adversarial-patterns";
import { meterWork, metered } from "../../support/work-meter";

/**
 * Input sizes: n and 4n characters. Linear work is about 4 times as much at 4n, quadratic 16. The work is
 * counted (see work-meter), not timed, so the verdict is the same on an idle and a loaded machine; the
 * bench times the same cases (`filter-patterns.adversarial-growth`).
 */
const N = 20_000;
const MAX_RATIO = 4.5;

function workOn(c: AdversarialCase, input: AdversarialInput): number {
  const match = adversarialMatch(c, "record" in input ? { record: metered(input.record) } : input);
  return meterWork(match);
}

describe(`the filter-pattern engine on adversarial input: work at ${4 * N} vs ${N} characters`, () => {
  for (const [title, c] of Object.entries(ADVERSARIAL_CASES)) {
    it(`${title}: grows at most ${MAX_RATIO}x for 4x the input`, () => {
      const small = workOn(c, c.input(N));
      const large = workOn(c, c.input(4 * N));
      assert.ok(small > 0, "the meter saw the engine's work");
      assert.ok(large <= MAX_RATIO * small, `${(large / small).toFixed(2)}x (${small} then ${large} steps)`);
    });
  }
});

describe("the work meter", () => {
  it("sees a quadratic matcher that the linear bound would refuse", () => {
    const rescan = (text: string) => () => {
      for (let from = 0; from < text.length; from++) text.indexOf("b", from);
    };
    const small = meterWork(rescan("a".repeat(1_000)));
    const large = meterWork(rescan("a".repeat(4_000)));
    assert.ok(large > 15 * small, `${large} vs ${small}`);
  });

  it("counts each read of a metered record and restores the primitives afterwards", () => {
    const record = metered({ a: { b: 1 } });
    assert.equal(
      meterWork(() => record.a.b),
      2,
    );
    const indexOf = String.prototype.indexOf;
    meterWork(() => "abc".indexOf("c"));
    assert.equal(String.prototype.indexOf, indexOf);
  });
});

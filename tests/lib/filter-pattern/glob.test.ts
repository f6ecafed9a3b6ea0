import assert from "node:assert/strict";
import fc from "fast-check";
import { compileGlob } from "../../../lib/filter-pattern/glob";
import { meterWork } from "../../support/work-meter";

function glob(pattern: string): (text: string) => boolean {
  return compileGlob(pattern.split("*"));
}

/** The same language as a reference regex, for comparison on random inputs. */
function referenceGlob(pattern: string): RegExp {
  const body = pattern
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("[\\s\\S]*");
  return new RegExp(`^${body}$`);
}

describe("filter-pattern glob", () => {
  it("compares exactly and case-sensitively without a wildcard", () => {
    assert.equal(glob("AccessDenied")("AccessDenied"), true);
    assert.equal(glob("AccessDenied")("accessdenied"), false);
    assert.equal(glob("AccessDenied")("AccessDeniedException"), false);
  });

  it("handles prefix, suffix, infix and bare wildcards", () => {
    assert.equal(glob("AccessDenied*")("AccessDeniedException"), true);
    assert.equal(glob("*UnauthorizedOperation")("Client.UnauthorizedOperation"), true);
    assert.equal(glob("*UnauthorizedOperation")("UnauthorizedOperationX"), false);
    assert.equal(glob("*Trail*")("UpdateTrailName"), true);
    assert.equal(glob("123.123.*")("123.123.4.5"), true);
    assert.equal(glob("123.123.*")("10.123.123.5"), false);
    assert.equal(glob("*")(""), true);
    assert.equal(glob("a*b")("ab"), true);
    assert.equal(glob("ab*ba")("aba"), false);
  });

  it("keeps segments in order and does not let them overlap", () => {
    assert.equal(glob("a*b*c")("a-b-c"), true);
    assert.equal(glob("a*b*c")("a-c-b"), false);
    assert.equal(glob("*aa*aa*")("aaa"), false);
    assert.equal(glob("*aa*aa*")("aaaa"), true);
    assert.equal(glob("x*ab*b")("xab"), false);
  });

  it("agrees with a regex reference on random patterns and texts", () => {
    const alphabet = fc.constantFrom("a", "b", "*");
    fc.assert(
      fc.property(
        fc.string({ unit: alphabet, maxLength: 8 }),
        fc.string({ unit: fc.constantFrom("a", "b"), maxLength: 12 }),
        (pattern, text) => glob(pattern)(text) === referenceGlob(pattern).test(text),
      ),
      { numRuns: 2000 },
    );
  });

  it("stays linear on an adversarial input: 1 MB of 'a' against many wildcards", () => {
    const text = "a".repeat(1_000_000);
    let results: boolean[] = [];
    const steps = meterWork(() => {
      results = [glob("*a*a*a*a*a*a*a*a*b")(text), glob("*a*a*a*a*a*a*a*a*")(text)];
    });
    assert.deepEqual(results, [false, true]);
    // A backtracking matcher needs on the order of n^8 steps here; each wildcard scans the text once at most.
    assert.ok(steps <= 9 * text.length, `${steps} steps`);
  });
});

import assert from "node:assert/strict";
import { MAX_JSON_DEPTH, nestingExceeds, parseJsonDocument } from "../../../lib/json/parse-document";

function nested(depth: number, make: (inner: unknown) => unknown = (inner) => [inner]): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = make(value);
  return value;
}

describe("parseJsonDocument", () => {
  it("returns the value of valid JSON", () => {
    assert.deepEqual(parseJsonDocument('{"a": [1, "x"]}'), { ok: true, value: { a: [1, "x"] } });
  });

  it("reports a syntax error on one line, with line and column", () => {
    const result = parseJsonDocument('{\n  "a": 1,\n  x\n}');
    assert.deepEqual(result, {
      ok: false,
      problem: "not valid JSON (Expected double-quoted property name at line 3, column 3)",
    });
  });

  it("keeps V8's reason but drops its multi-line snippet of the file", () => {
    const result = parseJsonDocument("[1,\n2,\n]\n");
    assert.equal(result.ok, false);
    assert.doesNotMatch((result as { problem: string }).problem, /\n/);
  });

  it("refuses nesting deeper than the limit, and accepts the limit itself", () => {
    assert.equal(parseJsonDocument(JSON.stringify(nested(MAX_JSON_DEPTH))).ok, true);
    assert.deepEqual(parseJsonDocument(JSON.stringify(nested(MAX_JSON_DEPTH + 1))), {
      ok: false,
      problem: `nested deeper than ${MAX_JSON_DEPTH} levels`,
    });
  });
});

describe("nestingExceeds", () => {
  it("counts arrays and objects alike, and scalars not at all", () => {
    assert.equal(
      nestingExceeds(
        nested(3, (inner) => ({ k: inner })),
        3,
      ),
      false,
    );
    assert.equal(
      nestingExceeds(
        nested(4, (inner) => ({ k: inner })),
        3,
      ),
      true,
    );
    assert.equal(nestingExceeds("deep", 0), false);
  });

  it("walks 100,000 levels without overflowing the stack", () => {
    assert.equal(nestingExceeds(nested(100_000), MAX_JSON_DEPTH), true);
  });
});

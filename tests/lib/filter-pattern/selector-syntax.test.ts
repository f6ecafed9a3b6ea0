import assert from "node:assert/strict";
import type { SelectorStep } from "../../../lib/filter-pattern/ast";
import { FilterPatternSyntaxError } from "../../../lib/filter-pattern/errors";
import { scanSelector } from "../../../lib/filter-pattern/selector-syntax";

function steps(selector: string): readonly SelectorStep[] {
  const scanned = scanSelector(`${selector} = 1`, 0);
  assert.equal(scanned.end, selector.length);
  assert.equal(scanned.selector.text, selector);
  return scanned.selector.steps;
}

function scanError(text: string): FilterPatternSyntaxError {
  try {
    scanSelector(text, 0);
  } catch (error) {
    assert.ok(error instanceof FilterPatternSyntaxError, String(error));
    return error;
  }
  assert.fail(`${text} was accepted`);
}

const key = (name: string): SelectorStep => ({ kind: "key", key: name });
const index = (at: number): SelectorStep => ({ kind: "index", index: at });
const wildcard: SelectorStep = { kind: "wildcard" };

describe("filter-pattern selector syntax", () => {
  it("reads dotted keys with letters, digits, '-' and '_'", () => {
    assert.deepEqual(steps("$.userIdentity.sessionContext.attributes"), [
      key("userIdentity"),
      key("sessionContext"),
      key("attributes"),
    ]);
    assert.deepEqual(steps("$.detail-type"), [key("detail-type")]);
    assert.deepEqual(steps("$.clé_2"), [key("clé_2")]);
  });

  it("reads array indexes, nested ones too", () => {
    assert.deepEqual(steps("$.objectList[1].id"), [key("objectList"), index(1), key("id")]);
    assert.deepEqual(steps("$.coordinates[0][1]"), [key("coordinates"), index(0), index(1)]);
  });

  it("reads bracketed keys with single or double quotes, with or without a dot", () => {
    assert.deepEqual(steps("$.['cluster.name']"), [key("cluster.name")]);
    assert.deepEqual(steps('$["eventType"]'), [key("eventType")]);
    assert.deepEqual(steps("$.a['b c'].d"), [key("a"), key("b c"), key("d")]);
    assert.deepEqual(steps("$.['']"), [key("")]);
  });

  it("reads one wildcard, as .* or [*]", () => {
    assert.deepEqual(steps("$.*"), [wildcard]);
    assert.deepEqual(steps("$.arrayKey[*]"), [key("arrayKey"), wildcard]);
    assert.deepEqual(steps("$.list[*].name"), [key("list"), wildcard, key("name")]);
  });

  it("stops at whitespace, operators and closing brackets", () => {
    for (const [text, end] of [
      ["$.a=1", 3],
      ["$.a!=1", 3],
      ["$.a)", 3],
      ["$.a}", 3],
      ["$.a&&", 3],
      ["$.a\tIS NULL", 3],
    ] as const) {
      assert.equal(scanSelector(text, 0).end, end, text);
    }
  });

  it("rejects a second wildcard (CloudWatch allows one per selector)", () => {
    const error = scanError("$.a[*].b.* = 1");
    assert.equal(error.column, 10);
    assert.match(error.expected, /at most one wildcard/);
  });

  it("rejects malformed selectors at the offending column", () => {
    const cases: [string, number, RegExp][] = [
      ["$ = 1", 2, /'\.' or '\[' after '\$'/],
      ["$.", 3, /property name/],
      ["$..a", 3, /property name/],
      ["$.a[x]", 5, /array index/],
      ["$.a[-1]", 5, /array index/],
      ["$.a[1", 6, /'\]'/],
      ["$.['a]", 7, /closing '/],
      ["$.a#b = 1", 4, /after the selector/],
      ["$.a:b = 1", 4, /after the selector/],
    ];
    for (const [text, column, expected] of cases) {
      const error = scanError(text);
      assert.equal(error.column, column, text);
      assert.match(error.expected, expected, text);
    }
    assert.match(scanError("$.a#b = 1").message, /\$\.\['key:name'\]/);
  });
});

import assert from "node:assert/strict";
import type { SelectorStep } from "../../../lib/filter-pattern/ast";
import {
  compileAnyNode,
  compileResolver,
  compileSelectorTest,
} from "../../../lib/filter-pattern/selector-resolver";
import { scanSelector } from "../../../lib/filter-pattern/selector-syntax";

function stepsOf(selector: string): readonly SelectorStep[] {
  return scanSelector(selector, 0).selector.steps;
}

function resolve(selector: string, record: unknown): unknown {
  return compileResolver(stepsOf(selector))(record);
}

/** Every node a selector reaches, collected through the "any node" test. */
function reached(selector: string, record: unknown): unknown[] {
  const nodes: unknown[] = [];
  compileAnyNode(stepsOf(selector), (node) => {
    nodes.push(node);
    return false;
  })(record);
  return nodes;
}

function sampleEvent(): Record<string, unknown> {
  return {
    eventType: "UpdateTrail",
    arrayKey: ["value", "another value"],
    objectList: [
      { name: "a", id: 1 },
      { name: "b", id: 2 },
    ],
    coordinates: [
      [0, 1, 2],
      [4, 5, 6],
    ],
    SomeObject: null,
    "cluster.name": "c",
    deep: { one: { two: { three: 3 } } },
  };
}

describe("filter-pattern selector resolver", () => {
  it("follows keys and indexes to the node, however deep", () => {
    const event = sampleEvent();
    assert.equal(resolve("$.eventType", event), "UpdateTrail");
    assert.equal(resolve("$.objectList[1].id", event), 2);
    assert.equal(resolve("$.coordinates[1][2]", event), 6);
    assert.equal(resolve("$.['cluster.name']", event), "c");
    assert.equal(resolve("$.deep.one.two.three", event), 3);
    assert.equal(resolve("$.deep.one.two", event), (event.deep as { one: { two: unknown } }).one.two);
    assert.equal(resolve("$.SomeObject", event), null);
  });

  it("reaches nothing through missing keys, scalars, wrong container kinds or out-of-range indexes", () => {
    const event = sampleEvent();
    for (const selector of [
      "$.missing",
      "$.missing.deeper",
      "$.eventType.length",
      "$.eventType[0]",
      "$.arrayKey.length",
      "$.arrayKey.0",
      "$.objectList[2]",
      "$.deep[0]",
      "$.SomeObject.x",
      "$.deep.one.two.three.four",
    ]) {
      assert.equal(resolve(selector, event), undefined, selector);
    }
    assert.equal(resolve("$.a", "not an object"), undefined);
    assert.equal(resolve("$.a", null), undefined);
    assert.equal(resolve("$[0]", ["top"]), "top");
  });

  it("never resolves to Object.prototype members, but finds such keys when the event has them", () => {
    for (const selector of ["$.constructor", "$.__proto__", "$.toString", "$.a.hasOwnProperty"]) {
      assert.equal(resolve(selector, { a: {} }), undefined, selector);
    }
    const owning = JSON.parse('{"__proto__": "own", "constructor": {"name": "x"}}') as unknown;
    assert.equal(resolve("$.__proto__", owning), "own");
    assert.equal(resolve("$.constructor.name", owning), "x");
  });

  it("applies a test to the reached node, or to undefined when there is none", () => {
    const seen: unknown[] = [];
    const test = compileSelectorTest(stepsOf("$.a.b"), (node) => {
      seen.push(node);
      return node === 1;
    });
    assert.equal(test({ a: { b: 1 } }), true);
    assert.equal(test({ a: [1] }), false);
    assert.deepEqual(seen, [1, undefined]);
  });

  it("expands a wildcard over array elements and object values, then follows the rest", () => {
    const event = sampleEvent();
    assert.deepEqual(reached("$.arrayKey[*]", event), ["value", "another value"]);
    assert.deepEqual(reached("$.objectList[*].name", event), ["a", "b"]);
    assert.deepEqual(reached("$.deep.*", event), [(event.deep as { one: unknown }).one]);
    assert.deepEqual(reached("$.objectList.*.id", event), [1, 2]);
    assert.equal(reached("$.*", event).length, Object.keys(event).length);
    assert.deepEqual(reached("$.eventType[*]", event), []);
    assert.deepEqual(reached("$.objectList[*].missing", event), []);
  });

  it("stops at the first node that passes", () => {
    let calls = 0;
    const anyTwo = compileAnyNode(stepsOf("$.list[*]"), (node) => {
      calls++;
      return node === 2;
    });
    assert.equal(anyTwo({ list: [1, 2, 3, 4] }), true);
    assert.equal(calls, 2);
  });
});

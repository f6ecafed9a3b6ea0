import assert from "node:assert/strict";
import { compileFilterPattern } from "../../../lib/filter-pattern";

// Every term and JSON example of the CloudWatch Logs user guide page "Filter and Pattern Syntax"
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html; its
// space-delimited examples are in delimited.test.ts), plus the %regex% example of the current page
// "Filter pattern syntax for metric filters, subscription filters, filter log events, and Live Tail".

/** Which of `events` (1-based, as the page numbers them) the pattern matches. */
function matching(pattern: string, events: readonly string[]): number[] {
  const matcher = compileFilterPattern(pattern);
  return events.flatMap((event, i) => (matcher.matchesMessage(event) ? [i + 1] : []));
}

describe("CloudWatch Logs user guide examples: terms", () => {
  it('Example 1: "" matches all log events', () => {
    assert.deepEqual(matching('""', ["anything", "{}", ""]), [1, 2, 3]);
  });

  it("Example 2: ERROR matches both messages that contain it", () => {
    assert.deepEqual(
      matching("ERROR", ["[ERROR] A fatal exception has occurred", "Exiting with ERRORCODE: -1"]),
      [1, 2],
    );
  });

  it("Example 3: ERROR with Exiting excluded drops the Exiting message", () => {
    // The page spells it "ERROR" - "Exiting"; the exclusion is written -Exiting.
    assert.deepEqual(
      matching("ERROR -Exiting", ["[ERROR] A fatal exception has occurred", "Exiting with ERRORCODE: -1"]),
      [1],
    );
  });

  it("Example 4: several terms must all appear", () => {
    assert.deepEqual(
      matching("ERROR Exception", [
        "[ERROR] Caught IllegalArgumentException",
        "[ERROR] Unhandled Exception",
        "[ERROR] other",
      ]),
      [1, 2],
    );
    assert.deepEqual(
      matching("Failed to process the request", [
        "[WARN] Failed to process the request",
        "[ERROR] Unable to continue: Failed to process the request",
        "[WARN] Failed",
      ]),
      [1, 2],
    );
  });

  it("OR pattern matching: ERROR, ?ERROR ?WARN, ERROR WARN and ERROR -WARN", () => {
    const events = ["ERROR WARN message", "ERROR message", "WARN message"];
    assert.deepEqual(matching("ERROR", events), [1, 2]);
    assert.deepEqual(matching("?ERROR ?WARN", events), [1, 2, 3]);
    assert.deepEqual(matching("ERROR WARN", events), [1]);
    assert.deepEqual(matching("ERROR -WARN", events), [2]);
  });

  it("%AUTHORIZED% matches both the UNAUTHORIZED and the AUTHORIZED request", () => {
    assert.deepEqual(
      matching("%AUTHORIZED%", ["[ERROR 401] UNAUTHORIZED REQUEST", "[SUCCESS 200] AUTHORIZED REQUEST"]),
      [1, 2],
    );
  });
});

describe("CloudWatch Logs user guide examples: JSON", () => {
  it("OR pattern matching in JSON filters", () => {
    const events = ['{"foo": "bar"}', '{"foo": "baz"}'];
    assert.deepEqual(matching("{$.foo = bar}", events), [1]);
    assert.deepEqual(matching("{$.foo = baz }", events), [2]);
    assert.deepEqual(matching("{$.foo = bar || $.foo = baz }", events), [1, 2]);
  });

  const example = JSON.stringify({
    eventType: "UpdateTrail",
    sourceIPAddress: "111.111.111.111",
    arrayKey: ["value", "another value"],
    objectList: [
      { name: "a", id: 1 },
      { name: "b", id: 2 },
    ],
    SomeObject: null,
    ThisFlag: true,
  });
  for (const pattern of [
    '{ $.eventType = "UpdateTrail" }',
    "{ $.sourceIPAddress != 123.123.* }",
    '{ $.arrayKey[0] = "value" }',
    "{ $.objectList[1].id = 2 }",
    "{ $.SomeObject IS NULL }",
    "{ $.SomeOtherObject NOT EXISTS }",
    "{ $.ThisFlag IS TRUE }",
  ]) {
    it(`JSON Metric Filter Examples: ${pattern} matches the page's event`, () => {
      assert.deepEqual(matching(pattern, [example]), [1]);
    });
  }

  const compound = JSON.stringify({
    user: { id: 1, email: "John.Stiles@example.com" },
    users: [
      { id: 2, email: "John.Doe@example.com" },
      { id: 3, email: "Jane.Doe@example.com" },
    ],
    actions: ["GET", "PUT", "DELETE"],
    coordinates: [
      [0, 1, 2],
      [4, 5, 6],
      [7, 8, 9],
    ],
  });
  for (const [pattern, matches] of [
    ['{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }', true],
    ['{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }', false],
    [
      '{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch }',
      true,
    ],
    [
      '{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch }',
      false,
    ],
  ] as const) {
    it(`JSON Compound Conditions: ${pattern} ${matches ? "matches" : "does not match"}`, () => {
      assert.deepEqual(matching(pattern, [compound]), matches ? [1] : []);
    });
  }

  it("JSON Special Considerations: a selector on an array matches neither = nor !=", () => {
    assert.deepEqual(matching("{$.users = 1}", ['{"users": [1, 2, 3]}']), []);
    assert.deepEqual(matching("{$.users != 1}", ['{"users": [1, 2, 3]}']), []);
  });

  it("Numeric Comparisons: every example pattern, against an event it should and one it should not match", () => {
    const cases: [string, string, string][] = [
      ["{ $.latency >= 500 }", '{"latency": 500}', '{"latency": 499}'],
      ["{ $.numbers[0] < 10e3 }", '{"numbers": [9999]}', '{"numbers": [10000]}'],
      ["{ $.numbers[0] < 10e-3 }", '{"numbers": [0.001]}', '{"numbers": [0.01]}'],
      [
        "{ $.processes[4].averageRuntime <= 55.5 }",
        '{"processes": [{},{},{},{},{"averageRuntime": 55.5}]}',
        '{"processes": [{},{},{},{},{"averageRuntime": 56}]}',
      ],
      ["{ $.errorCode = 400 }", '{"errorCode": 400}', '{"errorCode": 401}'],
      ["{ $.errorCode != 500 }", '{"errorCode": 400}', '{"errorCode": 500}'],
      ["{ $.latency > +1000 }", '{"latency": 1001}', '{"latency": 1000}'],
    ];
    for (const [pattern, yes, no] of cases) assert.deepEqual(matching(pattern, [yes, no]), [1], pattern);
  });

  it("Publishing numerical values: { $.latency = * } matches the page's event", () => {
    assert.deepEqual(matching("{ $.latency = * }", ['{"latency": 50, "requestType": "GET"}']), [1]);
  });
});

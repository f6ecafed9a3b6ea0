import assert from "node:assert/strict";
import fc from "fast-check";
import { compileJsonPattern } from "../../../lib/filter-pattern/compile-json";
import { parseJsonPattern } from "../../../lib/filter-pattern/json-parser";
import { CIS_PATTERNS, cloudTrailRecord, consoleLogin, rootIdentity } from "./fixtures";

function matches(pattern: string, record: unknown): boolean {
  return compileJsonPattern(parseJsonPattern(pattern))(record);
}

/** The sample event of the CloudWatch documentation on JSON filter patterns. */
function documentationEvent(): Record<string, unknown> {
  return {
    eventType: "UpdateTrail",
    sourceIPAddress: "111.111.111.111",
    arrayKey: ["value", "another value"],
    objectList: [
      { name: "a", id: 1 },
      { name: "b", id: 2 },
    ],
    SomeObject: null,
    "cluster.name": "c",
  };
}

/** The documentation's sample event for compound expressions. */
function compoundEvent(): Record<string, unknown> {
  return {
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
  };
}

describe("filter-pattern JSON compiler", () => {
  it("gives the documented results on the documentation's sample events", () => {
    const event = documentationEvent();
    for (const pattern of [
      '{ $.eventType = "UpdateTrail" }',
      "{ $.sourceIPAddress != 123.123.* }",
      '{ $.arrayKey[0] = "value" }',
      "{ $.eventType = %Trail% }",
      "{ $.arrayKey[*] = %val.{2}% }",
      "{ $.* = %111\\.111\\.111\\.1[0-9]{1,2}% }",
      "{ $.['cluster.name'] = \"c\" }",
      "{ $.SomeObject IS NULL }",
      "{ $.SomeOtherObject NOT EXISTS }",
      "{ $.objectList[1].id = 2 }",
    ]) {
      assert.equal(matches(pattern, event), true, pattern);
    }
    const compound = compoundEvent();
    assert.equal(
      matches('{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }', compound),
      true,
    );
    assert.equal(
      matches(
        '{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = "nonmatch" && $.actions[2] = "nonmatch" }',
        compound,
      ),
      true,
    );
    assert.equal(
      matches(
        '{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = "nonmatch") && $.actions[2] = "nonmatch" }',
        compound,
      ),
      false,
    );
    assert.equal(
      matches('{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }', compound),
      false,
    );
  });

  it("does not match a selector that points to an object or an array", () => {
    const event = documentationEvent();
    assert.equal(matches("{ $.objectList = * }", event), false);
    assert.equal(matches("{ $.objectList[0] != x }", event), false);
    assert.equal(matches('{ $.arrayKey = "value" }', event), false);
    assert.equal(matches("{ $.objectList NOT EXISTS }", event), false);
  });

  it("evaluates a || b && c as a || (b && c)", () => {
    const pattern = "{ $.a = 1 || $.b = 1 && $.c = 1 }";
    assert.equal(matches(pattern, { a: 1, b: 0, c: 0 }), true);
    assert.equal(matches(pattern, { a: 0, b: 1, c: 0 }), false);
    assert.equal(matches(pattern, { a: 0, b: 1, c: 1 }), true);
    assert.equal(matches("{ ($.a = 1 || $.b = 1) && $.c = 1 }", { a: 1, b: 0, c: 0 }), false);
  });

  it("treats NOT EXISTS as 'reaches nothing': null and empty strings exist", () => {
    assert.equal(matches("{ $.a NOT EXISTS }", { a: null }), false);
    assert.equal(matches("{ $.a NOT EXISTS }", { a: "" }), false);
    assert.equal(matches("{ $.a.b NOT EXISTS }", { a: "scalar" }), true);
    assert.equal(matches("{ $.list[3] NOT EXISTS }", { list: [1] }), true);
    assert.equal(matches("{ $.list[*] NOT EXISTS }", { list: [] }), true);
    assert.equal(matches("{ $.list[*] NOT EXISTS }", { list: [null] }), false);
  });

  it("holds a wildcard condition when any selected node satisfies it", () => {
    const record = { tags: [{ key: "env", value: "prod" }, { key: "owner" }] };
    assert.equal(matches('{ $.tags[*].value = "prod" }', record), true);
    assert.equal(matches('{ $.tags[*].value != "prod" }', record), false);
    assert.equal(matches('{ $.tags[*].key != "env" }', record), true);
    assert.equal(matches("{ $.tags[*].value IS NULL }", record), false);
  });

  it("groups equalities on one selector without changing results", () => {
    const literals = ["A", "B", "C", "400", "true", "x*y"];
    const grouped = `{ ${literals.map((literal) => `$.v = "${literal}"`).join(" || ")} || $.w = 1 }`;
    const values = fc.oneof(
      fc.constantFrom<unknown>("A", "B", "C", "D", "400", 400, 4e2, true, false, "true", "x*y", "xzy", null),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(values, fc.constantFrom<unknown>(1, 2, undefined), (v, w) => {
        const record = { v, w };
        const separately =
          literals.some((literal) => matches(`{ $.v = "${literal}" }`, record)) ||
          matches("{ $.w = 1 }", record);
        return matches(grouped, record) === separately;
      }),
      { numRuns: 300 },
    );
  });

  it("fires the CIS root-usage pattern only for direct root activity", () => {
    const rootUsage = CIS_PATTERNS["4.3"];
    assert.equal(matches(rootUsage, cloudTrailRecord({ userIdentity: rootIdentity() })), true);
    const viaService = cloudTrailRecord({ userIdentity: rootIdentity("cloudtrail.amazonaws.com") });
    assert.equal(matches(rootUsage, viaService), false);
    const serviceEvent = cloudTrailRecord({ userIdentity: rootIdentity(), eventType: "AwsServiceEvent" });
    assert.equal(matches(rootUsage, serviceEvent), false);
    assert.equal(matches(rootUsage, cloudTrailRecord()), false);
  });

  it("fires the CIS no-MFA pattern only when MFAUsed is present and not Yes", () => {
    const noMfa = CIS_PATTERNS["4.2"];
    assert.equal(matches(noMfa, consoleLogin("No")), true);
    assert.equal(matches(noMfa, consoleLogin("Yes")), false);
    assert.equal(matches(noMfa, consoleLogin("No", "Failure")), false);
    // `!=` on a missing field does not match (see compile-comparison), so a login event without
    // MFAUsed stays silent; CloudTrail writes MFAUsed on every IAM-user console sign-in.
    assert.equal(matches(noMfa, consoleLogin(undefined)), false);
  });

  it("fires the CIS unauthorized-calls pattern on either error-code wildcard", () => {
    const unauthorized = CIS_PATTERNS["4.1"];
    assert.equal(
      matches(unauthorized, cloudTrailRecord({ errorCode: "Client.UnauthorizedOperation" })),
      true,
    );
    assert.equal(matches(unauthorized, cloudTrailRecord({ errorCode: "AccessDenied" })), true);
    const headBucket = cloudTrailRecord({ errorCode: "AccessDenied", eventName: "HeadBucket" });
    assert.equal(matches(unauthorized, headBucket), false);
    assert.equal(matches(unauthorized, cloudTrailRecord({ errorCode: "ThrottlingException" })), false);
    assert.equal(matches(unauthorized, cloudTrailRecord()), false);
  });

  it("fires the CIS KMS and Organizations patterns on the right source and name only", () => {
    const kms = CIS_PATTERNS["4.7"];
    const kmsEvent = (eventName: string, eventSource = "kms.amazonaws.com") =>
      cloudTrailRecord({ eventSource, eventName });
    assert.equal(matches(kms, kmsEvent("ScheduleKeyDeletion")), true);
    assert.equal(matches(kms, kmsEvent("DisableKey")), true);
    assert.equal(matches(kms, kmsEvent("EnableKey")), false);
    assert.equal(matches(kms, kmsEvent("DisableKey", "kms.amazonaws.com.evil")), false);
    const organizations = CIS_PATTERNS["4.15"];
    const orgEvent = cloudTrailRecord({
      eventSource: "organizations.amazonaws.com",
      eventName: "AcceptHandshake",
    });
    assert.equal(matches(organizations, orgEvent), true);
    assert.equal(matches(organizations, { ...orgEvent, eventSource: "iam.amazonaws.com" }), false);
  });
});

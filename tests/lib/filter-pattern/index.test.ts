import assert from "node:assert/strict";
import fc from "fast-check";
import {
  type FilterMatcher,
  FilterPatternSyntaxError,
  compileFilterPattern,
  parseFilterPattern,
} from "../../../lib/filter-pattern";
import { meterWork } from "../../support/work-meter";
import { CIS_PATTERNS, cloudTrailRecord, loadCorpus } from "./fixtures";

// ORG_GOV_HEAVY=1 runs the property sweeps a hundred times longer.
const RUNS = process.env.ORG_GOV_HEAVY === "1" ? 20_000 : 200;

function syntaxError(pattern: string): FilterPatternSyntaxError {
  try {
    compileFilterPattern(pattern);
  } catch (error) {
    assert.ok(error instanceof FilterPatternSyntaxError, `${pattern}: ${String(error)}`);
    return error;
  }
  assert.fail(`${pattern} was accepted`);
}

/** Which CIS controls fire on at least one record of a technique, in control order. */
function firingControls(matchers: ReadonlyMap<string, FilterMatcher>, records: readonly unknown[]): string[] {
  return [...matchers]
    .filter(([, matcher]) => records.some((r) => matcher.matchesRecord(r)))
    .map(([id]) => id);
}

// Conditions on CloudTrail fields for the property tests: each parses on its own.
const CONDITIONS = [
  '$.eventSource = "iam.amazonaws.com"',
  "$.eventName = Create*",
  "$.userIdentity.type != Root",
  "$.errorCode NOT EXISTS",
  "$.readOnly IS FALSE",
  "$.requestParameters IS NULL",
  "$.userIdentity.sessionContext.attributes.mfaAuthenticated = false",
  "$.eventVersion >= 1.09",
  "$.awsRegion = %^eu-|^us-%",
  "$.resources[0].type = *",
];

function spaced(parts: readonly string[], gaps: readonly string[]): string {
  return parts.map((part, i) => `${part}${gaps[i % gaps.length]}`).join("");
}

describe("filter-pattern public API", () => {
  const corpus = loadCorpus();
  const corpusRecords = corpus.flatMap((file) => file.records);

  it("compiles to a matcher that remembers its source and kind", () => {
    const json = compileFilterPattern('{ $.eventName = "StopLogging" }');
    assert.equal(json.source, '{ $.eventName = "StopLogging" }');
    assert.equal(json.kind, "json");
    assert.equal(compileFilterPattern("ERROR").kind, "terms");
    assert.equal(compileFilterPattern("%ERR%").kind, "terms");
    assert.ok(Object.isFrozen(json));
  });

  it("exposes the parsed tree", () => {
    const ast = parseFilterPattern("{ $.a IS TRUE }");
    assert.deepEqual(ast, {
      kind: "json",
      expression: {
        type: "predicate",
        selector: { text: "$.a", steps: [{ kind: "key", key: "a" }] },
        predicate: "IS TRUE",
      },
    });
  });

  it("matches JSON messages by parsing them, and never matches non-JSON messages", () => {
    const stop = compileFilterPattern('{ $.eventName = "StopLogging" }');
    const record = cloudTrailRecord({ eventName: "StopLogging" });
    assert.equal(stop.matchesMessage(JSON.stringify(record, null, 2)), true);
    assert.equal(stop.matchesMessage(JSON.stringify({ ...record, eventName: "StartLogging" })), false);
    assert.equal(stop.matchesMessage(`2024-08-02 INFO ${JSON.stringify(record)}`), false);
    assert.equal(stop.matchesMessage("StopLogging"), false);
    assert.equal(compileFilterPattern("{ $.a NOT EXISTS }").matchesMessage("not json"), false);
  });

  it("matches term patterns against the raw message, or a record's JSON text", () => {
    const pattern = compileFilterPattern('"StopLogging" -"Root"');
    const record = cloudTrailRecord({ eventName: "StopLogging" });
    assert.equal(pattern.matchesRecord(record), true);
    assert.equal(pattern.matchesRecord({ ...record, userIdentity: { type: "Root" } }), false);
    assert.equal(pattern.matchesMessage("StopLogging called"), true);
    assert.equal(compileFilterPattern('"\\"eventName\\":\\"StopLogging\\""').matchesRecord(record), true);
    assert.equal(compileFilterPattern("x").matchesRecord(undefined), false);
    assert.equal(compileFilterPattern("").matchesRecord(undefined), true);
  });

  it("rejects a dozen malformed patterns at the right column, naming what was expected", () => {
    const cases: [string, number, string][] = [
      ["{ $.eventName = }", 17, "a value after '='"],
      ["{ $.eventName == ConsoleLogin }", 16, "a value after '='"],
      ['{ $.errorCode = "AccessDenied*" ', 33, "'&&', '||' or '}'"],
      ["{ ($.a = 1) && ($.b = 2 }", 25, "'&&', '||' or ')'"],
      ["{ $.a = 1 }}", 12, "end of pattern after '}'"],
      ["{ $.a IS NOT NULL }", 10, "NULL, TRUE or FALSE after IS"],
      ["{ $.latency > fast }", 15, "a number after '>'"],
      ["{ userIdentity.type = Root }", 3, "a selector such as $.eventName, or '('"],
      ["{ $.a = %[0-9%  }", 9, "a valid regex"],
      ["{ $.a = %(x)% }", 10, "no parentheses in a regex (CloudWatch does not support groups)"],
      ["{ $.a.*.b[*] = 1 }", 11, "at most one wildcard in a selector (CloudWatch quota)"],
      ['ERROR "unterminated', 20, "a closing '\"' for the phrase at column 7"],
      ["ERROR -", 8, "a term (letters, digits and '_') or a \"quoted phrase\" after '-'"],
      ["  { $.a = 1 }", 1, "'{' as the first character of a JSON pattern"],
    ];
    for (const [pattern, column, expected] of cases) {
      const error = syntaxError(pattern);
      assert.deepEqual([error.column, error.expected], [column, expected], pattern);
      assert.ok(!error.message.includes("\n"), pattern);
      assert.ok(error.message.startsWith(`column ${column}: expected ${expected}, found `), error.message);
    }
  });

  it("fires the CIS controls a Stratus Red Team technique should trigger, and no others", () => {
    const matchers = new Map(
      Object.entries(CIS_PATTERNS).map(([id, pattern]) => [id, compileFilterPattern(pattern)]),
    );
    const expected: Record<string, string[]> = {
      "credential-access.ec2-get-password-data": ["4.1"],
      "defense-evasion.cloudtrail-delete": ["4.5"],
      "defense-evasion.cloudtrail-stop": ["4.5"],
      "defense-evasion.organizations-leave": ["4.1", "4.15"],
      "discovery.ec2-download-user-data": ["4.1"],
      "execution.ec2-launch-unusual-instances": ["4.1"],
      "exfiltration.ec2-security-group-open-port-22-ingress": ["4.10"],
      "initial-access.console-login-without-mfa": ["4.2"],
      "persistence.iam-create-admin-user": ["4.4"],
      "persistence.iam-create-backdoor-role": ["4.4"],
    };
    assert.equal(corpus.length, 35);
    for (const { technique, records } of corpus) {
      assert.deepEqual(firingControls(matchers, records), expected[technique] ?? [], technique);
    }
  });

  it("gives the same answer for a record and for its JSON text", () => {
    const matchers = [...Object.values(CIS_PATTERNS), ...CONDITIONS.map((c) => `{ ${c} }`)].map(
      compileFilterPattern,
    );
    for (const record of corpusRecords) {
      const text = JSON.stringify(record);
      for (const matcher of matchers) {
        assert.equal(matcher.matchesMessage(text), matcher.matchesRecord(record), matcher.source);
      }
    }
  });

  it("property: reordering and respacing && or || operands does not change results", () => {
    const records = corpusRecords.filter((_, i) => i % 7 === 0);
    const gap = fc.constantFrom(" ", "", "  ", "\t", "\n ");
    fc.assert(
      fc.property(
        fc.shuffledSubarray(CONDITIONS, { minLength: 2, maxLength: 5 }),
        fc.array(gap, { minLength: 1, maxLength: 6 }),
        fc.constantFrom("&&", "||"),
        fc.boolean(),
        (conditions, gaps, operator, parenthesise) => {
          const wrap = (c: string) => (parenthesise ? `(${c})` : c);
          const original = compileFilterPattern(`{ ${conditions.map(wrap).join(` ${operator} `)} }`);
          const reordered = [...conditions].reverse().map(wrap);
          const parts = ["{", ...reordered.flatMap((c, i) => (i === 0 ? [c] : [operator, c])), "}"];
          const respaced = compileFilterPattern(spaced(parts, gaps));
          return records.every((r) => original.matchesRecord(r) === respaced.matchesRecord(r));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("property: arbitrary strings never make parsing throw anything but FilterPatternSyntaxError", () => {
    const pieces = fc.constantFrom(
      ..."{}()[]$.*=!<>&|\"'%\\?- \t\nae1E_é😀".split(/(?:)/u),
      "$.",
      "&&",
      "||",
      " IS ",
      "NULL",
      " NOT EXISTS",
      "TRUE",
      "1e+3",
      "{ $.a = ",
    );
    const text = fc.oneof(
      fc.string({ unit: pieces, maxLength: 40 }),
      fc.string({ unit: "binary", maxLength: 40 }),
    );
    fc.assert(
      fc.property(text, (pattern) => {
        try {
          compileFilterPattern(pattern);
        } catch (error) {
          if (!(error instanceof FilterPatternSyntaxError)) throw error;
          assert.ok(error.column >= 1 && !error.message.includes("\n"), error.message);
        }
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it("property: matching is total on arbitrary JSON values and messages", () => {
    const matchers = [
      ...Object.values(CIS_PATTERNS),
      "{ $.* = %a% }",
      "{ $.a[*].b != 1 || $.c[0][1] > -1.5 }",
      "{ $.a IS TRUE || $.b IS NULL || $.constructor NOT EXISTS }",
      "ERROR -x",
      "%[0-9]+%",
      "",
    ].map(compileFilterPattern);
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (record, message) =>
        matchers.every((matcher) => {
          const results = [matcher.matchesRecord(record), matcher.matchesMessage(message)];
          return results.every((result) => typeof result === "boolean");
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it("does work linear in a long adversarial event, for wildcards, regexes and terms", () => {
    const long = "a".repeat(1_000_000);
    const message = JSON.stringify({ msg: long });
    const cases: [string, string][] = [
      ['{ $.msg = "*a*a*a*a*a*a*b" }', message],
      ["{ $.msg = %a*a*a*a*a*a*b% }", message],
      ["%^a+a+a+a+b%", long],
      ['"aab" -"b"', long],
    ];
    for (const [pattern, event] of cases) {
      const matcher = compileFilterPattern(pattern);
      let matched: boolean | undefined;
      const steps = meterWork(() => (matched = matcher.matchesMessage(event)));
      assert.equal(matched, false, pattern);
      // A backtracking matcher needs on the order of n^6 steps here; a rescanning one n^2.
      assert.ok(steps <= 4 * event.length, `${pattern}: ${steps} steps for ${event.length} characters`);
    }
  });

  it("rejects deeply nested parentheses up to the length limit without overflowing the stack", () => {
    const deep = `{ ${"(".repeat(505)}$.a = 1${")".repeat(505)} }`;
    assert.ok(deep.length <= 1024);
    assert.equal(compileFilterPattern(deep).matchesRecord({ a: 1 }), true);
    assert.equal(syntaxError(`{ ${"(".repeat(1020)}`).expected, "a selector such as $.eventName, or '('");
  });
});

import assert from "node:assert/strict";
import { CONTROLS, type MonitoringControl, controlById } from "../../../lib/controls";
import { type JsonExpression, parseFilterPattern } from "../../../lib/filter-pattern";
import { type Coverage, PatternJudge } from "../../../policy-pack/lib/monitoring";
import { printJsonPattern } from "../../support/filter-pattern-printer";

function control(id: string): MonitoringControl {
  const found = controlById(id);
  assert.ok(found, id);
  return found;
}

function misses(verdict: Coverage): readonly string[] {
  assert.equal(verdict.kind, "fails", "the judge accepted the pattern");
  return verdict.kind === "fails" ? verdict.missed : [];
}

/** One pattern per mutation that narrows the catalog's pattern: an `||` alternative dropped, or an `=` made to match nothing. */
function* narrowings(expression: JsonExpression): Generator<{ change: string; expression: JsonExpression }> {
  if (expression.type === "comparison" && expression.operator === "=") {
    yield {
      change: `${expression.selector.text} made to match nothing`,
      expression: {
        ...expression,
        value: { type: "string", text: "NoSuchValue", quoted: true, segments: ["NoSuchValue"] },
      },
    };
    return;
  }
  if (expression.type !== "or" && expression.type !== "and") return;
  for (let i = 0; i < expression.operands.length; i++) {
    const operand = expression.operands[i];
    const others = expression.operands.filter((_, j) => j !== i);
    if (expression.type === "or") {
      yield {
        change: `dropped ${printJsonPattern(operand)}`,
        expression: others.length === 1 ? others[0] : { ...expression, operands: others },
      };
    }
    if (expression.type === "and" || operand.type !== "comparison") {
      for (const inner of narrowings(operand)) {
        const operands = [...expression.operands];
        operands[i] = inner.expression;
        yield { change: inner.change, expression: { ...expression, operands } };
      }
    }
  }
}

describe("PatternJudge: a filter covers a control only if it catches every call the control exists for", () => {
  for (const each of CONTROLS) {
    it(`${each.id}: refuses the catalog's pattern with any required term removed, naming the missed call`, () => {
      const ast = parseFilterPattern(each.filterPattern);
      assert.equal(ast.kind, "json");
      if (ast.kind !== "json") return;
      const judge = new PatternJudge();
      let tried = 0;
      for (const { change, expression } of narrowings(ast.expression)) {
        tried++;
        const pattern = printJsonPattern(expression);
        const missed = misses(judge.judge(pattern, each));
        assert.ok(missed.length > 0, `${change}: no missed call named`);
        const dropped = /^dropped \{ \$\.eventName = "?(\w+)"? \}$/.exec(change)?.[1];
        if (dropped !== undefined) {
          assert.ok(
            missed.some((text) => text.startsWith(`${dropped} (`)),
            `${change}: missed ${missed.join("; ")}`,
          );
        }
      }
      assert.ok(tried > 0, "no term to remove");
    });
  }

  it("names every missed call in one message", () => {
    const verdict = new PatternJudge().judge(
      "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) }",
      control("cloudtrail-config-changes"),
    );
    assert.equal(verdict.kind, "fails");
    assert.equal(
      verdict.kind === "fails" ? verdict.why : "",
      "its pattern misses 2 of the 5 calls the control exists for: StartLogging (cloudtrail.amazonaws.com); StopLogging (cloudtrail.amazonaws.com)",
    );
  });

  it("names the variant when a filter catches a call from some principals or regions only", () => {
    const judge = new PatternJudge();
    const roleOnly = judge.judge(
      '{ ($.eventSource = kms.amazonaws.com) && ($.eventName = DisableKey || $.eventName = ScheduleKeyDeletion) && ($.userIdentity.type = "IAMUser") }',
      control("kms-key-disable-or-deletion"),
    );
    assert.deepEqual(misses(roleOnly), [
      "DisableKey (kms.amazonaws.com) by AssumedRole in eu-west-1, by Root in ap-southeast-2",
      "ScheduleKeyDeletion (kms.amazonaws.com) by AssumedRole in eu-west-1, by Root in ap-southeast-2",
    ]);
    const oneRegion = judge.judge(
      '{ $.eventName = "ConsoleLogin" && $.errorMessage = "Failed authentication" && $.awsRegion = "us-east-1" }',
      control("console-auth-failures"),
    );
    assert.deepEqual(misses(oneRegion), [
      "ConsoleLogin (signin.amazonaws.com) by an IAM user failing without MFA by IAMUser in eu-west-1",
      "ConsoleLogin (signin.amazonaws.com) by the root user failing without MFA by Root in eu-west-1",
    ]);
  });

  it("tries a bounded number of records: one per required call and variant, plus the noise", () => {
    const judge = new PatternJudge();
    for (const each of CONTROLS) judge.judge(each.filterPattern, each);
    const firstPass = judge.recordsTried;
    for (const each of CONTROLS) judge.judge(each.filterPattern, each); // cached
    assert.equal(judge.recordsTried, firstPass, "a cached verdict tried records again");
    assert.ok(firstPass > 0 && firstPass < 600, `${firstPass} records tried`);
  });

  it("says when a pattern misses every call, and counts a single call in the singular", () => {
    const judge = new PatternJudge();
    const none = judge.judge("{ $.eventName = NoSuchCall }", control("cloudtrail-config-changes"));
    assert.match(
      none.kind === "fails" ? none.why : "",
      /misses every one of the 5 calls the control exists for: CreateTrail /,
    );
    const one = judge.judge("{ $.eventName = NoSuchCall }", control("console-signin-without-mfa"));
    assert.match(
      one.kind === "fails" ? one.why : "",
      /misses every one of the 1 call the control exists for: ConsoleLogin /,
    );
  });

  it("reports a pattern that does not parse without claiming a missed call", () => {
    const verdict = new PatternJudge().judge(
      '{ $.eventName = "CreateTrail" && }',
      control("cloudtrail-config-changes"),
    );
    assert.equal(verdict.kind, "fails");
    assert.deepEqual(misses(verdict), []);
  });
});

describe("PatternJudge: a noisy pattern's message points at exclusions joined with `||`", () => {
  const configChanges = () => control("cloudtrail-config-changes");

  function why(pattern: string): string {
    const verdict = new PatternJudge().judge(pattern, configChanges());
    assert.equal(verdict.kind, "fails", pattern);
    return verdict.kind === "fails" ? verdict.why : "";
  }

  it("quotes each negation that is an alternative of `||`, as written, and only those", () => {
    // The third alternative is not an exclusion (it has a positive term), and `IS NULL` is not a negation.
    const message = why(
      '{ $.eventSource = cloudtrail.amazonaws.com && ($.errorCode NOT EXISTS || ($.eventName != "DescribeTrails" && $.eventName != %^Get%) || ($.eventName = LookupEvents && $.awsRegion != us-east-1) || $.requestParameters.name IS NULL) }',
    );
    assert.match(
      message,
      /everyday activity: `\$\.errorCode NOT EXISTS` and `\$\.eventName != "DescribeTrails" && \$\.eventName != %\^Get%` are alternatives of `\|\|`, so on their own they match nearly every event; join such exclusions with `&&`$/,
    );
  });

  it("speaks of one exclusion in the singular, with an unquoted value as written", () => {
    assert.match(
      why(
        "{ $.eventSource = cloudtrail.amazonaws.com && ($.eventName = CreateTrail || $.eventName != DescribeTrails) }",
      ),
      /: `\$\.eventName != DescribeTrails` is an alternative of `\|\|`, so on its own it matches nearly every event;/,
    );
  });

  it("quotes a conjunction holding an `||` of negations whole: it too matches nearly every event", () => {
    assert.match(
      why(
        "{ $.eventSource = cloudtrail.amazonaws.com && ($.eventName = CreateTrail || ($.eventName != DescribeTrails && ($.awsRegion != us-east-1 || ($.errorCode NOT EXISTS && $.readOnly != true)))) }",
      ),
      /: `\$\.eventName != DescribeTrails && \(\$\.awsRegion != us-east-1 \|\| \(\$\.errorCode NOT EXISTS && \$\.readOnly != true\)\)` is an alternative of `\|\|`, so on its own it matches nearly every event;/,
    );
  });

  it("gives no exclusion advice for a pattern without `||` exclusions, JSON or not", () => {
    for (const pattern of [
      '{ $.eventSource = cloudtrail.amazonaws.com && $.eventName = "*" }',
      "cloudtrail",
    ]) {
      assert.match(
        why(pattern),
        /fires on ordinary successful calls \(DescribeTrails on cloudtrail\.amazonaws\.com by IAMUser, .*would count everyday activity$/,
        pattern,
      );
    }
  });
});

describe("PatternJudge: a covering pattern names each ignored call it also fires on", () => {
  function noisier(pattern: string, id: string): readonly string[] {
    const verdict = new PatternJudge().judge(pattern, control(id));
    assert.equal(verdict.kind, "covers", pattern);
    return verdict.kind === "covers" ? verdict.noisier : [];
  }

  it("names the call, its service, who made it and the error code it failed with", () => {
    // Wider than the catalog's pattern by one alternative: every error code ending in "Exception".
    const pattern =
      '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") || ($.errorCode = "*Exception") }';
    assert.deepEqual(noisier(pattern, "unauthorized-api-calls"), [
      "DeleteLoginProfile on iam.amazonaws.com by IAMUser failing with EntityTemporarilyUnmodifiableException",
    ]);
  });

  it("quotes the error message of a failure that has no error code (a console sign-in)", () => {
    assert.deepEqual(
      noisier('{ ($.eventName = ConsoleLogin) && ($.errorMessage = "*") }', "console-auth-failures"),
      [
        'ConsoleLogin on signin.amazonaws.com by IAMUser failing with "No username found in supplied account"',
      ],
    );
  });

  it("names nothing for the catalog's own patterns", () => {
    for (const each of CONTROLS) assert.deepEqual(noisier(each.filterPattern, each.id), [], each.id);
  });
});

import assert from "node:assert/strict";
import { compileTermsPattern } from "../../../lib/filter-pattern/compile-terms";
import { parseTermsPattern } from "../../../lib/filter-pattern/terms-parser";

function matching(pattern: string, messages: readonly string[]): string[] {
  const match = compileTermsPattern(parseTermsPattern(pattern));
  return messages.filter(match);
}

/** The example messages of the CloudWatch documentation on unstructured log events. */
function documentationMessages(): string[] {
  return [
    "[ERROR 400] BAD REQUEST",
    "[ERROR 401] UNAUTHORIZED REQUEST",
    "[ERROR 419] MISSING ARGUMENTS",
    "[ERROR 420] INVALID ARGUMENTS",
    "[INFO] REQUEST FAILED",
    "[ERROR 500] INTERNAL SERVER ERROR",
  ];
}

describe("filter-pattern terms compiler", () => {
  const messages = documentationMessages();
  const [bad, unauthorized, missing, invalid, info, internal] = messages;

  it("requires every plain term, as a case-sensitive substring", () => {
    assert.deepEqual(matching("ERROR", messages), [bad, unauthorized, missing, invalid, internal]);
    assert.deepEqual(matching("ERROR ARGUMENTS", messages), [missing, invalid]);
    assert.deepEqual(matching("error", messages), []);
    assert.deepEqual(matching("AUTHORIZED", messages), [unauthorized]);
  });

  it("accepts any of the ? terms when they stand alone", () => {
    assert.deepEqual(matching("?ARGUMENTS ?FAILED", messages), [missing, invalid, info]);
  });

  it("ignores ? terms once the pattern has a plain or excluded term, as documented", () => {
    assert.deepEqual(matching("?ERROR ?ARGUMENTS REQUEST", messages), [bad, unauthorized, info]);
    assert.deepEqual(matching("?ARGUMENTS -ERROR", messages), [info]);
  });

  it("excludes messages containing a - term, alone or with others", () => {
    assert.deepEqual(matching("ERROR -ARGUMENTS", messages), [bad, unauthorized, internal]);
    assert.deepEqual(matching("-ERROR", messages), [info]);
    assert.deepEqual(matching('-"BAD REQUEST" -ARGUMENTS', messages), [unauthorized, info, internal]);
  });

  it("matches quoted phrases exactly, spaces included", () => {
    assert.deepEqual(matching('"INTERNAL SERVER ERROR"', messages), [internal]);
    assert.deepEqual(matching('"SERVER  ERROR"', messages), []);
    assert.deepEqual(matching('"[ERROR 4"', messages), [bad, unauthorized, missing, invalid]);
  });

  it("matches everything with an empty pattern or a blank phrase", () => {
    for (const pattern of ["", "   ", '""', '" "', '?"" ?NOTHING']) {
      assert.deepEqual(matching(pattern, messages), messages, pattern);
    }
    assert.deepEqual(matching('"" ERROR -ARGUMENTS', messages), [bad, unauthorized, internal]);
  });

  it("searches a standalone regex anywhere in the message", () => {
    assert.deepEqual(matching("%AUTHORIZED%", messages), [unauthorized]);
    assert.deepEqual(matching("%4[12][09]%", messages), [missing, invalid]);
    assert.deepEqual(matching("%^\\[INFO%", messages), [info]);
  });

  it("matches terms in any script", () => {
    assert.deepEqual(matching("Größe -日本", ["Größe 10", "Größe 日本", "size"]), ["Größe 10"]);
  });
});

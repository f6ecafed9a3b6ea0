import assert from "node:assert/strict";
import { resolvePatternOptions, UsageError } from "../../../tools/pattern/options";
import type { PatternFlags } from "../../../tools/pattern/options";

function usageError(flags: PatternFlags, files: string[] = []): string {
  try {
    resolvePatternOptions(flags, files);
  } catch (error) {
    assert.ok(error instanceof UsageError, String(error));
    assert.ok(!error.message.includes("\n"));
    return error.message;
  }
  assert.fail(`accepted ${JSON.stringify(flags)}`);
}

describe("resolvePatternOptions", () => {
  it("reads a pattern with files, defaulting to stdin without files", () => {
    assert.deepEqual(resolvePatternOptions({ pattern: "{ $.a = 1 }" }, ["x.json", "-"]), {
      matching: { kind: "pattern", pattern: "{ $.a = 1 }" },
      output: "table",
      inputs: ["x.json", "-"],
    });
    assert.deepEqual(resolvePatternOptions({ pattern: "ERROR", json: true }, []).inputs, ["-"]);
    assert.equal(resolvePatternOptions({ pattern: "ERROR", json: true }, []).output, "json");
    assert.equal(resolvePatternOptions({ pattern: "ERROR", jsonl: true }, []).output, "jsonl");
  });

  it("reads --catalog with the CIS set by default, 'all', or a list of ids", () => {
    assert.deepEqual(resolvePatternOptions({ catalog: true }, []).matching, {
      kind: "catalog",
      controls: "cis",
    });
    assert.deepEqual(resolvePatternOptions({ catalog: true, controls: "all" }, []).matching, {
      kind: "catalog",
      controls: "all",
    });
    assert.deepEqual(resolvePatternOptions({ catalog: true, controls: " a, b ,," }, []).matching, {
      kind: "catalog",
      controls: ["a", "b"],
    });
  });

  it("rejects conflicting and missing options", () => {
    assert.match(usageError({ pattern: "x", catalog: true }), /exclude each other/);
    assert.match(usageError({}, ["file.json"]), /^nothing to match: give --pattern P or --catalog/);
    assert.match(usageError({ controls: "all", pattern: "x" }), /only applies with --catalog/);
    assert.match(
      usageError({ catalog: true, controls: "," }),
      /^--controls: expected cis, all or control ids, got ","$/,
    );
  });
});

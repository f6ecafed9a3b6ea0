import assert from "node:assert/strict";
import { parsePatternCliArgs, UsageError } from "../../../tools/pattern/options";

function usageError(argv: string[]): string {
  try {
    parsePatternCliArgs(argv);
  } catch (error) {
    assert.ok(error instanceof UsageError, String(error));
    assert.ok(!error.message.includes("\n"));
    return error.message;
  }
  assert.fail(`accepted ${argv.join(" ")}`);
}

describe("parsePatternCliArgs", () => {
  it("reads a pattern with files, defaulting to stdin without files", () => {
    assert.deepEqual(parsePatternCliArgs(["--pattern", "{ $.a = 1 }", "x.json", "-"]), {
      help: false,
      matching: { kind: "pattern", pattern: "{ $.a = 1 }" },
      json: false,
      inputs: ["x.json", "-"],
    });
    assert.deepEqual(parsePatternCliArgs(["-p", "ERROR", "--json"]).inputs, ["-"]);
    assert.equal(parsePatternCliArgs(["-p", "ERROR", "--json"]).json, true);
  });

  it("reads --catalog with the CIS set by default, 'all', or a list of ids", () => {
    assert.deepEqual(parsePatternCliArgs(["--catalog"]).matching, { kind: "catalog", controls: "cis" });
    assert.deepEqual(parsePatternCliArgs(["--catalog", "--controls", "all"]).matching, {
      kind: "catalog",
      controls: "all",
    });
    assert.deepEqual(parsePatternCliArgs(["--catalog", "--controls", " a, b ,,"]).matching, {
      kind: "catalog",
      controls: ["a", "b"],
    });
  });

  it("reports --help without demanding a mode", () => {
    assert.equal(parsePatternCliArgs(["--help"]).help, true);
    assert.equal(parsePatternCliArgs(["-h", "--pattern", "x"]).help, true);
  });

  it("rejects conflicting, missing and unknown options", () => {
    assert.match(usageError(["--pattern", "x", "--catalog"]), /exclude each other/);
    assert.match(usageError(["file.json"]), /^nothing to match: give --pattern P or --catalog/);
    assert.match(usageError(["--controls", "all", "-p", "x"]), /only applies with --catalog/);
    assert.match(
      usageError(["--catalog", "--controls", ","]),
      /^--controls: expected cis, all or control ids, got ","$/,
    );
    assert.match(usageError(["--patern", "x"]), /Unknown option '--patern'/);
    assert.match(usageError(["--pattern"]), /--pattern/);
  });
});

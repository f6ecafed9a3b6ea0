import assert from "node:assert/strict";
import { BenchUsageError, exitCodeOf, parseBenchArgs } from "../../../tools/bench/cli-options";
import type { Figure } from "../../../tools/bench/figures";

describe("parseBenchArgs", () => {
  it("runs the full bench by default and the quick one with --quick", () => {
    assert.deepEqual(parseBenchArgs([]), { mode: "full", markdown: false, help: false });
    assert.equal(parseBenchArgs(["--quick"]).mode, "quick");
  });

  it("takes a JSON file, Markdown output and a list of measurements", () => {
    const options = parseBenchArgs([
      "--json",
      "out.json",
      "--markdown",
      "--only",
      "inventory, filter-patterns",
    ]);
    assert.equal(options.json, "out.json");
    assert.equal(options.markdown, true);
    assert.deepEqual(options.only, ["inventory", "filter-patterns"]);
  });

  it("names an unknown measurement and lists the known ones", () => {
    assert.throws(
      () => parseBenchArgs(["--only", "inventory,plans"]),
      (error: unknown) =>
        error instanceof BenchUsageError &&
        /^--only: no measurement named "plans"; choose from plan, prod-plan, inventory, /.test(
          error.message,
        ) &&
        /\nusage: npm run bench -- \[--quick\]/.test(error.message),
    );
  });

  it("refuses unknown options and stray arguments with the usage", () => {
    assert.throws(() => parseBenchArgs(["--fast"]), BenchUsageError);
    assert.throws(() => parseBenchArgs(["quick"]), BenchUsageError);
  });
});

describe("exitCodeOf", () => {
  const passed: Figure = {
    id: "a",
    measurement: "a",
    value: 1,
    unit: "ratio",
    target: { comparison: "<=", limit: 2 },
  };
  const missed: Figure = { ...passed, id: "b", value: 3 };
  const failed: Figure = { id: "c", measurement: "c", unit: "count", error: "did not run" };

  it("is 0 when every target held, 1 when one was missed, 2 when a measurement could not run", () => {
    assert.equal(exitCodeOf([passed]), 0);
    assert.equal(exitCodeOf([passed, missed]), 1);
    assert.equal(exitCodeOf([missed, failed]), 2);
  });
});

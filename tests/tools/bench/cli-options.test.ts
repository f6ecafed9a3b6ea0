import assert from "node:assert/strict";
import { parseCommand } from "../../../tools/cli/command";
import { benchCommand, exitCodeOf, type BenchCliOptions } from "../../../tools/bench/cli-options";
import type { Figure } from "../../../tools/bench/figures";
import { capture } from "../cli/commands";

function parse(argv: string[]) {
  const io = capture();
  const outcome = parseCommand<BenchCliOptions>(benchCommand(), argv, io);
  return { outcome, err: io.err };
}

describe("the bench's flags", () => {
  it("runs the full bench by default and the quick one with --quick", () => {
    assert.deepEqual(parse([]).outcome, { options: {}, positionals: [] });
    assert.deepEqual(parse(["--quick"]).outcome, { options: { quick: true }, positionals: [] });
  });

  it("takes an output file, JSON on stdout, Markdown output and a list of measurements", () => {
    const { outcome } = parse([
      "--out",
      "out.json",
      "--json",
      "--markdown",
      "--only",
      "inventory, filter-patterns",
    ]);
    assert.ok("options" in outcome);
    assert.match(outcome.options.out ?? "", /\/out\.json$/);
    assert.equal(outcome.options.json, true);
    assert.equal(outcome.options.markdown, true);
    assert.deepEqual(outcome.options.only, ["inventory", "filter-patterns"]);
  });

  it("names an unknown measurement and lists the known ones", () => {
    const { outcome, err } = parse(["--only", "inventory,plans"]);
    assert.deepEqual(outcome, { exitCode: 2 });
    assert.match(err[0], /no measurement named "plans"; choose from plan, prod-plan, inventory, /);
  });

  it("refuses unknown options and stray arguments", () => {
    assert.deepEqual(parse(["--fast"]).outcome, { exitCode: 2 });
    assert.deepEqual(parse(["quick"]).outcome, { exitCode: 2 });
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

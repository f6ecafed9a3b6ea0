import assert from "node:assert/strict";
import { verdictOf } from "../../../tools/bench/figures";
import { validateLogsFigures } from "../../../tools/bench/validate-logs";

describe("validateLogsFigures", () => {
  const result = {
    files: 10_000,
    bytes: 20 * 1048576,
    oursMs: 4_000,
    floorMs: 3_000,
    cliMs: 60_000,
    cliVersion: "2.9.19",
    peakRssMiB: 40,
  };

  it("gives time per file, files per second, the ratios to the floor and to the AWS CLI with their targets, and peak memory", () => {
    const figures = Object.fromEntries(validateLogsFigures(result).map((f) => [f.id, f]));
    assert.equal(figures["validate-logs.us-per-file"].value, 400);
    assert.equal(figures["validate-logs.files-per-s"].value, 2_500);
    assert.equal(figures["validate-logs.ratio.vs-floor"].value, 4_000 / 3_000);
    assert.equal(verdictOf(figures["validate-logs.ratio.vs-floor"]), "pass");
    assert.equal(figures["validate-logs.ratio.vs-cli"].value, 4_000 / 60_000);
    assert.equal(verdictOf(figures["validate-logs.ratio.vs-cli"]), "pass");
    assert.equal(figures["validate-logs.peak-rss"].value, 40);
  });

  it("marks the AWS CLI figures skipped, not failed, when the CLI is not installed", () => {
    const figures = validateLogsFigures({ ...result, cliMs: undefined, cliVersion: undefined });
    const cli = figures.find((f) => f.id === "validate-logs.cli.us-per-file")!;
    assert.equal(verdictOf(cli), "skipped");
    assert.ok(!figures.some((f) => f.id === "validate-logs.ratio.vs-cli"));
  });
});

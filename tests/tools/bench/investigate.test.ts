import assert from "node:assert/strict";
import { join } from "node:path";
import { measureInvestigate } from "../../../tools/bench/investigate";
import { SETTINGS } from "../../../tools/bench/run-bench";

const PROJECT_DIR = join(__dirname, "..", "..", "..");

describe("the investigate benchmark", () => {
  it("measures at least 1 GB of uncompressed logs in both modes", () => {
    assert.ok(SETTINGS.quick.investigate.bytes >= 1_000_000_000);
    assert.ok(SETTINGS.full.investigate.bytes >= 1_000_000_000);
  });

  it("smoke: answers principal and access-key over a small generated archive, beside zcat", async function () {
    this.timeout(120_000);
    const figures = await measureInvestigate({
      bytes: 2_000_000,
      warmup: 0,
      runs: 1,
      projectDir: PROJECT_DIR,
    });
    assert.deepEqual(
      figures.map((f) => f.id),
      [
        "investigate.zcat",
        "investigate.principal.records-per-second",
        "investigate.principal.peak-memory",
        "investigate.principal.ratio-to-zcat",
        "investigate.access-key.records-per-second",
        "investigate.access-key.peak-memory",
        "investigate.access-key.ratio-to-zcat",
      ],
    );
    for (const figure of figures) assert.ok((figure.value ?? 0) > 0, figure.id);
    assert.match(figures[1].detail ?? "", /^[1-9]\d* rows$/, "the principal has calls in the archive");
  });
});

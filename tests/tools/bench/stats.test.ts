import assert from "node:assert/strict";
import { checkRunPlan, median, ratio, timeRuns } from "../../../tools/bench/stats";
import { withFakeClock } from "../../support/fake-clock";

describe("median", () => {
  it("takes the middle value of an odd count, whatever the order", () => {
    assert.equal(median([9, 1, 5]), 5);
  });

  it("takes the mean of the two middle values of an even count", () => {
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });

  it("is the value itself for one run, and does not reorder the caller's array", () => {
    const samples = [3, 1, 2];
    assert.equal(median([7]), 7);
    median(samples);
    assert.deepEqual(samples, [3, 1, 2]);
  });

  it("refuses an empty list in one line", () => {
    assert.throws(
      () => median([]),
      /^RangeError: median: no values to take the median of; measure at least once$/,
    );
  });
});

describe("ratio", () => {
  it("divides a measurement by its floor", () => {
    assert.equal(ratio(130, 100), 1.3);
  });

  it("refuses a floor of zero, below zero or not a number, naming the values", () => {
    assert.throws(() => ratio(5, 0), /cannot divide 5 by 0/);
    assert.throws(() => ratio(5, -1), /cannot divide 5 by -1/);
    assert.throws(() => ratio(Number.NaN, 2), /cannot divide NaN by 2/);
  });
});

describe("timeRuns", () => {
  it("discards the warm-up runs and keeps one sample per kept run", async () => {
    const seen: number[] = [];
    const timed = await timeRuns({ warmup: 2, runs: 3 }, (index) => {
      seen.push(index);
      return index * 10;
    });
    assert.deepEqual(seen, [0, 1, 2, 3, 4]);
    assert.equal(timed.samplesMs.length, 3);
    assert.equal(timed.last, 40);
    assert.equal(timed.medianMs, median(timed.samplesMs));
  });

  it("times each run on its own", async () => {
    const timed = await withFakeClock((advance) =>
      timeRuns({ warmup: 1, runs: 2 }, async (index) => {
        await Promise.resolve();
        advance([500, 1, 30][index]);
      }),
    );
    assert.deepEqual(timed.samplesMs, [1, 30]);
  });

  it("reports each run, warm-up included, as it starts", async () => {
    const reported: string[] = [];
    await timeRuns(
      { warmup: 1, runs: 1 },
      () => undefined,
      (run, total) => reported.push(`${run}/${total}`),
    );
    assert.deepEqual(reported, ["1/2", "2/2"]);
  });
});

describe("checkRunPlan", () => {
  it("accepts no warm-up but needs at least one kept run", () => {
    assert.doesNotThrow(() => checkRunPlan({ warmup: 0, runs: 1 }));
    assert.throws(() => checkRunPlan({ warmup: 0, runs: 0 }), /runs must be a whole number >= 1, got 0/);
    assert.throws(
      () => checkRunPlan({ warmup: 1.5, runs: 1 }),
      /warm-up runs must be a whole number >= 0, got 1.5/,
    );
  });
});

import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { mapConcurrently } from "../../../tools/policy-check/map-concurrently";

describe("mapConcurrently", () => {
  it("keeps results in input order even when later items finish first", async () => {
    const results = await mapConcurrently([30, 1, 15, 2], 4, async (delay, index) => {
      await sleep(delay);
      return `${index}:${delay}`;
    });
    assert.deepEqual(results, ["0:30", "1:1", "2:15", "3:2"]);
  });

  it("never runs more than the limit at once", async () => {
    let running = 0;
    let peak = 0;
    await mapConcurrently(
      Array.from({ length: 20 }, (_, i) => i),
      3,
      async () => {
        running++;
        peak = Math.max(peak, running);
        await sleep(2);
        running--;
      },
    );
    assert.equal(peak, 3);
  });

  it("rejects with the first failure", async () => {
    await assert.rejects(
      mapConcurrently([1, 2, 3], 2, async (item) => {
        if (item === 2) throw new Error("item 2 failed");
        return item;
      }),
      /item 2 failed/,
    );
  });

  it("maps an empty list to an empty list", async () => {
    assert.deepEqual(await mapConcurrently([], 8, async () => 1), []);
  });
});

import assert from "node:assert/strict";
import { createProgress } from "../../../tools/pattern/progress";

function sink(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, isTTY, write: (text: string) => writes.push(text) };
}

describe("createProgress", () => {
  it("stays silent off a terminal", () => {
    const out = sink(false);
    let clock = 0;
    const progress = createProgress(out, () => clock);
    clock = 60_000;
    for (let i = 0; i < 10_000; i++) progress.record("big.json");
    progress.done();
    assert.deepEqual(out.writes, []);
  });

  it("stays silent on a terminal while the run is short", () => {
    const out = sink(true);
    let clock = 0;
    const progress = createProgress(out, () => clock, 1500);
    clock = 1000;
    for (let i = 0; i < 10_000; i++) progress.record("small.json");
    progress.done();
    assert.deepEqual(out.writes, []);
  });

  it("draws a throttled counter on a slow run and clears it at the end", () => {
    const out = sink(true);
    let clock = 0;
    const progress = createProgress(out, () => clock, 1500, 250);
    clock = 2000;
    for (let i = 0; i < 4096; i++) progress.record("big.json");
    clock = 2100;
    for (let i = 0; i < 4096; i++) progress.record("big.json");
    clock = 2400;
    for (let i = 0; i < 1024; i++) progress.record("big.json");
    progress.done();
    assert.deepEqual(out.writes, [
      "\r\x1b[Kscanned 1,024 records (big.json)",
      "\r\x1b[Kscanned 9,216 records (big.json)",
      "\r\x1b[K",
    ]);
  });
});

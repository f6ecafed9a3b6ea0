import assert from "node:assert/strict";
import { createProgressLine } from "../../../tools/bench/progress-line";

function sink() {
  const written: string[] = [];
  return { written, write: (text: string) => written.push(text) };
}

describe("createProgressLine", () => {
  it("redraws one line in place on a terminal and clears it at the end", () => {
    const terminal = sink();
    const line = createProgressLine(terminal, true);
    line.show("[1/7] offline plan");
    line.show("[2/7] npm run plan");
    line.clear();
    assert.deepEqual(terminal.written, [
      "\r\x1b[K[1/7] offline plan",
      "\r\x1b[K[2/7] npm run plan",
      "\r\x1b[K",
    ]);
  });

  it("cuts a line longer than the terminal is wide", () => {
    const terminal = sink();
    createProgressLine(terminal, true, 12).show("[3/7] inventory through the loopback endpoint");
    assert.deepEqual(terminal.written, ["\r\x1b[K[3/7] inve…"]);
  });

  it("writes nothing when stderr is not a terminal", () => {
    const pipe = sink();
    const line = createProgressLine(pipe, false);
    line.show("[1/7] offline plan");
    line.clear();
    assert.deepEqual(pipe.written, []);
  });
});

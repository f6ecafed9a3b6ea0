import assert from "node:assert/strict";
import { currentLoadAverage, describeMachine, formatMachine } from "../../../tools/bench/machine";

describe("describeMachine", () => {
  it("names the CPUs, memory, Node version and load this run had", () => {
    const machine = describeMachine();
    assert.ok(machine.cpus >= 1);
    assert.ok(machine.memoryGiB > 0);
    assert.equal(machine.node, process.version);
    assert.equal(machine.loadAverage.length, 3);
  });

  it("rounds load averages to hundredths", () => {
    for (const load of currentLoadAverage()) assert.equal(Math.round(load * 100) / 100, load);
  });
});

describe("formatMachine", () => {
  it("puts the machine on one line", () => {
    const line = formatMachine({
      cpus: 2,
      cpuModel: "AMD EPYC",
      memoryGiB: 23.5,
      node: "v20.20.2",
      platform: "linux 6.1 x64",
      loadAverage: [2.5, 3, 4.1],
    });
    assert.equal(
      line,
      "2 CPUs (AMD EPYC), 23.5 GiB, node v20.20.2, linux 6.1 x64, load average 2.5 / 3 / 4.1",
    );
  });
});

import * as os from "node:os";

export interface MachineDescription {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  /** 1, 5 and 15-minute load averages: other work on the machine skews absolute times, not ratios. */
  readonly loadAverage: readonly number[];
}

const GIB = 1024 ** 3;

export function describeMachine(): MachineDescription {
  const cpus = os.cpus();
  return {
    cpus: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / GIB) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverage: currentLoadAverage(),
  };
}

/** 1, 5 and 15-minute load averages, rounded to hundredths. */
export function currentLoadAverage(): number[] {
  return os.loadavg().map((load) => Math.round(load * 100) / 100);
}

/** One line for the top of the table. */
export function formatMachine(machine: MachineDescription): string {
  return (
    `${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, node ${machine.node}, ` +
    `${machine.platform}, load average ${machine.loadAverage.join(" / ")}`
  );
}

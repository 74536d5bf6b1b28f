// The machine a bench ran on, recorded next to its figures.
import { cpus, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';

export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  /** 1-minute load average when the bench started: other work on the machine skews timings. */
  readonly loadAverage: number;
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  let cpu = list[0]?.model ?? 'unknown';
  try {
    // os.cpus() may shorten the model name; /proc/cpuinfo has it whole on Linux.
    const line = readFileSync('/proc/cpuinfo', 'utf8').split('\n').find((l) => l.startsWith('model name'));
    if (line !== undefined) cpu = line.split(':')[1]!.trim();
  } catch {
    // Not Linux: keep the os.cpus() name.
  }
  let loadAverage = 0;
  try {
    loadAverage = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    loadAverage = Number.NaN;
  }
  return {
    cpu,
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage,
  };
}

/** The machine in one line, as the bench report and the recorded ratio print it. */
export function machineLine(m: MachineInfo): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}; load average ${m.loadAverage}`;
}

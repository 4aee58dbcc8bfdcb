import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** Linux /proc readings for the benchmark report (the gateway child and the machine). */

const CLK_TCK = 100; // USER_HZ on Linux

export interface ProcSample {
  readonly rssMb: number;
  readonly hwmMb: number;
  /** user + system CPU seconds since the process started. */
  readonly cpuSeconds: number;
  readonly userSeconds: number;
  readonly systemSeconds: number;
  readonly threads: number;
  readonly fds: number;
}

export function sampleProcess(pid: number): ProcSample | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]) / CLK_TCK;
    const stime = Number(fields[12]) / CLK_TCK;
    const threads = Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? NaN);
    const fds = countFds(pid);
    return {
      rssMb: kb('VmRSS') / 1024,
      hwmMb: kb('VmHWM') / 1024,
      cpuSeconds: utime + stime,
      userSeconds: utime,
      systemSeconds: stime,
      threads,
      fds,
    };
  } catch {
    return undefined;
  }
}

function countFds(pid: number): number {
  try {
    // Cheap even with 10k entries.
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return NaN;
  }
}

/** Aggregate CPU time of the whole machine (all cores), to tell how busy it was during a phase. */
export interface MachineCpu {
  readonly busy: number;
  readonly total: number;
}

export function sampleMachine(): MachineCpu {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** Fraction (0..cores) of the machine's CPU that was busy between two samples, in cores. */
export function machineBusyCores(a: MachineCpu, b: MachineCpu): number {
  const total = b.total - a.total;
  return total > 0 ? ((b.busy - a.busy) / total) * cpus().length : NaN;
}

export function machineDescription(): string {
  const c = cpus();
  return `${c.length} × ${c[0]?.model ?? 'unknown CPU'}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;
}

import fs from 'node:fs';

/** Clock ticks per second of /proc's CPU times (USER_HZ): 100 on every Linux Node runs on. */
const TICKS_PER_SECOND = 100;

/** CPU time a process has used so far, user and system, in ms; null once it has exited. */
function cpuMilliseconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

function cpuTimes(pids: Record<string, number>): Record<string, number> {
  const times: Record<string, number> = {};
  for (const [name, pid] of Object.entries(pids)) {
    const ms = cpuMilliseconds(pid);
    if (ms !== null) times[name] = ms;
  }
  return times;
}

/**
 * CPU time each process spends while load runs, added up over one run or several slices of one,
 * then divided by the requests answered: where a path through the graph spends its work.
 */
export class CpuMeter {
  private readonly spentMs: Record<string, number> = {};

  constructor(private readonly pids: Record<string, number>) {}

  /** Runs `load` and adds what each process spent meanwhile. */
  async during<T>(load: () => Promise<T>): Promise<T> {
    const before = cpuTimes(this.pids);
    const result = await load();
    for (const [name, ms] of Object.entries(cpuTimes(this.pids))) {
      if (before[name] !== undefined) {
        this.spentMs[name] = (this.spentMs[name] ?? 0) + ms - before[name];
      }
    }
    return result;
  }

  /** Each process's CPU time so far over `requests`, in ms. */
  perRequest(requests: number): Record<string, number> {
    return Object.fromEntries(
      Object.entries(this.spentMs).map(([name, ms]) => [name, ms / Math.max(1, requests)]),
    );
  }
}

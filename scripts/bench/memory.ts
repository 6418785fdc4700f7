import fs from 'node:fs';

interface Sample {
  at: number;
  /** Resident set size of each service, in MiB. */
  rssMiB: Record<string, number>;
}

/** A process's resident set size from /proc (Linux), in MiB; null once it has exited. */
export function residentMiB(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    return kib === undefined ? null : Number(kib) / 1024;
  } catch {
    return null;
  }
}

/** Samples every service's resident memory once a second while the benchmark runs. */
export class MemorySampler {
  private readonly samples: Sample[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(readonly pids: Record<string, number>) {
    this.sample();
    this.timer = setInterval(() => this.sample(), 1000);
  }

  private sample(): void {
    const rssMiB: Record<string, number> = {};
    for (const [name, pid] of Object.entries(this.pids)) {
      const rss = residentMiB(pid);
      if (rss !== null) rssMiB[name] = rss;
    }
    this.samples.push({ at: Date.now(), rssMiB });
  }

  /** The highest resident set of each service sampled from `since` on. */
  peakSince(since: number): Record<string, number> {
    this.sample();
    const peaks: Record<string, number> = {};
    for (const { at, rssMiB } of this.samples) {
      if (at < since) continue;
      for (const [name, rss] of Object.entries(rssMiB))
        peaks[name] = Math.max(peaks[name] ?? 0, rss);
    }
    return peaks;
  }

  /** The mean resident set of one service over samples taken in [from, to]. */
  meanBetween(service: string, from: number, to: number): number {
    const values = this.samples
      .filter((s) => s.at >= from && s.at <= to && s.rssMiB[service] !== undefined)
      .map((s) => s.rssMiB[service]);
    return values.reduce((sum, v) => sum + v, 0) / values.length;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

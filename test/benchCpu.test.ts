import { CpuMeter } from '../scripts/bench/cpu';

/** Keeps this process on the CPU for about `ms` milliseconds. */
function burn(ms: number): void {
  const until = Date.now() + ms;
  let x = 0;
  while (Date.now() < until) x += Math.sqrt(x + 1);
}

describe('benchmark CPU meter', () => {
  it('adds what each process spent over several runs and divides by the requests', async () => {
    // A pid that cannot exist is left out, as a service that has exited is.
    const meter = new CpuMeter({ bench: process.pid, gone: 2 ** 22 + 1 });
    await meter.during(async () => burn(120));
    const afterOne = meter.perRequest(1).bench;
    await meter.during(async () => burn(120));
    const perRequest = meter.perRequest(2);
    expect(Object.keys(perRequest)).toEqual(['bench']);
    // /proc counts in 10 ms ticks; the process burned about 120 ms in each run.
    expect(afterOne).toBeGreaterThanOrEqual(80);
    expect(perRequest.bench * 2).toBeGreaterThanOrEqual(afterOne + 80);
    expect(meter.perRequest(0).bench).toBe(perRequest.bench * 2);
  });
});

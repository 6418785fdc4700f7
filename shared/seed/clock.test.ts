import {
  dayBetween,
  earlier,
  earliest,
  instantBetween,
  instantOn,
  later,
  startOf,
  TODAY,
  TODAY_DATE,
  YESTERDAY,
} from './clock';
import { Random } from './random';

describe('the seeds’ today', () => {
  it('is the start of 2026-10-30 for every seed', () => {
    expect(TODAY.toISOString()).toBe('2026-10-30T00:00:00.000Z');
    expect(TODAY_DATE).toBe('2026-10-30');
    expect(YESTERDAY).toBe('2026-10-29');
    expect(startOf(TODAY_DATE)).toEqual(TODAY);
  });
});

describe('random days and instants', () => {
  it('keeps dayBetween within its bounds, and at `from` when `to` is earlier', () => {
    const random = new Random(7);
    for (let i = 0; i < 200; i += 1) {
      const on = dayBetween(random, '2026-12-28', '2027-01-03');
      expect(on >= '2026-12-28' && on <= '2027-01-03').toBe(true);
    }
    expect(dayBetween(random, '2026-03-10', '2026-03-01')).toBe('2026-03-10');
  });

  it('keeps instantBetween within its bounds, and at `from` when `to` is earlier', () => {
    const random = new Random(7);
    const from = new Date('2026-05-01T10:00:00Z');
    const to = new Date('2026-05-01T10:05:00Z');
    for (let i = 0; i < 200; i += 1) {
      const at = instantBetween(random, from, to).getTime();
      expect(at >= from.getTime() && at <= to.getTime()).toBe(true);
    }
    expect(instantBetween(random, to, from)).toEqual(to);
  });

  it('puts instantOn on its day, after the previous event of that day', () => {
    const random = new Random(7);
    let previous: Date | null = null;
    for (let i = 0; i < 5; i += 1) {
      const at: Date = instantOn(random, '2026-05-01', previous);
      expect(at.toISOString().slice(0, 10)).toBe('2026-05-01');
      if (previous) expect(at.getTime()).toBeGreaterThan(previous.getTime());
      previous = at;
    }
    const next = instantOn(random, '2026-05-02', previous);
    expect(next.toISOString().slice(0, 10)).toBe('2026-05-02');
  });
});

describe('later, earlier, earliest', () => {
  it('pick between dates', () => {
    expect(later('2026-01-31', '2026-02-01')).toBe('2026-02-01');
    expect(earlier('2026-01-31', '2026-02-01')).toBe('2026-01-31');
    expect(earliest(new Date(5), new Date(3), new Date(4))).toEqual(new Date(3));
  });
});

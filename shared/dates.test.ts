import { addDays, daysBetween, formatCalendarDate, parseCalendarDate } from './dates';

describe('addDays', () => {
  it('steps within a month', () => {
    expect(addDays('2026-03-10', 5)).toBe('2026-03-15');
    expect(addDays('2026-03-10', 0)).toBe('2026-03-10');
  });

  it('crosses month ends, February of common and leap years included', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2026-04-30', 30)).toBe('2026-05-30');
  });

  it('crosses year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-12-01', 45)).toBe('2027-01-15');
    expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    expect(addDays('2028-01-01', 365)).toBe('2028-12-31');
  });

  it('goes back with negative days', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-10-30', -302)).toBe('2026-01-01');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-3-1', 1)).toThrow(RangeError);
    expect(() => addDays('2026-03-01T00:00:00Z', 1)).toThrow(RangeError);
    expect(() => addDays('', 1)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts whole days, negative when `to` is earlier', () => {
    expect(daysBetween('2026-03-10', '2026-03-10')).toBe(0);
    expect(daysBetween('2026-03-10', '2026-03-15')).toBe(5);
    expect(daysBetween('2026-03-15', '2026-03-10')).toBe(-5);
  });

  it('crosses month and year ends', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2027-01-01', '2026-12-31')).toBe(-1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('undoes addDays', () => {
    for (const days of [-400, -31, -1, 0, 1, 29, 59, 366]) {
      expect(daysBetween('2026-02-15', addDays('2026-02-15', days))).toBe(days);
    }
  });

  it('refuses what is not a calendar date', () => {
    expect(() => daysBetween('2026-04-31', '2026-05-01')).toThrow(RangeError);
  });
});

describe('parseCalendarDate and formatCalendarDate', () => {
  it('read and write midnight UTC', () => {
    expect(parseCalendarDate('2026-10-30').toISOString()).toBe('2026-10-30T00:00:00.000Z');
    expect(formatCalendarDate(new Date('2026-01-05T23:59:59Z'))).toBe('2026-01-05');
  });
});

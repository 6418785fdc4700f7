import type { Random } from './random';

/**
 * Every timestamp is an offset from this instant rather than from the current time, so the same
 * scale always yields the same rows. The demo story runs over roughly the ten months after it.
 */
const BASE_MS = Date.UTC(2026, 0, 1);
const HOUR_MS = 3_600_000;
export const DAY_HOURS = 24;
const DAY_MS = DAY_HOURS * HOUR_MS;

/** The base date plus a (possibly fractional) number of days. */
export function day(days: number): Date {
  return new Date(BASE_MS + days * DAY_MS);
}

/** A random instant between two day offsets, to the second. */
export function between(random: Random, fromDay: number, toDay: number): Date {
  return new Date(BASE_MS + random.int(fromDay * 86_400, toDay * 86_400) * 1000);
}

/** A random instant between `minHours` and `maxHours` after `from`, to the second. */
export function after(random: Random, from: Date, minHours: number, maxHours: number): Date {
  return new Date(from.getTime() + random.int(minHours * 3600, maxHours * 3600) * 1000);
}

export function hoursAfter(from: Date, hours: number): Date {
  return new Date(from.getTime() + hours * HOUR_MS);
}

export function latest(...dates: Date[]): Date {
  return new Date(Math.max(...dates.map((date) => date.getTime())));
}

/** The calendar date (UTC) in the `YYYY-MM-DD` form that `date` columns take. */
export function calendarDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

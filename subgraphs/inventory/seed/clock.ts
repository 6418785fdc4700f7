import { calendarDate, DAY_HOURS, day } from '../../../shared/seed/clock';
import type { Random } from '../../../shared/seed/random';

const DAY_MS = DAY_HOURS * 3_600_000;

/**
 * The day the demo story stands at, two days after desk's last ticket: every event happens before
 * it, so recent documents are still in progress and older ones have run their course.
 */
export const TODAY = day(302);
export const TODAY_DATE = calendarDate(TODAY);

export function daysBefore(date: Date, days: number): Date {
  return new Date(date.getTime() - days * DAY_MS);
}

export function daysAfter(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function earliest(...dates: Date[]): Date {
  return new Date(Math.min(...dates.map((date) => date.getTime())));
}

/** A random instant in [from, to], to the second; `to` before `from` yields `from`. */
export function instantBetween(random: Random, from: Date, to: Date): Date {
  const seconds = Math.max(0, Math.floor((to.getTime() - from.getTime()) / 1000));
  return new Date(from.getTime() + random.int(0, seconds) * 1000);
}

/** `count` random instants in [from, to], oldest first: the steps of something that took a while. */
export function instantsBetween(random: Random, from: Date, to: Date, count: number): Date[] {
  return Array.from({ length: count }, () => instantBetween(random, from, to)).sort(
    (a, b) => a.getTime() - b.getTime(),
  );
}

/** The start of a `YYYY-MM-DD` date (UTC), to compare calendar dates with instants. */
export function startOf(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

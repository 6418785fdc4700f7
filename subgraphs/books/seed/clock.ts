import { addDays, daysBetween } from '../../../shared/dates';
import { calendarDate, day } from '../../../shared/seed/clock';
import type { Random } from '../../../shared/seed/random';

const DAY_SECONDS = 86_400;

/**
 * The instant the demo story stands at: the start of the day after desk's last ticket, the same
 * day as inventory's and billing's. Every event happens before it, so whatever falls due from
 * today on (invoices, estimates' expiry) has not happened yet.
 */
export const TODAY = day(302);
export const TODAY_DATE = calendarDate(TODAY);
/** The last day anything happened on. */
export const YESTERDAY = addDays(TODAY_DATE, -1);
/** Books' demo documents reach back about a year; the organization and its contacts are older. */
export const HISTORY_STARTS_ON = '2025-11-01';

export function startOf(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function daysAgo(days: number): string {
  return addDays(TODAY_DATE, -days);
}

/** A random day in [from, to]; `to` before `from` yields `from`. */
export function dayBetween(random: Random, from: string, to: string): string {
  return addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));
}

/** A random instant in [from, to], to the second; `to` before `from` yields `from`. */
export function instantBetween(random: Random, from: Date, to: Date): Date {
  const seconds = Math.max(0, Math.floor((to.getTime() - from.getTime()) / 1000));
  return new Date(from.getTime() + random.int(0, seconds) * 1000);
}

/**
 * An instant on `date`, to the second, after `previous` when that is on the same day. Nothing
 * happens in a day's last hours, so a few events in a row never spill into the next day.
 */
export function instantOn(random: Random, date: string, previous: Date | null = null): Date {
  const start = startOf(date).getTime();
  if (previous && previous.getTime() >= start) {
    return new Date(previous.getTime() + random.int(30, 900) * 1000);
  }
  return new Date(start + random.int(0, Math.floor(DAY_SECONDS * 0.8)) * 1000);
}

export function later(a: string, b: string): string {
  return a > b ? a : b;
}

export function earlier(a: string, b: string): string {
  return a < b ? a : b;
}

export function earliest(...dates: Date[]): Date {
  return new Date(Math.min(...dates.map((date) => date.getTime())));
}

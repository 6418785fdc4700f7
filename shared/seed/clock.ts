import { addDays, daysBetween } from '../dates';
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

/**
 * The instant every seed's demo story stands at: the start of 2026-10-30, two days after the last
 * day desk opens tickets on. Inventory's, billing's and books' demos are tied to desk's (their
 * customers are desk contacts, their documents link desk tickets and deals), so they all stand at
 * the same day: a customer's story then reads the same whichever subgraph tells it, and what one
 * integration shows as overdue or still to come is so in the others. Every event those seeds write
 * happens before it, so whatever falls due from today on (renewals, trial ends, due dates, estimates'
 * expiry) has not happened yet.
 */
export const TODAY = day(302);
export const TODAY_DATE = calendarDate(TODAY);
/** The last day anything happened on. */
export const YESTERDAY = addDays(TODAY_DATE, -1);

/** The start of a `YYYY-MM-DD` date (UTC), to compare calendar dates with instants. */
export function startOf(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
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
 * An instant on `date`, to the second, after `previous` when that is on the same day: the events
 * of one document or subscription follow each other. Days start at 00:00 UTC; nothing happens in
 * their last hours, so a few events in a row never spill into the next day.
 */
export function instantOn(random: Random, date: string, previous: Date | null = null): Date {
  const start = startOf(date).getTime();
  if (previous && previous.getTime() >= start) {
    return new Date(previous.getTime() + random.int(30, 900) * 1000);
  }
  return new Date(start + random.int(0, Math.floor(DAY_HOURS * 3600 * 0.8)) * 1000);
}

export function earliest(...dates: Date[]): Date {
  return new Date(Math.min(...dates.map((date) => date.getTime())));
}

/** The later of two `YYYY-MM-DD` dates. */
export function later(a: string, b: string): string {
  return a > b ? a : b;
}

/** The earlier of two `YYYY-MM-DD` dates. */
export function earlier(a: string, b: string): string {
  return a < b ? a : b;
}

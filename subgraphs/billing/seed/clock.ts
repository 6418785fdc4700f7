import { addDays, daysBetween } from '../../../shared/dates';
import { calendarDate, day } from '../../../shared/seed/clock';
import type { Random } from '../../../shared/seed/random';

const DAY_SECONDS = 86_400;

/**
 * The instant the demo story stands at: the start of the day after desk's last ticket, the same
 * day as inventory's. Every event happens on an earlier day, so whatever is scheduled from today
 * on (renewals, trial ends, due dates) has not happened yet.
 */
export const TODAY = day(302);
export const TODAY_DATE = calendarDate(TODAY);
/** The last day anything happened on. */
export const YESTERDAY = addDays(TODAY_DATE, -1);
/** Billing's history reaches back about eighteen months. */
export const HISTORY_STARTS_ON = '2025-05-01';

export function startOf(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** A random day in [from, to]; `to` before `from` yields `from`. */
export function dayBetween(random: Random, from: string, to: string): string {
  return addDays(from, random.int(0, Math.max(0, daysBetween(from, to))));
}

/**
 * An instant on `date`, to the second, after `previous` when that is on the same day: the events
 * of one subscription or payment follow each other. Days start at 00:00 UTC; nothing happens in
 * their last hours, so a few events in a row never spill into the next day.
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

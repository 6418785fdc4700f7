import { DAY_HOURS, instantBetween } from '../../../shared/seed/clock';
import type { Random } from '../../../shared/seed/random';

const DAY_MS = DAY_HOURS * 3_600_000;

export function daysBefore(date: Date, days: number): Date {
  return new Date(date.getTime() - days * DAY_MS);
}

export function daysAfter(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** `count` random instants in [from, to], oldest first: the steps of something that took a while. */
export function instantsBetween(random: Random, from: Date, to: Date, count: number): Date[] {
  return Array.from({ length: count }, () => instantBetween(random, from, to)).sort(
    (a, b) => a.getTime() - b.getTime(),
  );
}

/*
 * Calendar dates in the `YYYY-MM-DD` form (UTC) that `date` columns and the Date scalar use. Such
 * strings compare in date order, so callers compare them directly.
 */

const DAY_MS = 86_400_000;
const DATE_FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of a `YYYY-MM-DD` date; anything else, or a day the month lacks, is refused. */
export function parseCalendarDate(date: string): Date {
  const [, year, month, day] = DATE_FORMAT.exec(date)?.map(Number) ?? [];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  if (
    year === undefined ||
    parsed.getUTCFullYear() !== year ||
    parsed.getUTCMonth() !== month - 1 ||
    parsed.getUTCDate() !== day
  ) {
    throw new RangeError(`not a calendar date: "${date}"`);
  }
  return parsed;
}

/**
 * The `YYYY-MM-DD` date (UTC) of an instant. Built by hand: toISOString is measurably slower over
 * the seeds' many thousands of date steps.
 */
export function formatCalendarDate(date: Date): string {
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${date.getUTCFullYear()}-${month}-${day}`;
}

/** `days` later (earlier when negative). */
export function addDays(date: string, days: number): string {
  return formatCalendarDate(new Date(parseCalendarDate(date).getTime() + days * DAY_MS));
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseCalendarDate(to).getTime() - parseCalendarDate(from).getTime()) / DAY_MS);
}

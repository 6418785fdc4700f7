import { addDays } from '../../../shared/dates';
import { TODAY_DATE } from '../../../shared/seed/clock';

/** Books' demo documents reach back about a year; the organization and its contacts are older. */
export const HISTORY_STARTS_ON = '2025-11-01';

export function daysAgo(days: number): string {
  return addDays(TODAY_DATE, -days);
}

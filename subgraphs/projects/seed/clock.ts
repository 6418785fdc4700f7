import { day, hoursAfter, TODAY } from '../../../shared/seed/clock';

/**
 * The demo's PRJ-1 import of desk's agents and contacts: after desk's last demo agent (day 60)
 * and contact (day 90) exist. Clients are set up just before it; projects start after it, so the
 * demo's projects span the seven months up to TODAY (and run on into 2027).
 */
export const CLIENTS_FROM = day(91);
export const IMPORTED_AT = day(95);
export const PROJECTS_FROM_DAY = 96;
export const PROJECTS_TO_DAY = 285;
/** Nothing the projects seed makes itself happens on or after TODAY. */
export const LAST_INSTANT = hoursAfter(TODAY, -1);

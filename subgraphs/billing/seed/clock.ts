/** Billing's history reaches back about eighteen months. */
export const HISTORY_STARTS_ON = '2025-05-01';

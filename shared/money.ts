/*
 * What a currency is paid in and how people read its amounts, for billing and books alike.
 * Amount columns are numeric(…,2): they hold cents, whatever the currency.
 */

/** Formatting rules per currency; building one is slow, so each is built once. */
const formats = new Map<string, Intl.NumberFormat>();

function currencyFormat(currency: string): Intl.NumberFormat {
  let format = formats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    formats.set(currency, format);
  }
  return format;
}

/**
 * Digits after the decimal point the currency is paid in: 0 for yen, 2 for dollars. The columns
 * hold cents, so the three-digit currencies (dinars) are kept to the cent as well.
 */
export function minorDigits(currency: string): number {
  return Math.min(2, currencyFormat(currency).resolvedOptions().maximumFractionDigits ?? 2);
}

/** "¥48,000" or "$1,234.50", for summaries, e-mails and PDFs people read. */
export function formatMoney(amount: number, currency: string): string {
  return currencyFormat(currency).format(amount);
}

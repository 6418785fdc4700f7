/** The currencies of the demo organizations. */
export type Currency = 'JPY' | 'USD';

const SYMBOLS: Record<Currency, string> = { JPY: '¥', USD: '$' };

/**
 * Amounts are added up in cents so totals never pick up floating-point error; `numeric(14,2)`
 * then stores exactly what the sum of the line amounts is.
 */
export function toCents(amount: number): number {
  return Math.round(amount * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
}

export function lineAmount(quantity: number, rate: number): number {
  return fromCents(quantity * toCents(rate));
}

export function sumAmounts(amounts: readonly number[]): number {
  return fromCents(amounts.reduce((sum, amount) => sum + toCents(amount), 0));
}

/** "¥48,000" or "$1,234.50", for activity summaries; yen have no minor unit. */
export function formatMoney(amount: number, currency: Currency): string {
  const fixed = currency === 'JPY' ? String(Math.round(amount)) : amount.toFixed(2);
  const [whole, fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${SYMBOLS[currency]}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

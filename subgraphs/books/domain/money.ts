/*
 * The amounts of estimates, invoices and sales orders. A line's amount is its quantity times its
 * rate and its tax that amount times the tax rate, each rounded to what the currency is paid in
 * (whole yen, cents of a dollar); a document's sub-total, tax and total add its lines up. The
 * arithmetic is done in integers (BigInt), so a total is exactly the sum of what its lines show,
 * as the numeric columns store it, and no product of two decimals picks up floating-point error.
 */

import { minorDigits } from '../../../shared/money';

/** Decimal places each input may have: the scales of the line columns. */
export const QUANTITY_DECIMALS = 3;
export const RATE_DECIMALS = 2;
export const TAX_RATE_DECIMALS = 3;

export const MAX_QUANTITY = 1_000_000;
/** Rates are numeric(12,2) columns: below 10^10. */
export const MAX_RATE = 9_999_999_999.99;
/** Amounts and totals are numeric(14,2) columns: below 10^12. */
export const MAX_AMOUNT = 999_999_999_999.99;

/** `value` × 10^decimals as an integer; the caller has checked it has no more decimals. */
function scaled(value: number, decimals: number): bigint {
  return BigInt(Math.round(value * 10 ** decimals));
}

/** Whether `value` has at most `decimals` decimal places (up to floating-point noise). */
function hasAtMostDecimals(value: number, decimals: number): boolean {
  const shifted = value * 10 ** decimals;
  return Math.abs(shifted - Math.round(shifted)) < 1e-6;
}

/**
 * Whether `amount` is something the currency can be paid in: no finer than its minor unit (whole
 * yen, cents of a dollar).
 */
export function fitsCurrency(amount: number, currency: string): boolean {
  return hasAtMostDecimals(amount, minorDigits(currency));
}

/**
 * An integer amount in units of 10^-`decimals` rounded, half away from zero as PostgreSQL's
 * round() does, to the currency's minor unit, and returned as a number of whole units.
 */
function roundScaled(value: bigint, decimals: number, currency: string): number {
  const digits = minorDigits(currency);
  const unit = 10n ** BigInt(decimals - digits);
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const units = (magnitude + unit / 2n) / unit;
  return Number(negative ? -units : units) / 10 ** digits;
}

/**
 * An amount such as a share of a total rounded to what the currency is paid in, half away from
 * zero. For amounts that are already cents or coarser this is exact; finer inputs come from
 * multiplying by a fraction, where a tenth of a cent either way does not matter.
 */
export function roundMoney(amount: number, currency: string): number {
  const factor = 10 ** minorDigits(currency);
  return (Math.sign(amount) * Math.round(Math.abs(amount) * factor)) / factor;
}

/** quantity × rate, rounded to the currency. */
export function lineAmount(quantity: number, rate: number, currency: string): number {
  return roundScaled(
    scaled(quantity, QUANTITY_DECIMALS) * scaled(rate, RATE_DECIMALS),
    QUANTITY_DECIMALS + RATE_DECIMALS,
    currency,
  );
}

/** amount × taxRate / 100, rounded to the currency. */
export function lineTax(amount: number, taxRate: number, currency: string): number {
  // Cents times the rate's thousandths, divided by 100 for the percent: 10^-7 units.
  return roundScaled(scaled(amount, 2) * scaled(taxRate, TAX_RATE_DECIMALS), 2 + 3 + 2, currency);
}

/** Adds amounts up exactly, in cents. */
export function sumMoney(amounts: readonly number[]): number {
  return Number(amounts.reduce((sum, amount) => sum + scaled(amount, 2), 0n)) / 100;
}

export function subtractMoney(from: number, amount: number): number {
  return Number(scaled(from, 2) - scaled(amount, 2)) / 100;
}

export interface LineInput {
  quantity: number;
  rate: number;
  /** Percent, e.g. 10. */
  taxRate: number;
}

export interface LineFigures {
  amount: number;
  tax: number;
}

export interface DocumentTotals {
  /** Per line, in the order given. */
  lines: LineFigures[];
  subTotal: number;
  tax: number;
  total: number;
}

/**
 * Each line's amount and tax, and the document's sums: the tax is rounded per line, so the
 * document's tax is what its lines show added up.
 */
export function documentTotals(lines: readonly LineInput[], currency: string): DocumentTotals {
  const figures = lines.map((line): LineFigures => {
    const amount = lineAmount(line.quantity, line.rate, currency);
    return { amount, tax: lineTax(amount, line.taxRate, currency) };
  });
  const subTotal = sumMoney(figures.map((line) => line.amount));
  const tax = sumMoney(figures.map((line) => line.tax));
  return { lines: figures, subTotal, tax, total: sumMoney([subTotal, tax]) };
}

export interface MoneyProblem {
  /** The input's name, e.g. quantity, rate, taxRate, lineItems. */
  field: string;
  message: string;
}

/** What is wrong with a line's inputs for the columns that store it; empty when nothing is. */
export function lineProblems(line: LineInput): MoneyProblem[] {
  const problems: MoneyProblem[] = [];
  const { quantity, rate, taxRate } = line;
  if (
    !Number.isFinite(quantity) ||
    quantity <= 0 ||
    quantity > MAX_QUANTITY ||
    !hasAtMostDecimals(quantity, QUANTITY_DECIMALS)
  ) {
    problems.push({
      field: 'quantity',
      message: `quantity must be more than 0 and at most ${MAX_QUANTITY}, with at most ${QUANTITY_DECIMALS} decimals, got ${quantity}`,
    });
  }
  if (
    !Number.isFinite(rate) ||
    rate < 0 ||
    rate > MAX_RATE ||
    !hasAtMostDecimals(rate, RATE_DECIMALS)
  ) {
    problems.push({
      field: 'rate',
      message: `rate must be from 0 to ${MAX_RATE} with at most ${RATE_DECIMALS} decimals, got ${rate}`,
    });
  }
  if (
    !Number.isFinite(taxRate) ||
    taxRate < 0 ||
    taxRate > 100 ||
    !hasAtMostDecimals(taxRate, TAX_RATE_DECIMALS)
  ) {
    problems.push({
      field: 'taxRate',
      message: `taxRate must be a percent from 0 to 100 with at most ${TAX_RATE_DECIMALS} decimals, got ${taxRate}`,
    });
  }
  return problems;
}

/** Whether the totals fit the numeric(14,2) columns; valid lines can still add up to too much. */
export function totalsFit(totals: DocumentTotals): boolean {
  return (
    totals.total <= MAX_AMOUNT && totals.lines.every((line) => line.amount + line.tax <= MAX_AMOUNT)
  );
}

/*
 * What billing derives from its documents instead of storing: what an invoice has been paid and
 * still asks for, what a credit note and a payment still hold, and a customer's credits and
 * outstanding amount. Stored amounts would drift from the applications they sum; these functions
 * are the definition the seed is checked against and the GraphQL side computes the same in SQL.
 */

import { minorDigits } from '../../../shared/money';

export const INVOICE_STATUSES = [
  'DRAFT',
  'SENT',
  'PAID',
  'PARTIALLY_PAID',
  'OVERDUE',
  'VOID',
  'WRITTEN_OFF',
] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** Invoices whose balance the customer is asked for: sent, and neither settled nor cancelled. */
export const OUTSTANDING_INVOICE_STATUSES: readonly InvoiceStatus[] = [
  'SENT',
  'PARTIALLY_PAID',
  'OVERDUE',
];

/** Invoices that may still be paid; the others are settled or no longer asked for. */
export const OPEN_INVOICE_STATUSES: readonly InvoiceStatus[] = [
  'DRAFT',
  ...OUTSTANDING_INVOICE_STATUSES,
];

export const CREDIT_NOTE_STATUSES = ['OPEN', 'CLOSED', 'VOID'] as const;
export type CreditNoteStatus = (typeof CREDIT_NOTE_STATUSES)[number];

/**
 * Sums are taken in minor units (cents), so totals never pick up floating-point error and
 * `numeric(14,2)` stores exactly the sum of what it adds up.
 */
export function toCents(amount: number): number {
  return Math.round(amount * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
}

export function sumMoney(amounts: readonly number[]): number {
  return fromCents(amounts.reduce((sum, amount) => sum + toCents(amount), 0));
}

export function subtractMoney(from: number, amount: number): number {
  return fromCents(toCents(from) - toCents(amount));
}

/** quantity × rate, exact to the cent as the invoice_line CHECK requires. */
export function multiplyMoney(rate: number, quantity: number): number {
  return fromCents(toCents(rate) * quantity);
}

/**
 * `amount × numerator / denominator` rounded to what the currency can be paid in; for prorating
 * a term's amount by the days used or left.
 */
export function prorate(
  amount: number,
  numerator: number,
  denominator: number,
  currency: string,
): number {
  const unit = 10 ** (2 - minorDigits(currency));
  return fromCents(Math.round((toCents(amount) * numerator) / denominator / unit) * unit);
}

/** Paid so far: every payment and every credit applied to the invoice. */
export function invoiceAmountPaid(
  paymentApplications: readonly number[],
  creditApplications: readonly number[],
): number {
  return sumMoney([...paymentApplications, ...creditApplications]);
}

/** What the invoice still asks for: nothing once it is paid, voided or written off. */
export function invoiceBalanceDue(
  status: InvoiceStatus,
  total: number,
  amountPaid: number,
): number {
  return OPEN_INVOICE_STATUSES.includes(status) ? subtractMoney(total, amountPaid) : 0;
}

/** What a credit note still holds: its total less what was applied and refunded; 0 when void. */
export function creditNoteBalance(
  status: CreditNoteStatus,
  total: number,
  applications: readonly number[],
  refunds: readonly number[],
): number {
  if (status === 'VOID') return 0;
  return subtractMoney(total, sumMoney([...applications, ...refunds]));
}

/** A credit note that is not void is open while it holds anything and closed once it does not. */
export function creditNoteStatusOf(balance: number): Exclude<CreditNoteStatus, 'VOID'> {
  return toCents(balance) > 0 ? 'OPEN' : 'CLOSED';
}

/** What a payment holds beyond the invoices it was applied to. */
export function paymentUnusedAmount(amount: number, applications: readonly number[]): number {
  return subtractMoney(amount, sumMoney(applications));
}

/** The rows the derived amounts are computed from; entity rows fit these shapes. */
export interface Ledger {
  invoices: readonly { id: string; status: InvoiceStatus; total: number }[];
  payments: readonly { id: string; amount: number }[];
  paymentApplications: readonly { paymentId: string; invoiceId: string; amount: number }[];
  creditNotes: readonly { id: string; status: CreditNoteStatus; total: number }[];
  creditApplications: readonly { creditNoteId: string; invoiceId: string; amount: number }[];
  refunds: readonly { creditNoteId: string; amount: number }[];
}

export interface LedgerFigures {
  invoices: Map<string, { amountPaid: number; balanceDue: number }>;
  /** Each credit note's balance. */
  creditNotes: Map<string, number>;
  /** Each payment's unused amount. */
  payments: Map<string, number>;
  /** What open credit notes still hold. */
  unusedCredits: number;
  /** Unused credits plus what payments hold beyond their applications. */
  creditBalance: number;
  /** What sent, partially paid and overdue invoices still ask for. */
  outstanding: number;
}

/** The derived amounts of every document of a ledger and its totals (one customer's, or more). */
export function ledgerFigures(ledger: Ledger): LedgerFigures {
  const amountsBy = <T>(
    rows: readonly T[],
    key: (row: T) => string,
    amount: (row: T) => number,
  ) => {
    const grouped = new Map<string, number[]>();
    for (const row of rows) {
      const amounts = grouped.get(key(row)) ?? [];
      amounts.push(amount(row));
      grouped.set(key(row), amounts);
    }
    return (id: string): number[] => grouped.get(id) ?? [];
  };
  const paidByPayments = amountsBy(
    ledger.paymentApplications,
    (a) => a.invoiceId,
    (a) => a.amount,
  );
  const paidByCredits = amountsBy(
    ledger.creditApplications,
    (a) => a.invoiceId,
    (a) => a.amount,
  );
  const appliedOfPayment = amountsBy(
    ledger.paymentApplications,
    (a) => a.paymentId,
    (a) => a.amount,
  );
  const appliedOfCredit = amountsBy(
    ledger.creditApplications,
    (a) => a.creditNoteId,
    (a) => a.amount,
  );
  const refundedOfCredit = amountsBy(
    ledger.refunds,
    (r) => r.creditNoteId,
    (r) => r.amount,
  );

  const invoices = new Map(
    ledger.invoices.map((invoice) => {
      const amountPaid = invoiceAmountPaid(paidByPayments(invoice.id), paidByCredits(invoice.id));
      const balanceDue = invoiceBalanceDue(invoice.status, invoice.total, amountPaid);
      return [invoice.id, { amountPaid, balanceDue }];
    }),
  );
  const creditNotes = new Map(
    ledger.creditNotes.map((note) => [
      note.id,
      creditNoteBalance(
        note.status,
        note.total,
        appliedOfCredit(note.id),
        refundedOfCredit(note.id),
      ),
    ]),
  );
  const payments = new Map(
    ledger.payments.map((payment) => [
      payment.id,
      paymentUnusedAmount(payment.amount, appliedOfPayment(payment.id)),
    ]),
  );
  const unusedCredits = sumMoney(
    ledger.creditNotes
      .filter((note) => note.status === 'OPEN')
      .map((note) => creditNotes.get(note.id) ?? 0),
  );
  const outstanding = sumMoney(
    ledger.invoices
      .filter((invoice) => OUTSTANDING_INVOICE_STATUSES.includes(invoice.status))
      .map((invoice) => invoices.get(invoice.id)?.balanceDue ?? 0),
  );
  return {
    invoices,
    creditNotes,
    payments,
    unusedCredits,
    creditBalance: sumMoney([unusedCredits, ...payments.values()]),
    outstanding,
  };
}

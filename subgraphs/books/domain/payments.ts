import { formatMoney, minorDigits } from '../../../shared/money';
import { fitsCurrency, subtractMoney } from './money';
import { type InvoiceState, type InvoiceStatus, invoiceStatusOn } from './status';

/*
 * BKS-7 receivables create & edit: a payment recorded against an invoice. A payment settles part or
 * all of what an issued invoice still asks for, in the invoice's currency, on a day between the
 * invoice's date and today. The payment table's CHECK constraints repeat what one row can show
 * (an amount above zero, a known mode); the rest needs the invoice and today, and is checked here.
 */

export const PAYMENT_MODES = ['CASH', 'BANK_TRANSFER', 'CHECK', 'CARD'] as const;
export type PaymentMode = (typeof PAYMENT_MODES)[number];

/**
 * Why an invoice of each status takes no payment, to follow its number in a message; null where it
 * takes one, which is exactly where the contact is asked for its balance
 * (OUTSTANDING_INVOICE_STATUSES; the unit test holds the two together).
 */
const PAYMENT_REFUSALS: Readonly<Record<InvoiceStatus, string | null>> = {
  DRAFT: 'is a draft: it must be issued before a payment can be recorded against it',
  SENT: null,
  VIEWED: null,
  OVERDUE: null,
  PAID: 'is paid in full: nothing is left to pay',
  PARTIALLY_PAID: null,
  UNPAID: null,
  VOID: 'is void: nothing is owed on it',
};

export function paymentRefusal(status: InvoiceStatus): string | null {
  return PAYMENT_REFUSALS[status];
}

export interface PaymentInput {
  amount: number;
  /** YYYY-MM-DD. */
  date: string;
}

/** What a payment is checked against: the invoice as its locked row has it. */
export interface PayableInvoice {
  date: string;
  balanceDue: number;
  currency: string;
}

export interface PaymentProblem {
  field: 'amount' | 'date';
  message: string;
}

/** What is wrong with a payment against `invoice` on `today`; empty when nothing is. */
export function paymentProblems(
  payment: PaymentInput,
  invoice: PayableInvoice,
  today: string,
): PaymentProblem[] {
  const problems: PaymentProblem[] = [];
  const { amount, date } = payment;
  const { currency } = invoice;
  const money = (value: number) => formatMoney(value, currency);
  if (!Number.isFinite(amount) || amount <= 0) {
    problems.push({ field: 'amount', message: `amount must be more than 0, got ${amount}` });
  } else if (!fitsCurrency(amount, currency)) {
    const digits = minorDigits(currency);
    problems.push({
      field: 'amount',
      message:
        digits === 0
          ? `${currency} is paid in whole units, got ${amount}`
          : `${currency} amounts have at most ${digits} decimals, got ${amount}`,
    });
  } else if (amount > invoice.balanceDue) {
    problems.push({
      field: 'amount',
      message: `amount ${money(amount)} is more than the balance due of ${money(invoice.balanceDue)}`,
    });
  }
  if (date < invoice.date) {
    problems.push({
      field: 'date',
      message: `date ${date} is before the invoice's date ${invoice.date}`,
    });
  }
  if (date > today) {
    problems.push({ field: 'date', message: `date ${date} is in the future (today is ${today})` });
  }
  return problems;
}

/**
 * The invoice's balance and status once `amount` is paid on `today`: by invoiceStatusOn, so it is
 * PAID when nothing is left, PARTIALLY_PAID while part is, and still OVERDUE while part is left
 * after its due date.
 */
export function afterPayment(
  invoice: InvoiceState,
  amount: number,
  today: string,
): { balanceDue: number; status: InvoiceStatus } {
  const balanceDue = subtractMoney(invoice.balanceDue, amount);
  return { balanceDue, status: invoiceStatusOn({ ...invoice, balanceDue }, today) };
}

import { addDays } from '../../../shared/dates';
import { minorDigits } from '../../../shared/money';
import {
  calendarDate,
  dayBetween,
  earlier,
  instantBetween,
  instantOn,
  YESTERDAY,
} from '../../../shared/seed/clock';
import type { Random } from '../../../shared/seed/random';
import { roundMoney, subtractMoney } from '../domain/money';
import type { PaymentMode } from '../domain/payments';
import type { Invoice } from '../entities/Invoice';
import type { Payment } from '../entities/Payment';
import { PAYMENT_MODE_WEIGHTS } from './vocabulary';

/** Share of invoices whose paid part came in two payments rather than one. */
const TWO_PAYMENTS_SHARE = 0.25;

/** What the bank statement, the check or the card slip says; cash has no reference. */
function referenceOf(random: Random, mode: PaymentMode): string | null {
  switch (mode) {
    case 'BANK_TRANSFER':
      return `TRF-${random.int(100_000, 999_999)}`;
    case 'CHECK':
      return `CHQ ${random.int(100_000, 999_999)}`;
    case 'CARD':
      return `CARD **** ${random.int(1000, 9999)}`;
    case 'CASH':
      return null;
  }
}

/**
 * The payments behind the invoices' balances: every invoice that is not void has payments adding
 * up to its total less its balance due (void ones were voided with nothing paid, see domain/status
 * isVoidable). The last payment is what the invoice's status records: a PAID or PARTIALLY_PAID
 * invoice last changed with it; an OVERDUE one was paid in part before its due date, and last
 * changed with that payment (the returned invoices carry it as their updatedAt). A quarter were
 * paid in two instalments, the first at any time after the invoice was issued.
 */
export function generatePayments(
  random: Random,
  invoices: readonly Invoice[],
): { invoices: Invoice[]; payments: Payment[] } {
  const payments: Payment[] = [];
  const updated = invoices.map((invoice): Invoice => {
    const paid = subtractMoney(invoice.total, invoice.balanceDue);
    if (invoice.status === 'VOID' || paid <= 0) return invoice;
    const payment = (amount: number, createdAt: Date): Payment => {
      const mode = random.weighted(PAYMENT_MODE_WEIGHTS);
      return {
        id: random.uuid(),
        invoiceId: invoice.id,
        amount,
        date: calendarDate(createdAt),
        mode,
        reference: referenceOf(random, mode),
        createdBy: null,
        createdAt,
      };
    };
    const lastAt =
      invoice.status === 'OVERDUE'
        ? instantOn(
            random,
            dayBetween(random, invoice.date, earlier(addDays(invoice.dueOn, -1), YESTERDAY)),
            invoice.createdAt,
          )
        : invoice.updatedAt;
    const unit = 10 ** -minorDigits(invoice.currency);
    if (paid >= 2 * unit && random.chance(TWO_PAYMENTS_SHARE)) {
      const share = roundMoney(paid * (0.3 + 0.4 * random.next()), invoice.currency);
      const first = Math.min(Math.max(share, unit), subtractMoney(paid, unit));
      payments.push(payment(first, instantBetween(random, invoice.createdAt, lastAt)));
      payments.push(payment(subtractMoney(paid, first), lastAt));
    } else {
      payments.push(payment(paid, lastAt));
    }
    return lastAt > invoice.updatedAt ? { ...invoice, updatedAt: lastAt } : invoice;
  });
  return { invoices: updated, payments };
}

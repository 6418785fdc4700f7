import { addDays } from '../../../shared/dates';
import { minorDigits } from '../../../shared/money';
import { dayBetween, earlier, instantOn, latest, YESTERDAY } from '../../../shared/seed/clock';
import { coverEveryValue, type Random } from '../../../shared/seed/random';
import { digits, fill } from '../../../shared/seed/text';
import { numberByCreation } from '../../../shared/integration/numbering';
import {
  creditNoteStatusOf,
  fromCents,
  type InvoiceStatus,
  sumMoney,
  toCents,
} from '../domain/amounts';
import type { CreditApplication } from '../entities/CreditApplication';
import type { CreditNote } from '../entities/CreditNote';
import type { Invoice } from '../entities/Invoice';
import type { InvoiceLine } from '../entities/InvoiceLine';
import type { Payment, PaymentMode } from '../entities/Payment';
import type { PaymentApplication } from '../entities/PaymentApplication';
import type { Refund } from '../entities/Refund';
import type { CustomerRecord } from './customers';
import { BANKS, CARD_BRANDS, SERVICE_CREDIT_REASONS } from './vocabulary';

/**
 * What becomes of a credit note: applied to the customer's next invoices, refunded in full or in
 * part, kept as credit, or voided as issued in error.
 */
const DISPOSITIONS = ['apply', 'refund', 'partialRefund', 'keep', 'void'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
const DISPOSITION_WEIGHTS = [
  ['apply', 40],
  ['refund', 30],
  ['partialRefund', 8],
  ['keep', 17],
  ['void', 5],
] as const;

/** Paid customers now and then given credit on a paid invoice, per customer. */
const SERVICE_CREDIT_SHARE = 0.06;
/** At least this many, so that every disposition shows at the smallest scale. */
const MIN_SERVICE_CREDITS = DISPOSITIONS.length;
/** Share of payments by transfer, check or cash that pay more than was asked. */
const OVERPAYMENT_SHARE = 0.05;
/** Days after a credit note that its refund is paid, at most. */
const REFUND_DAYS = 7;

export interface LineDraft {
  description: string;
  quantity: number;
  rate: number;
  amount: number;
}

/** How an invoice was paid: in full (by credit first where allowed), or in part. */
export type Settlement =
  | {
      kind: 'PAID';
      on: string;
      at: Date;
      mode: PaymentMode;
      /** Whether the customer's open credit pays it before money does. */
      useCredits: boolean;
      /** Pays more than was asked, leaving an unused amount. */
      overpaid?: boolean;
    }
  | { kind: 'PART'; on: string; at: Date; mode: PaymentMode; amount: number };

/** An invoice before it is numbered, with how its story settled it. */
export interface Bill {
  id: string;
  record: CustomerRecord;
  subscriptionId: string | null;
  ticketId: string | null;
  createdBy: string | null;
  issuedOn: string;
  dueOn: string;
  createdAt: Date;
  lines: LineDraft[];
  status: InvoiceStatus;
  settlement: Settlement | null;
  /** When it was voided or written off. */
  closedAt: Date | null;
}

/** A credit note before it is numbered; its status follows from what becomes of it. */
export interface CreditDraft {
  id: string;
  record: CustomerRecord;
  /** The invoice it credits. */
  invoiceId: string | null;
  issuedOn: string;
  createdAt: Date;
  total: number;
  reason: string | null;
  /** Null until decided for all credit notes together. */
  disposition: Disposition | null;
  /** How a refund goes back: the way the credited invoice was paid. */
  refundMode: PaymentMode;
}

export interface LedgerRows {
  invoices: Invoice[];
  invoiceLines: InvoiceLine[];
  payments: Payment[];
  paymentApplications: PaymentApplication[];
  creditNotes: CreditNote[];
  creditApplications: CreditApplication[];
  refunds: Refund[];
}

/**
 * Credit on invoices that were paid: for an outage, an escalation, a double charge. Issued after
 * the payment, for part of the total.
 */
export function serviceCredits(
  random: Random,
  bills: readonly Bill[],
  customers: number,
): CreditDraft[] {
  const paid = bills.filter(
    (bill): bill is Bill & { settlement: { kind: 'PAID' } } =>
      bill.settlement?.kind === 'PAID' && bill.settlement.on < YESTERDAY,
  );
  const count = Math.max(MIN_SERVICE_CREDITS, Math.round(customers * SERVICE_CREDIT_SHARE));
  return random.sample(paid, count).map((bill): CreditDraft => {
    const { currency } = bill.record.organization;
    const issuedOn = dayBetween(random, addDays(bill.settlement.on, 1), YESTERDAY);
    const total = sumMoney(bill.lines.map((line) => line.amount));
    return {
      id: random.uuid(),
      record: bill.record,
      invoiceId: bill.id,
      issuedOn,
      createdAt: instantOn(random, issuedOn),
      total: partOf(random, total, currency, 0.1, 0.5),
      reason: fill(random.pick(SERVICE_CREDIT_REASONS), {
        date: dayBetween(random, bill.issuedOn, bill.settlement.on),
      }),
      disposition: null,
      refundMode: bill.settlement.mode,
    };
  });
}

/**
 * The ledger's rows: numbered invoices and credit notes, and the payments, applications and
 * refunds that settle them as their stories say. Each customer's documents are settled in time
 * order, so credit is applied only to invoices paid after it was issued.
 */
export function settle(
  random: Random,
  bills: readonly Bill[],
  credits: readonly CreditDraft[],
): LedgerRows {
  const dispositions = credits.map(
    (credit) => credit.disposition ?? random.weighted(DISPOSITION_WEIGHTS),
  );
  const undecided = credits.flatMap((credit, index) => (credit.disposition ? [] : [index]));
  const picks = undecided.map((index) => dispositions[index]);
  coverEveryValue(random, picks, DISPOSITIONS);
  undecided.forEach((index, pick) => (dispositions[index] = picks[pick]));

  const rows: LedgerRows = {
    invoices: [],
    invoiceLines: [],
    payments: [],
    paymentApplications: [],
    creditNotes: [],
    creditApplications: [],
    refunds: [],
  };
  const references = new References(random);
  const unnumberedPayments: Omit<Payment, 'number'>[] = [];
  const creditOf = new Map(credits.map((credit, index) => [credit, dispositions[index]]));

  // Time order per customer: credit notes as they are issued, invoices as they are paid.
  const byCustomer = new Map<string, { at: Date; credit?: CreditDraft; bill?: Bill }[]>();
  const add = (customerId: string, entry: { at: Date; credit?: CreditDraft; bill?: Bill }) => {
    const entries = byCustomer.get(customerId) ?? [];
    entries.push(entry);
    byCustomer.set(customerId, entries);
  };
  for (const credit of credits) add(credit.record.customer.id, { at: credit.createdAt, credit });
  for (const bill of bills) {
    if (bill.settlement) add(bill.record.customer.id, { at: bill.settlement.at, bill });
  }
  const applied = new Map<CreditDraft, number>();
  for (const entries of byCustomer.values()) {
    entries.sort((a, b) => a.at.getTime() - b.at.getTime());
    const available: CreditDraft[] = [];
    for (const { credit, bill } of entries) {
      if (credit) {
        if (creditOf.get(credit) === 'apply') available.push(credit);
        continue;
      }
      if (!bill?.settlement) continue;
      const { settlement } = bill;
      let due = toCents(
        settlement.kind === 'PART'
          ? settlement.amount
          : sumMoney(bill.lines.map((line) => line.amount)),
      );
      if (settlement.kind === 'PAID' && settlement.useCredits) {
        for (const credit of available) {
          const left = toCents(credit.total) - (applied.get(credit) ?? 0);
          const take = Math.min(left, due);
          if (take <= 0 || credit.issuedOn > settlement.on) continue;
          applied.set(credit, (applied.get(credit) ?? 0) + take);
          rows.creditApplications.push({
            creditNoteId: credit.id,
            invoiceId: bill.id,
            amount: fromCents(take),
            appliedOn: settlement.on,
          });
          due -= take;
        }
      }
      if (due <= 0) continue;
      const { currency } = bill.record.organization;
      const overpaid =
        settlement.kind === 'PAID' &&
        (settlement.overpaid ?? (settlement.mode !== 'CARD' && random.chance(OVERPAYMENT_SHARE)));
      const payment: Omit<Payment, 'number'> = {
        id: random.uuid(),
        organizationId: bill.record.organization.id,
        customerId: bill.record.customer.id,
        paidOn: settlement.on,
        amount: fromCents(overpaid ? roundedUp(due, currency) : due),
        mode: settlement.mode,
        reference: references.of(bill.record, settlement.mode),
        createdAt: settlement.at,
      };
      unnumberedPayments.push(payment);
      rows.paymentApplications.push({
        paymentId: payment.id,
        invoiceId: bill.id,
        amount: fromCents(due),
        appliedOn: settlement.on,
      });
    }
  }

  // Refunds are paid within a week of the credit note, back the way the invoice was paid.
  for (const credit of credits) {
    const disposition = creditOf.get(credit);
    if (disposition !== 'refund' && disposition !== 'partialRefund') continue;
    const { currency } = credit.record.organization;
    const refundedOn = dayBetween(
      random,
      credit.issuedOn,
      earlier(addDays(credit.issuedOn, REFUND_DAYS), YESTERDAY),
    );
    // A credit of the smallest unit cannot be split; it is refunded whole.
    const whole = disposition === 'refund' || toCents(credit.total) < 2 * unitCents(currency);
    rows.refunds.push({
      id: random.uuid(),
      creditNoteId: credit.id,
      customerId: credit.record.customer.id,
      amount: whole ? credit.total : partOf(random, credit.total, currency, 0.3, 0.7),
      refundedOn,
      mode: credit.refundMode,
      createdAt: instantOn(random, refundedOn, credit.createdAt),
    });
  }

  const refunded = new Map<string, number>();
  for (const refund of rows.refunds) {
    refunded.set(
      refund.creditNoteId,
      (refunded.get(refund.creditNoteId) ?? 0) + toCents(refund.amount),
    );
  }
  rows.creditNotes = numberByCreation(
    credits,
    'CN',
    (credit) => credit.record.organization.id,
    (credit) => credit.createdAt,
  ).map(({ document: credit, number }): CreditNote => {
    const balance =
      toCents(credit.total) - (applied.get(credit) ?? 0) - (refunded.get(credit.id) ?? 0);
    return {
      id: credit.id,
      organizationId: credit.record.organization.id,
      customerId: credit.record.customer.id,
      invoiceId: credit.invoiceId,
      number,
      issuedOn: credit.issuedOn,
      status: creditOf.get(credit) === 'void' ? 'VOID' : creditNoteStatusOf(fromCents(balance)),
      reason: credit.reason,
      total: credit.total,
      currency: credit.record.organization.currency,
      createdAt: credit.createdAt,
    };
  });

  rows.payments = numberByCreation(
    unnumberedPayments,
    'PAY',
    (payment) => payment.organizationId,
    (payment) => payment.createdAt,
  ).map(({ document, number }) => ({ ...document, number }));

  for (const { document: bill, number } of numberByCreation(
    bills,
    'INV',
    (bill) => bill.record.organization.id,
    (bill) => bill.createdAt,
  )) {
    rows.invoices.push({
      id: bill.id,
      organizationId: bill.record.organization.id,
      customerId: bill.record.customer.id,
      subscriptionId: bill.subscriptionId,
      ticketId: bill.ticketId,
      number,
      issuedOn: bill.issuedOn,
      dueOn: bill.dueOn,
      status: bill.status,
      total: sumMoney(bill.lines.map((line) => line.amount)),
      currency: bill.record.organization.currency,
      createdBy: bill.createdBy,
      createdAt: bill.createdAt,
      updatedAt: latest(
        ...[bill.createdAt, bill.settlement?.at, bill.closedAt].filter(
          (date): date is Date => date instanceof Date,
        ),
      ),
    });
    bill.lines.forEach((line, index) =>
      rows.invoiceLines.push({
        id: random.uuid(),
        invoiceId: bill.id,
        position: index + 1,
        ...line,
      }),
    );
  }
  return rows;
}

/**
 * `low` to `high` of an amount, strictly between nothing and all of it, in what the currency is
 * paid in (whole yen).
 */
export function partOf(
  random: Random,
  amount: number,
  currency: string,
  low: number,
  high: number,
): number {
  const unit = unitCents(currency);
  const units = Math.round(toCents(amount) / unit);
  if (units < 2) throw new RangeError(`${amount} ${currency} cannot be split`);
  const part = Math.min(
    units - 1,
    Math.max(1, Math.round(units * (low + (high - low) * random.next()))),
  );
  return fromCents(part * unit);
}

/** Cents in the smallest amount the currency is paid in: 100 for yen, 1 for dollars. */
function unitCents(currency: string): number {
  return 10 ** (2 - minorDigits(currency));
}

/** A round sum above `cents`: what someone transferring "about that much" sends. */
function roundedUp(cents: number, currency: string): number {
  const step = minorDigits(currency) === 0 ? 1_000_000 : 10_000;
  return (Math.floor(cents / step) + 1) * step;
}

/** Payment references, with each customer paying by the same card every time. */
class References {
  private readonly cards = new Map<string, string>();

  constructor(private readonly random: Random) {}

  of(record: CustomerRecord, mode: PaymentMode): string | null {
    const { random } = this;
    switch (mode) {
      case 'CARD': {
        const known = this.cards.get(record.customer.id);
        if (known) return known;
        const card = `${random.pick(CARD_BRANDS)} ending ${digits(random, '####')}`;
        this.cards.set(record.customer.id, card);
        return card;
      }
      case 'BANK_TRANSFER':
        return `${random.pick(BANKS)} transfer ${digits(random, '########')}`;
      case 'CHECK':
        return `Check no. ${digits(random, '######')}`;
      case 'CASH':
        return null;
    }
  }
}

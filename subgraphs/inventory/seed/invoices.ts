import { addDays } from '../../../shared/dates';
import type { Ticket } from '../../desk/entities/Ticket';
import {
  calendarDate,
  earliest,
  instantBetween,
  latest,
  startOf,
  TODAY,
  TODAY_DATE,
} from '../../../shared/seed/clock';
import { coverEveryValue, type Random } from '../../../shared/seed/random';
import type { Invoice, InvoiceStatus } from '../entities/Invoice';
import type { InvoiceLine } from '../entities/InvoiceLine';
import { daysAfter, daysBefore } from './clock';
import type { CustomerRecord } from './customers';
import { draftLine, type LineDraft, pickLines, restOf, type Shelf, someOf } from './lines';
import { type Currency, fromCents, sumAmounts, toCents } from './money';
import { numberByCreation } from '../../../shared/integration/numbering';
import type { OrderPlan } from './orders';
import { creatorOf, type Creators } from '../../../shared/seed/profileLevels';
import { createdWithin, linkTickets, type Window } from './tickets';
import { INVOICE_NOTES } from './vocabulary';

const INVOICE_STATUSES: readonly InvoiceStatus[] = [
  'DRAFT',
  'SENT',
  'VIEWED',
  'OVERDUE',
  'PAID',
  'PARTIALLY_PAID',
  'UNPAID',
  'VOID',
];
/** Invoices of sales orders are never drafts or void: those would leave the order uninvoiced. */
const NOT_YET_DUE_WEIGHTS = [
  ['PAID', 30],
  ['PARTIALLY_PAID', 10],
  ['SENT', 25],
  ['VIEWED', 20],
  ['UNPAID', 15],
] as const;
const PAST_DUE_WEIGHTS = [
  ['PAID', 80],
  ['PARTIALLY_PAID', 8],
  ['OVERDUE', 12],
] as const;
const STANDALONE_WEIGHTS = [
  ['DRAFT', 10],
  ['SENT', 10],
  ['VIEWED', 10],
  ['OVERDUE', 10],
  ['PAID', 40],
  ['PARTIALLY_PAID', 8],
  ['UNPAID', 7],
  ['VOID', 5],
] as const;
/** Payment terms in days; most customers pay within a month. */
const TERMS = [14, 30, 30, 30, 60] as const;
/** Invoices billed without a sales order, per customer. */
const STANDALONE_SHARE = 0.25;
/** Days after sending an order that it is invoiced, at most. */
const INVOICE_DAYS = 4;
/** Days after creating an invoice that it is e-mailed, at most. */
const SEND_DAYS = 1;
/** Days past the due date that a late payer pays, at most. */
const LATE_PAYMENT_DAYS = 10;
const NOTES_SHARE = 0.3;

/** An invoice with its lines and the moments its activity is made of. */
export interface Billing {
  invoice: Invoice;
  record: CustomerRecord;
  /** The sales order it bills, if any. */
  order: OrderPlan | null;
  lines: InvoiceLine[];
  /** When it was e-mailed to the customer; null for drafts and some void ones. */
  sentAt: Date | null;
  /** The one payment received, for paid and partially paid invoices. */
  payment: { at: Date; amount: number } | null;
}

interface InvoiceDraft {
  id: string;
  record: CustomerRecord;
  order: OrderPlan | null;
  ticket: Ticket | null;
  createdBy: string;
  status: InvoiceStatus;
  createdAt: Date;
  terms: number;
  lines: LineDraft[];
}

/**
 * An invoice of every order its story calls invoiced, for all of the order or part of it, plus
 * invoices billed without an order, which show every status.
 */
export function generateInvoices(
  random: Random,
  orders: readonly OrderPlan[],
  records: readonly CustomerRecord[],
  shelves: ReadonlyMap<string, Shelf>,
  creators: Creators,
): Billing[] {
  const drafts = [
    ...orders.flatMap((order) =>
      order.story.invoiced === 'NOT_INVOICED' ? [] : [invoiceOrder(random, order)],
    ),
    ...standaloneInvoices(random, records, shelves, creators),
  ];
  return numberByCreation(
    drafts,
    'INV',
    (draft) => draft.record.organization.id,
    (draft) => draft.createdAt,
  ).map(({ document, number }) => bill(random, document, number));
}

/** The invoice of an order: all of it, or some of its units when it is partially invoiced. */
function invoiceOrder(random: Random, order: OrderPlan): InvoiceDraft {
  if (!order.sentAt) throw new Error(`${order.number} is invoiced but was never sent`);
  const billed =
    order.story.invoiced === 'PARTIALLY_INVOICED'
      ? someOf(random, order.lines)
      : restOf(order.lines);
  const createdAt = instantBetween(
    random,
    order.sentAt,
    earliest(daysAfter(order.sentAt, INVOICE_DAYS), TODAY),
  );
  const terms = random.pick(TERMS);
  // An order's invoice is open or settled, whichever its due date allows by today.
  const pastDue = addDays(calendarDate(createdAt), terms) < TODAY_DATE;
  return {
    id: random.uuid(),
    record: order.record,
    order,
    ticket: order.ticket,
    createdBy: order.createdBy,
    status: random.weighted(pastDue ? PAST_DUE_WEIGHTS : NOT_YET_DUE_WEIGHTS),
    createdAt,
    terms,
    lines: [...billed].map(([line, quantity]) => draftLine(line, quantity, line.rate)),
  };
}

/** Invoices billed without a sales order; their statuses are picked first, dates to fit them. */
function standaloneInvoices(
  random: Random,
  records: readonly CustomerRecord[],
  shelves: ReadonlyMap<string, Shelf>,
  creators: Creators,
): InvoiceDraft[] {
  const count = Math.max(INVOICE_STATUSES.length, Math.round(records.length * STANDALONE_SHARE));
  const statuses = Array.from({ length: count }, () => random.weighted(STANDALONE_WEIGHTS));
  coverEveryValue(random, statuses, INVOICE_STATUSES);
  const customers = statuses.map(() => random.pick(records));
  const terms = statuses.map(() => random.pick(TERMS));
  const windows = statuses.map((status, index) => windowOf(status, terms[index], customers[index]));
  const tickets = linkTickets(
    random,
    customers.map((record, index) => ({ tickets: record.tickets, window: windows[index] })),
  );
  return statuses.map((status, index): InvoiceDraft => {
    const record = customers[index];
    const shelf = shelves.get(record.organization.id);
    if (!shelf) throw new Error(`no items for ${record.organization.name}`);
    return {
      id: random.uuid(),
      record,
      order: null,
      ticket: tickets[index],
      createdBy: creatorOf(random, creators, tickets[index]),
      status,
      createdAt: createdWithin(random, windows[index], tickets[index]),
      terms: terms[index],
      lines: pickLines(random, shelf),
    };
  });
}

/**
 * When an invoice of this status may have been issued: drafts are recent, open ones are not due
 * yet, overdue ones are, and paid and void ones may be of any age.
 */
function windowOf(status: InvoiceStatus, terms: number, record: CustomerRecord): Window {
  const [newest, oldest] =
    status === 'DRAFT'
      ? [0, 10]
      : status === 'SENT' || status === 'VIEWED' || status === 'UNPAID'
        ? [1 / 24, terms - 3]
        : status === 'OVERDUE'
          ? [terms + 3, terms + 90]
          : [2, 200];
  return {
    from: latest(daysBefore(TODAY, oldest), record.customer.createdAt),
    to: daysBefore(TODAY, newest),
  };
}

/** The invoice's rows, with when it was sent and paid as its status says. */
function bill(random: Random, draft: InvoiceDraft, number: string): Billing {
  const { record, status, createdAt } = draft;
  const { currency } = record.organization;
  const total = sumAmounts(draft.lines.map((line) => line.amount));
  const issuedOn = calendarDate(createdAt);
  const dueOn = addDays(issuedOn, draft.terms);
  // Some invoices were voided before anyone sent them.
  const sent = status !== 'DRAFT' && (status !== 'VOID' || random.chance(0.5));
  const sentAt = sent
    ? instantBetween(random, createdAt, earliest(daysAfter(createdAt, SEND_DAYS), TODAY))
    : null;
  const paid =
    status === 'PAID' ? total : status === 'PARTIALLY_PAID' ? partOf(random, total, currency) : 0;
  const payment =
    sentAt && paid > 0
      ? {
          at: instantBetween(
            random,
            sentAt,
            earliest(daysAfter(startOf(dueOn), LATE_PAYMENT_DAYS), TODAY),
          ),
          amount: paid,
        }
      : null;
  const voidedAt = status === 'VOID' ? instantBetween(random, sentAt ?? createdAt, TODAY) : null;
  const changes = [createdAt, sentAt, payment?.at, voidedAt].filter(
    (date): date is Date => date instanceof Date,
  );
  return {
    invoice: {
      id: draft.id,
      organizationId: record.organization.id,
      customerId: record.customer.id,
      salesOrderId: draft.order?.id ?? null,
      number,
      issuedOn,
      dueOn,
      status,
      total,
      balanceDue: status === 'VOID' ? 0 : fromCents(toCents(total) - toCents(paid)),
      currency,
      notes: random.chance(NOTES_SHARE) ? random.pick(INVOICE_NOTES) : null,
      ticketId: draft.ticket?.id ?? null,
      createdBy: draft.createdBy,
      createdAt,
      updatedAt: latest(...changes),
    },
    record,
    order: draft.order,
    lines: draft.lines.map((line, index) => ({
      id: random.uuid(),
      invoiceId: draft.id,
      position: index + 1,
      ...line,
    })),
    sentAt,
    payment,
  };
}

/**
 * A first payment of 20% to 80% of the total, strictly between nothing and all of it; whole yen,
 * since yen have no minor unit.
 */
function partOf(random: Random, total: number, currency: Currency): number {
  const minor = currency === 'JPY' ? 100 : 1;
  const units = Math.round(toCents(total) / minor);
  const paid = Math.min(units - 1, Math.max(1, Math.round(units * (0.2 + 0.6 * random.next()))));
  return fromCents(paid * minor);
}

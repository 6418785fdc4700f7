import { addDays } from '../../../shared/dates';
import {
  calendarDate,
  dayBetween,
  earlier,
  instantOn,
  later,
  startOf,
  TODAY,
  TODAY_DATE,
  YESTERDAY,
} from '../../../shared/seed/clock';
import { coverEveryValue, type Random } from '../../../shared/seed/random';
import type { Ticket } from '../../desk/entities/Ticket';
import { INVOICE_STATUSES, type InvoiceStatus, multiplyMoney, sumMoney } from '../domain/amounts';
import type { PaymentMode } from '../entities/Payment';
import { HISTORY_STARTS_ON } from './clock';
import type { CustomerRecord } from './customers';
import { type Bill, type LineDraft, partOf, type Settlement } from './ledger';
import { creatorOf, type Creators } from '../../../shared/seed/profileLevels';
import { SERVICES } from './vocabulary';

/** Invoices for services outside subscriptions, per customer. */
const ONE_OFF_SHARE = 0.3;
const STATUS_WEIGHTS = [
  ['DRAFT', 8],
  ['SENT', 12],
  ['PAID', 45],
  ['PARTIALLY_PAID', 8],
  ['OVERDUE', 12],
  ['VOID', 8],
  ['WRITTEN_OFF', 7],
] as const;
const MODE_WEIGHTS = [
  ['BANK_TRANSFER', 40],
  ['CARD', 30],
  ['CHECK', 15],
  ['CASH', 15],
] as const;
/** Payment terms in days. */
const TERMS = [14, 30, 30] as const;
/** Share of one-off invoices created from a ticket of their contact, where one fits (BIL-6). */
const TICKET_SHARE = 0.5;
/** An invoice made from a ticket is made while the ticket is fresh. */
const TICKET_DAYS = 2;
/** Share that bill a service for one of the customer's subscriptions. */
const SUBSCRIPTION_SHARE = 0.3;
/** Days past the due date that a late payer pays, at most. */
const LATE_PAYMENT_DAYS = 10;
/** Share of written-off invoices that had been paid in part first. */
const PART_PAID_WRITE_OFF_SHARE = 0.4;
const DAY_MS = 86_400_000;

/** What one invoice is to be; the showcase customer's are given, the others drawn. */
interface OneOffPlan {
  record: CustomerRecord;
  status: InvoiceStatus;
  terms: number;
  ticket: Ticket | null;
  /** When it was issued, if not drawn from its status's window. */
  createdAt?: Date;
  mode?: PaymentMode;
  overpaid?: boolean;
  /** Paid in part, whatever its status: an overdue invoice may have been paid in part too. */
  partPaid?: boolean;
}

/** A subscription a one-off invoice may bill a service for. */
export interface SubscriptionRef {
  id: string;
  customerId: string;
  createdAt: Date;
}

/**
 * One-off invoices of random customers, with every status; those of the organization desk is
 * connected to are often created from a ticket. `deskOrganizationId` is that organization.
 */
export function generateOneOffs(
  random: Random,
  records: readonly CustomerRecord[],
  creators: Creators,
  subscriptions: readonly SubscriptionRef[],
  deskOrganizationId: string,
): Bill[] {
  const count = Math.max(2 * INVOICE_STATUSES.length, Math.round(records.length * ONE_OFF_SHARE));
  const statuses = Array.from({ length: count }, () => random.weighted(STATUS_WEIGHTS));
  // Even the smallest seed shows every status.
  coverEveryValue(random, statuses, INVOICE_STATUSES);
  const joined = new Map(records.map((record) => [record, joinedOn(record)]));
  const fittingBy = new Map<string, CustomerRecord[]>();
  const plans = statuses.map((status): OneOffPlan => {
    const terms = random.pick(TERMS);
    const key = `${status}/${terms}`;
    const fitting =
      fittingBy.get(key) ??
      records.filter((record) => windowOf(status, terms, joined.get(record) ?? '') !== null);
    fittingBy.set(key, fitting);
    const record = random.pick(fitting);
    const window = windowOf(status, terms, joined.get(record) ?? '');
    const tickets = record.tickets.filter(
      (ticket) =>
        window !== null &&
        record.organization.id === deskOrganizationId &&
        ticket.createdAt >= record.customer.createdAt &&
        calendarDate(ticket.createdAt) >= window.from &&
        calendarDate(ticket.createdAt) <= window.to,
    );
    const ticket = tickets.length > 0 && random.chance(TICKET_SHARE) ? random.pick(tickets) : null;
    return { record, status, terms, ticket };
  });
  const showcase = records.find((record) => record.showcase);
  const subscriptionsOf = new Map<string, SubscriptionRef[]>();
  for (const subscription of subscriptions) {
    const of = subscriptionsOf.get(subscription.customerId) ?? [];
    of.push(subscription);
    subscriptionsOf.set(subscription.customerId, of);
  }
  return [...(showcase ? showcasePlans(random, showcase) : []), ...plans].map((plan) =>
    bill(random, plan, creators, subscriptionsOf.get(plan.record.customer.id) ?? []),
  );
}

/**
 * The showcase customer's invoices from its tickets: ticket #1's partly paid by check, one from an
 * earlier ticket paid in cash, and one from its latest ticket still open; plus a draft, a voided
 * one and an invoice paid by a transfer larger than it, which leaves an unused amount.
 */
function showcasePlans(random: Random, record: CustomerRecord): OneOffPlan[] {
  const first = record.tickets.find((ticket) => ticket.number === 1);
  const others = record.tickets.filter((ticket) => ticket !== first);
  const fromTicket = (ticket: Ticket) =>
    new Date(
      Math.min(
        ticket.createdAt.getTime() + random.int(600, TICKET_DAYS * 86_400) * 1000,
        TODAY.getTime() - 1000,
      ),
    );
  const plans: OneOffPlan[] = [
    { record, status: 'DRAFT', terms: 14, ticket: null },
    { record, status: 'VOID', terms: 14, ticket: null },
    { record, status: 'PAID', terms: 30, ticket: null, mode: 'BANK_TRANSFER', overpaid: true },
  ];
  if (first) {
    const createdAt = fromTicket(first);
    // Partly paid either way; past its due date it is overdue, as the lifecycle sweep would say.
    const overdue = addDays(calendarDate(createdAt), 30) < TODAY_DATE;
    plans.push({
      record,
      status: overdue ? 'OVERDUE' : 'PARTIALLY_PAID',
      terms: 30,
      ticket: first,
      createdAt,
      mode: 'CHECK',
      partPaid: true,
    });
  }
  const latest = others.at(-1);
  const earlierTicket = others.at(-2);
  if (earlierTicket) {
    const createdAt = fromTicket(earlierTicket);
    plans.push({
      record,
      status: 'PAID',
      terms: 14,
      ticket: earlierTicket,
      createdAt,
      mode: 'CASH',
    });
  }
  if (latest) {
    const createdAt = fromTicket(latest);
    const overdue = addDays(calendarDate(createdAt), 14) < TODAY_DATE;
    plans.push({
      record,
      status: overdue ? 'OVERDUE' : 'SENT',
      terms: 14,
      ticket: latest,
      createdAt,
    });
  }
  return plans;
}

/**
 * The days an invoice of this status may have been issued on for its status to hold today:
 * drafts are recent, sent and partly paid ones are not due yet, overdue ones are; paid and void ones may be of
 * any age, written-off ones are old. Null when the customer joined too late for it.
 */
function windowOf(
  status: InvoiceStatus,
  terms: number,
  joined: string,
): { from: string; to: string } | null {
  const before = (days: number) => addDays(TODAY_DATE, -days);
  const [from, to] =
    status === 'DRAFT'
      ? [before(10), YESTERDAY]
      : status === 'SENT' || status === 'PARTIALLY_PAID'
        ? [before(terms - 1), YESTERDAY]
        : status === 'OVERDUE'
          ? [before(terms + 60), before(terms + 1)]
          : status === 'WRITTEN_OFF'
            ? [joined, before(terms + 60)]
            : [joined, before(2)];
  const window = { from: later(from, joined), to };
  return window.from <= window.to ? window : null;
}

/** The invoice's row-to-be, dated and settled as its status says. */
function bill(
  random: Random,
  plan: OneOffPlan,
  creators: Creators,
  subscriptions: readonly SubscriptionRef[],
): Bill {
  const { record, status, ticket } = plan;
  const { currency } = record.organization;
  const createdAt = plan.createdAt ?? createdWithin(random, plan);
  const issuedOn = calendarDate(createdAt);
  const dueOn = addDays(issuedOn, plan.terms);
  const lines = random
    .sample(
      SERVICES,
      random.weighted([
        [1, 50],
        [2, 35],
        [3, 15],
      ] as const),
    )
    .map((service): LineDraft => {
      const rate = service.rates[currency];
      if (rate === undefined) throw new Error(`no rate of "${service.description}" in ${currency}`);
      const quantity = random.int(...service.quantity);
      return {
        description: service.description,
        quantity,
        rate,
        amount: multiplyMoney(rate, quantity),
      };
    });
  const total = sumMoney(lines.map((line) => line.amount));
  const mode = plan.mode ?? random.weighted(MODE_WEIGHTS);
  const paidOn = () =>
    dayBetween(random, issuedOn, earlier(addDays(dueOn, LATE_PAYMENT_DAYS), YESTERDAY));
  const paidAt = (on: string) => instantOn(random, on, createdAt);

  let settlement: Settlement | null = null;
  let closedAt: Date | null = null;
  if (status === 'PAID') {
    const on = paidOn();
    settlement = {
      kind: 'PAID',
      on,
      at: paidAt(on),
      mode,
      useCredits: true,
      overpaid: plan.overpaid,
    };
  } else if (
    status === 'PARTIALLY_PAID' ||
    plan.partPaid ||
    (status === 'WRITTEN_OFF' && random.chance(PART_PAID_WRITE_OFF_SHARE))
  ) {
    const on = paidOn();
    settlement = {
      kind: 'PART',
      on,
      at: paidAt(on),
      mode,
      amount: partOf(random, total, currency, 0.2, 0.8),
    };
  }
  if (status === 'WRITTEN_OFF') {
    const on = dayBetween(random, addDays(dueOn, 30), earlier(addDays(dueOn, 120), YESTERDAY));
    closedAt = instantOn(random, on, settlement?.at ?? null);
  } else if (status === 'VOID') {
    const on = dayBetween(random, issuedOn, earlier(addDays(issuedOn, 10), YESTERDAY));
    closedAt = instantOn(random, on, createdAt);
  }
  const billed = subscriptions.filter((subscription) => subscription.createdAt <= createdAt);
  return {
    id: random.uuid(),
    record,
    subscriptionId:
      billed.length > 0 && random.chance(SUBSCRIPTION_SHARE) ? random.pick(billed).id : null,
    ticketId: ticket?.id ?? null,
    createdBy: ticket ? creatorOf(random, creators, ticket) : null,
    issuedOn,
    dueOn,
    createdAt,
    lines,
    status,
    settlement,
    closedAt,
  };
}

/** The first day a customer's invoice may be issued on. */
function joinedOn(record: CustomerRecord): string {
  return later(HISTORY_STARTS_ON, addDays(calendarDate(record.customer.createdAt), 1));
}

/** Soon after its ticket when it has one, on any day of its status's window otherwise. */
function createdWithin(random: Random, plan: OneOffPlan): Date {
  const window = windowOf(plan.status, plan.terms, joinedOn(plan.record));
  if (!window) throw new Error(`no room for a ${plan.status} invoice`);
  if (!plan.ticket) return instantOn(random, dayBetween(random, window.from, window.to));
  const from = plan.ticket.createdAt.getTime();
  const to = Math.min(from + TICKET_DAYS * DAY_MS, startOf(addDays(window.to, 1)).getTime() - 1000);
  return new Date(from + random.int(1, Math.max(1, Math.floor((to - from) / 1000))) * 1000);
}

import { earliest, instantBetween } from '../../../shared/seed/clock';
import type { Ticket } from '../../desk/entities/Ticket';
import type { Random } from '../../../shared/seed/random';
import { daysAfter } from './clock';

/** Share of sales orders and invoices created from a ticket of their contact (INV-7). */
const TICKET_SHARE = 1 / 3;
/** A document made from a ticket is made while the ticket is fresh. */
const DAYS_AFTER_TICKET = 2;

/** When a document may have been created for its story to have played out by today. */
export interface Window {
  from: Date;
  to: Date;
}

/**
 * Links about a third of the documents, `alreadyLinked` included, each to one of its contact's
 * tickets raised within its window; the rest get null.
 */
export function linkTickets(
  random: Random,
  documents: readonly { tickets: readonly Ticket[]; window: Window }[],
  alreadyLinked = 0,
): (Ticket | null)[] {
  const fitting = documents.map(({ tickets, window }) =>
    tickets.filter((ticket) => ticket.createdAt >= window.from && ticket.createdAt <= window.to),
  );
  const candidates = fitting.flatMap((tickets, index) => (tickets.length > 0 ? [index] : []));
  const wanted = Math.round((documents.length + alreadyLinked) * TICKET_SHARE) - alreadyLinked;
  const linked = new Set(random.sample(candidates, Math.max(0, wanted)));
  return fitting.map((tickets, index) => (linked.has(index) ? random.pick(tickets) : null));
}

/** Soon after its ticket when it has one, at any time of its window otherwise. */
export function createdWithin(random: Random, window: Window, ticket: Ticket | null): Date {
  if (!ticket) return instantBetween(random, window.from, window.to);
  return instantBetween(
    random,
    ticket.createdAt,
    earliest(daysAfter(ticket.createdAt, DAYS_AFTER_TICKET), window.to),
  );
}

import { badUserInput } from '../errors';
import type { IntegrationContext, Levels } from './context';
import { deskTicket, type DeskTicket } from './desk';
import { Customer } from './entities';

/** Days between a document's date and when it is due, unless the caller says otherwise. */
export const PAYMENT_TERMS_DAYS = 30;

export const MAX_LINE_ITEMS = 100;
const MAX_QUANTITY = 1_000_000;
const MAX_RATE = 10_000_000_000;

/** Money is kept to the cent. */
export const cents = (value: number): number => Math.round(value * 100) / 100;

/** Today's date (UTC) as YYYY-MM-DD, the form Date columns and the Date scalar use. */
export const today = (): string => new Date().toISOString().slice(0, 10);

export function daysAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function checkLineCount(lines: readonly unknown[]): void {
  if (lines.length === 0) {
    throw badUserInput('lineItems must hold at least one line', { field: 'lineItems' });
  }
  if (lines.length > MAX_LINE_ITEMS) {
    throw badUserInput(`lineItems may hold at most ${MAX_LINE_ITEMS} lines, got ${lines.length}`, {
      field: 'lineItems',
    });
  }
}

/** A line's quantity and rate, checked; `field` names the line in the error (lineItems[2]). */
export function checkQuantityAndRate(field: string, quantity: number, rate: number): void {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw badUserInput(`${field}: quantity must be a whole number from 1 to ${MAX_QUANTITY}`, {
      field,
    });
  }
  if (!Number.isFinite(rate) || rate < 0 || rate > MAX_RATE || cents(rate) !== rate) {
    throw badUserInput(`${field}: rate must be zero or more with at most 2 decimals`, { field });
  }
}

/**
 * Documents created from a ticket (INV-7, BIL-6) are for its contact: the ticket is read from desk
 * as the caller, and the contact must already have a customer record in the organization.
 */
export async function customerOfTicket(
  ctx: IntegrationContext<Levels>,
  organizationId: string,
  ticketId: string,
  product: { label: string; createCustomerMutation: string },
): Promise<{ ticket: DeskTicket; customer: Customer }> {
  const ticket = await deskTicket(ctx.desk(), ticketId);
  const customer = await ctx.db
    .getRepository(Customer)
    .findOneBy({ organizationId, contactId: ticket.contact.id });
  if (!customer) {
    throw badUserInput(
      `${ticket.contact.name} has no customer record in ${product.label} yet: create it with ${product.createCustomerMutation} first`,
      { field: 'ticketId', contactId: ticket.contact.id },
    );
  }
  return { ticket, customer };
}

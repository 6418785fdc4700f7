import { badUserInput } from '../errors';
import type { IntegrationContext, Levels } from './context';
import { deskTicket, type DeskTicket } from './desk';
import { Customer } from './entities';

/** Days between a document's date and when it is due, unless the caller says otherwise. */
export const PAYMENT_TERMS_DAYS = 30;

export const MAX_LINE_ITEMS = 100;
const MAX_QUANTITY = 1_000_000;
/** Rates are numeric(12,2) columns: below 10^10. */
const MAX_RATE = 9_999_999_999.99;
/** Line amounts and totals are numeric(14,2) columns: below 10^12. */
const MAX_AMOUNT = 999_999_999_999.99;

/** Money is kept to the cent. */
const cents = (value: number): number => Math.round(value * 100) / 100;

/** Today's date (UTC) as YYYY-MM-DD, the form Date columns and the Date scalar use. */
export const today = (): string => new Date().toISOString().slice(0, 10);

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

/**
 * A line's amount (quantity × rate), its quantity and rate checked against what the document
 * tables hold; `field` names the line in the error (lineItems[2]).
 */
export function lineAmount(field: string, quantity: number, rate: number): number {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw badUserInput(`${field}: quantity must be a whole number from 1 to ${MAX_QUANTITY}`, {
      field,
    });
  }
  if (!Number.isFinite(rate) || rate < 0 || rate > MAX_RATE || cents(rate) !== rate) {
    throw badUserInput(
      `${field}: rate must be from 0 to ${MAX_RATE} with at most 2 decimals, got ${rate}`,
      { field },
    );
  }
  const amount = cents(quantity * rate);
  if (amount > MAX_AMOUNT) {
    throw badUserInput(`${field}: quantity × rate is ${amount}, more than a line may hold`, {
      field,
    });
  }
  return amount;
}

/** The document's total, refused when it is more than a document may hold. */
export function documentTotal(amounts: readonly number[]): number {
  const total = cents(amounts.reduce((sum, amount) => sum + amount, 0));
  if (total > MAX_AMOUNT) {
    throw badUserInput(`The lines add up to ${total}, more than a document may hold`, {
      field: 'lineItems',
    });
  }
  return total;
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

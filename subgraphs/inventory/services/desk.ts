import { notFound } from '../../../shared/errors';
import { isUuid } from '../../../shared/loaders';
import type { InventoryContext } from '../context';

export interface DeskContact {
  id: string;
  name: string;
  email: string;
  primaryAccount: { name: string } | null;
}

/**
 * Desk owns contacts and tickets: inventory reads them through desk's API, as the caller, so desk's
 * own permissions decide what the caller may see.
 */
export async function deskContact(ctx: InventoryContext, contactId: string): Promise<DeskContact> {
  if (!isUuid(contactId)) throw notFound('Contact', contactId);
  const { contact } = await ctx.desk().request<{ contact: DeskContact | null }>(
    `query InventoryContact($id: ID!) {
       contact(id: $id) { id name email primaryAccount { name } }
     }`,
    { id: contactId },
  );
  if (!contact) throw notFound('Contact', contactId);
  return contact;
}

export async function deskTicket(
  ctx: InventoryContext,
  ticketId: string,
): Promise<{ id: string; number: number; contact: DeskContact }> {
  if (!isUuid(ticketId)) throw notFound('Ticket', ticketId);
  const { ticket } = await ctx.desk().request<{
    ticket: { id: string; number: number; contact: DeskContact } | null;
  }>(
    `query InventoryTicket($id: ID!) {
       ticket(id: $id) { id number contact { id name email primaryAccount { name } } }
     }`,
    { id: ticketId },
  );
  if (!ticket) throw notFound('Ticket', ticketId);
  return ticket;
}

import { EntityManager } from 'typeorm';
import { badUserInput } from '../../../shared/errors';
import type { DeskContext } from '../context';
import { ContactAccount, Contact, Department, Product, Ticket, TicketProduct } from '../entities';
import type { TicketChannel, TicketPriority, TicketStatus } from '../entities/Ticket';
import { activeAgent, existing, existingOne, optionalText, requiredText } from './validation';

export interface CreateTicketInput {
  subject: string;
  description?: string | null;
  contactId: string;
  departmentId: string;
  accountId?: string | null;
  priority?: TicketPriority | null;
  channel?: TicketChannel | null;
  assigneeId?: string | null;
  productIds?: string[] | null;
  dueAt?: Date | null;
}

export interface UpdateTicketInput {
  subject?: string | null;
  description?: string | null;
  status?: TicketStatus | null;
  priority?: TicketPriority | null;
  assigneeId?: string | null;
  departmentId?: string | null;
  accountId?: string | null;
  productIds?: string[] | null;
  dueAt?: Date | null;
}

/**
 * The account a ticket is filed under: the one asked for, which must be one of the contact's
 * accounts, or else the contact's primary account (ASC-7).
 */
async function accountForTicket(
  manager: EntityManager,
  contactId: string,
  requested: string | null | undefined,
): Promise<string | null> {
  const links = await manager.find(ContactAccount, { where: { contactId } });
  if (requested) {
    if (!links.some((link) => link.accountId === requested)) {
      throw badUserInput(`Account "${requested}" is not one of the contact's accounts`, {
        field: 'accountId',
      });
    }
    return requested;
  }
  return links.find((link) => link.isPrimary)?.accountId ?? null;
}

async function setProducts(manager: EntityManager, ticketId: string, productIds: string[]) {
  await existing(manager, Product, 'Product', productIds);
  await manager.delete(TicketProduct, { ticketId });
  const unique = [...new Set(productIds)];
  if (unique.length > 0) {
    await manager.insert(
      TicketProduct,
      unique.map((productId) => ({ ticketId, productId })),
    );
  }
}

export function createTicket(ctx: DeskContext, input: CreateTicketInput): Promise<Ticket> {
  return ctx.db.transaction(async (manager) => {
    const subject = requiredText('subject', input.subject);
    await existingOne(manager, Contact, 'Contact', input.contactId);
    await existingOne(manager, Department, 'Department', input.departmentId);
    const ticket = manager.create(Ticket, {
      subject,
      description: optionalText(input.description),
      contactId: input.contactId,
      departmentId: input.departmentId,
      accountId: await accountForTicket(manager, input.contactId, input.accountId),
      priority: input.priority ?? 'MEDIUM',
      channel: input.channel ?? 'WEB',
      status: 'OPEN',
      assigneeId: input.assigneeId
        ? await activeAgent(manager, input.assigneeId, 'assigneeId', 'be assigned')
        : null,
      dueAt: input.dueAt ?? null,
    });
    const saved = await manager.save(ticket);
    if (input.productIds) await setProducts(manager, saved.id, input.productIds);
    return manager.findOneByOrFail(Ticket, { id: saved.id });
  });
}

export function updateTicket(
  ctx: DeskContext,
  id: string,
  input: UpdateTicketInput,
): Promise<Ticket> {
  return ctx.db.transaction(async (manager) => {
    const ticket = await existingOne(manager, Ticket, 'Ticket', id);
    if (input.subject !== undefined && input.subject !== null) {
      ticket.subject = requiredText('subject', input.subject);
    }
    if (input.description !== undefined) ticket.description = optionalText(input.description);
    if (input.priority) ticket.priority = input.priority;
    if (input.dueAt !== undefined) ticket.dueAt = input.dueAt;
    if (input.departmentId) {
      ticket.departmentId = (
        await existingOne(manager, Department, 'Department', input.departmentId)
      ).id;
    }
    if (input.assigneeId !== undefined) {
      ticket.assigneeId = input.assigneeId
        ? await activeAgent(manager, input.assigneeId, 'assigneeId', 'be assigned')
        : null;
    }
    if (input.accountId) {
      ticket.accountId = await accountForTicket(manager, ticket.contactId, input.accountId);
    }
    if (input.status && input.status !== ticket.status) {
      ticket.status = input.status;
      ticket.closedAt = input.status === 'CLOSED' ? new Date() : null;
    }
    await manager.save(ticket);
    if (input.productIds) await setProducts(manager, ticket.id, input.productIds);
    return manager.findOneByOrFail(Ticket, { id });
  });
}

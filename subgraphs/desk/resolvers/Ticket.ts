import type { PageArgs } from '../../../shared/pagination';
import type { DeskContext } from '../context';
import type { Ticket as TicketRow } from '../entities';

export const Ticket = {
  __resolveReference: ({ id }: { id: string }, ctx: DeskContext) => ctx.loaders.ticket.load(id),
  department: (ticket: TicketRow, _: PageArgs, ctx: DeskContext) =>
    ctx.loaders.department.load(ticket.departmentId),
  assignee: (ticket: TicketRow, _: PageArgs, ctx: DeskContext) =>
    ticket.assigneeId ? ctx.loaders.agent.load(ticket.assigneeId) : null,
  contact: (ticket: TicketRow, _: PageArgs, ctx: DeskContext) =>
    ctx.loaders.contact.load(ticket.contactId),
  account: (ticket: TicketRow, _: PageArgs, ctx: DeskContext) =>
    ticket.accountId ? ctx.loaders.account.load(ticket.accountId) : null,
  products: async (ticket: TicketRow, _: PageArgs, ctx: DeskContext) => {
    const links = await ctx.loaders.productIdsByTicket.load(ticket.id);
    return ctx.loaders.product.loadMany(links.map((link) => link.productId));
  },
};

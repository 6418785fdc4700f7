import { loadAll } from '../../../shared/loaders';
import type { TicketResolvers } from '../generated/resolvers';

export const Ticket: TicketResolvers = {
  __resolveReference: ({ id }, ctx) => ctx.loaders.ticket.load(id),
  department: (ticket, _, ctx) => ctx.loaders.department.load(ticket.departmentId),
  assignee: (ticket, _, ctx) =>
    ticket.assigneeId ? ctx.loaders.agent.load(ticket.assigneeId) : null,
  contact: (ticket, _, ctx) => ctx.loaders.contact.load(ticket.contactId),
  account: (ticket, _, ctx) =>
    ticket.accountId ? ctx.loaders.account.load(ticket.accountId) : null,
  products: async (ticket, _, ctx) => {
    const links = await ctx.loaders.productIdsByTicket.load(ticket.id);
    return loadAll(
      ctx.loaders.product,
      links.map((link) => link.productId),
    );
  },
};

import { isUuid } from '../../../shared/loaders';
import type { TicketResolvers } from '../generated/resolvers';
import { panelOf } from './panelOf';

export const Ticket: TicketResolvers = {
  inventory: (ticket, _, ctx) => {
    const contactId = ticket.contact?.id;
    if (!contactId || !isUuid(ticket.id)) return null;
    return panelOf(ctx, { contactIds: [contactId], ticketId: ticket.id });
  },
};

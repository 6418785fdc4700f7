import { panelResolvers } from '../../../shared/integration/panels';
import type { TicketResolvers } from '../generated/resolvers';

export const Ticket: TicketResolvers = {
  inventory: (ticket, _, ctx) => panelResolvers.ticket(ticket, ctx),
};

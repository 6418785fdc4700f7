import { panelResolvers } from '../../../shared/integration/panels';
import type { TicketResolvers } from '../generated/resolvers';

export const Ticket: TicketResolvers = {
  billing: (ticket, _, ctx) => panelResolvers.ticket(ticket, ctx),
};

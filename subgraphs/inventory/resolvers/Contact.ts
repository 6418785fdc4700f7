import type { ContactResolvers } from '../generated/resolvers';
import { panelOf } from './panelOf';

export const Contact: ContactResolvers = {
  inventory: (contact, _, ctx) => panelOf(ctx, { contactIds: [contact.id], ticketId: null }),
};

import type { ContactResolvers } from '../generated/resolvers';
import { panelOf } from './panels';

export const Contact: ContactResolvers = {
  books: (contact, _, ctx) => panelOf(ctx, { owner: 'CONTACT', id: contact.id }),
};

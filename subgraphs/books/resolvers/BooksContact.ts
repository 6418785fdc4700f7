import { orNull } from '../../../shared/lookups';
import type { BooksContactResolvers } from '../generated/resolvers';
import { inOrganization } from './organization';

export const BooksContact: BooksContactResolvers = {
  __resolveReference: ({ id }, ctx) => inOrganization(ctx, orNull(ctx.loaders.contact.load(id))),
  account: (contact) => (contact.deskAccountId ? { id: contact.deskAccountId } : null),
  deskContact: (contact) => (contact.deskContactId ? { id: contact.deskContactId } : null),
};

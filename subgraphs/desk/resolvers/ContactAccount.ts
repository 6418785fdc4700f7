import type { ContactAccountResolvers } from '../generated/resolvers';

export const ContactAccount: ContactAccountResolvers = {
  account: (link, _, ctx) => ctx.loaders.account.load(link.accountId),
  contact: (link, _, ctx) => ctx.loaders.contact.load(link.contactId),
  since: (link) => link.createdAt,
};

import type { ContactResolvers } from '../generated/resolvers';

export const Contact: ContactResolvers = {
  __resolveReference: ({ id }, ctx) => ctx.loaders.contact.load(id),
  name: (contact) => `${contact.firstName} ${contact.lastName}`,
  primaryAccount: async (contact, _, ctx) => {
    const links = await ctx.loaders.accountLinksByContact.load(contact.id);
    const primary = links.find((link) => link.isPrimary);
    return primary ? ctx.loaders.account.load(primary.accountId) : null;
  },
  accounts: (contact, _, ctx) => ctx.loaders.accountLinksByContact.load(contact.id),
  tickets: (contact, args, ctx) =>
    ctx.loaders.ticketsByContact.load({ parentId: contact.id, ...args }),
};

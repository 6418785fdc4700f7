import type { AccountResolvers } from '../generated/resolvers';

export const Account: AccountResolvers = {
  __resolveReference: ({ id }, ctx) => ctx.loaders.account.load(id),
  contacts: (account, args, ctx) =>
    ctx.loaders.contactLinksByAccount.load({ parentId: account.id, ...args }),
  contactIds: async (account, _, ctx) => {
    const links = await ctx.loaders.contactIdsByAccount.load(account.id);
    return links.map((link) => link.contactId);
  },
  tickets: (account, args, ctx) =>
    ctx.loaders.ticketsByAccount.load({ parentId: account.id, ...args }),
  deals: (account, args, ctx) => ctx.loaders.dealsByAccount.load({ parentId: account.id, ...args }),
};

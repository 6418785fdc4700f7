import type { AccountResolvers } from '../generated/resolvers';

export const Account: AccountResolvers = {
  // PRJ-2: the linked client's projects; an account no client is linked to lists none.
  projects: async (account, { first, after, status }, ctx) => {
    const client = await ctx.loaders.clientByAccount.load(account.id);
    return ctx.loaders.projectPagesByClient.load({
      first,
      after,
      ownerIds: client ? [client.id] : [],
      equals: { status },
    });
  },
};

import type { DealResolvers } from '../generated/resolvers';

export const Deal: DealResolvers = {
  projects: (deal, { first, after, status }, ctx) =>
    ctx.loaders.projectPagesByDeal.load({ first, after, ownerIds: [deal.id], equals: { status } }),
};

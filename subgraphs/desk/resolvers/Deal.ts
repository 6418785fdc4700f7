import type { DealResolvers } from '../generated/resolvers';

export const Deal: DealResolvers = {
  __resolveReference: ({ id }, ctx) => ctx.loaders.deal.load(id),
  stage: (deal, _, ctx) => ctx.loaders.dealStage.load(deal.stageId),
  outcome: async (deal, _, ctx) => (await ctx.loaders.dealStage.load(deal.stageId)).outcome,
  account: (deal, _, ctx) => ctx.loaders.account.load(deal.accountId),
  contact: (deal, _, ctx) => (deal.contactId ? ctx.loaders.contact.load(deal.contactId) : null),
  owner: (deal, _, ctx) => ctx.loaders.agent.load(deal.ownerId),
};

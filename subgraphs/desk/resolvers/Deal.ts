import type { DeskContext } from '../context';
import type { Deal as DealRow } from '../entities';

export const Deal = {
  __resolveReference: ({ id }: { id: string }, ctx: DeskContext) => ctx.loaders.deal.load(id),
  stage: (deal: DealRow, _: unknown, ctx: DeskContext) => ctx.loaders.dealStage.load(deal.stageId),
  outcome: async (deal: DealRow, _: unknown, ctx: DeskContext) =>
    (await ctx.loaders.dealStage.load(deal.stageId)).outcome,
  account: (deal: DealRow, _: unknown, ctx: DeskContext) =>
    ctx.loaders.account.load(deal.accountId),
  contact: (deal: DealRow, _: unknown, ctx: DeskContext) =>
    deal.contactId ? ctx.loaders.contact.load(deal.contactId) : null,
  owner: (deal: DealRow, _: unknown, ctx: DeskContext) => ctx.loaders.agent.load(deal.ownerId),
};

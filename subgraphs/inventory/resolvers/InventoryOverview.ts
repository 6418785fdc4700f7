import type { InventoryOverviewResolvers } from '../generated/resolvers';
import { ownersOf } from '../../../shared/integration/panels';

/** A few of each by default: the overview is a glance, the other tabs hold the lists. */
const OVERVIEW_SIZE = 5;

export const InventoryOverview: InventoryOverviewResolvers = {
  recentShipments: async (panel, args, ctx) =>
    (
      await ctx.loaders.shipmentPages.load({
        ownerIds: await ownersOf(ctx, panel),
        first: args.first ?? OVERVIEW_SIZE,
      })
    ).nodes,

  itemsBought: async (panel, args, ctx) =>
    ctx.loaders.itemsBought.load({
      ownerIds: await ownersOf(ctx, panel),
      first: args.first ?? OVERVIEW_SIZE,
    }),
};

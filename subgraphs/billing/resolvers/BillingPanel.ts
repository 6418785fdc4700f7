import { customersOf, documentPageKey, ownersOf } from '../../../shared/integration/panels';
import type { BillingPanelResolvers } from '../generated/resolvers';

export const BillingPanel: BillingPanelResolvers = {
  customers: (panel, _, ctx) => customersOf(ctx, panel),

  overview: (panel) => panel,

  activity: async (panel, args, ctx) =>
    ctx.loaders.activityPages.load({
      ownerIds: await ownersOf(ctx, panel),
      first: args.first,
      after: args.after,
    }),

  subscriptions: async (panel, args, ctx) =>
    ctx.loaders.subscriptionPages.load({
      ownerIds: await ownersOf(ctx, panel),
      first: args.first,
      after: args.after,
      equals: { status: args.status },
    }),

  invoices: async (panel, args, ctx) =>
    ctx.loaders.invoicePages.load(await documentPageKey(ctx, panel, 'billing', args)),

  transactions: async (panel, args, ctx) =>
    ctx.loaders.transactionPages.load({
      ownerIds: await ownersOf(ctx, panel),
      first: args.first,
      after: args.after,
      equals: { kind: args.kind },
    }),

  creditNotes: async (panel, args, ctx) =>
    ctx.loaders.creditNotePages.load({
      ownerIds: await ownersOf(ctx, panel),
      first: args.first,
      after: args.after,
      equals: { status: args.status },
    }),
};

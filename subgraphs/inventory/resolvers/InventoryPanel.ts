import { customersOf, documentPageKey, ownersOf } from '../../../shared/integration/panels';
import type { ActivityKind } from '../entities/Activity';
import type { InventoryPanelResolvers } from '../generated/resolvers';
import { allows } from '../permissionLevels';

const SALES_ORDER_KINDS: readonly ActivityKind[] = [
  'SALES_ORDER_CREATED',
  'SALES_ORDER_SENT',
  'PACKAGE_SHIPPED',
  'PACKAGE_DELIVERED',
  'RETURN_RECEIVED',
];
const INVOICE_KINDS: readonly ActivityKind[] = [
  'INVOICE_CREATED',
  'INVOICE_SENT',
  'PAYMENT_RECEIVED',
];

export const InventoryPanel: InventoryPanelResolvers = {
  customers: (panel, _, ctx) => customersOf(ctx, panel),

  overview: (panel) => panel,

  activity: async (panel, args, ctx) => {
    // Activity about documents the profile may not see is left out rather than refused.
    const { levels } = await ctx.viewer();
    const kinds = [
      ...(allows(levels, 'salesOrders', 'view') ? SALES_ORDER_KINDS : []),
      ...(allows(levels, 'invoices', 'view') ? INVOICE_KINDS : []),
    ];
    return ctx.loaders.activityPages.load({
      ownerIds: await ownersOf(ctx, panel),
      first: args.first,
      after: args.after,
      anyOf: { kind: kinds },
    });
  },

  salesOrders: async (panel, args, ctx) =>
    ctx.loaders.salesOrderPages.load(await documentPageKey(ctx, panel, 'inventory', args)),

  invoices: async (panel, args, ctx) =>
    ctx.loaders.invoicePages.load(await documentPageKey(ctx, panel, 'inventory', args)),
};

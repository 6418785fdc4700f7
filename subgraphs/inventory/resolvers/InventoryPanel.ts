import { badUserInput } from '../../../shared/errors';
import { loadAll } from '../../../shared/loaders';
import type { OwnerSetPageKey } from '../../../shared/ownerSetPages';
import type { Customer } from '../entities';
import type { ActivityKind } from '../entities/Activity';
import type { InventoryContext } from '../context';
import type { InventoryPanelResolvers, InventoryScope } from '../generated/resolvers';
import type { PanelModel } from '../models';
import { allows } from '../permissionLevels';

/** The customer records a panel covers, in the integration's organization. */
export async function customersOf(ctx: InventoryContext, panel: PanelModel): Promise<Customer[]> {
  const customers = await loadAll(ctx.loaders.customerByContact, panel.contactIds);
  return customers.filter((customer): customer is Customer => customer !== null);
}

export async function ownersOf(ctx: InventoryContext, panel: PanelModel): Promise<string[]> {
  return (await customersOf(ctx, panel)).map((customer) => customer.id);
}

/** INV-6's filter: "from this ticket" narrows a ticket's panel to the documents made from it. */
function narrowTo(panel: PanelModel, scope: InventoryScope | null | undefined): string | null {
  if (scope !== 'THIS_TICKET') return null;
  if (!panel.ticketId) {
    throw badUserInput("scope THIS_TICKET applies only to a ticket's inventory panel", {
      argument: 'scope',
    });
  }
  return panel.ticketId;
}

/** The page a document tab asks for: the panel's customers, the scope, the status filter. */
async function documentPageKey(
  ctx: InventoryContext,
  panel: PanelModel,
  args: {
    first?: number | null;
    after?: string | null;
    scope?: InventoryScope | null;
    status?: string | null;
  },
): Promise<OwnerSetPageKey> {
  return {
    ownerIds: await ownersOf(ctx, panel),
    narrowTo: narrowTo(panel, args.scope),
    first: args.first,
    after: args.after,
    equals: { status: args.status },
  };
}

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
    ctx.loaders.salesOrderPages.load(await documentPageKey(ctx, panel, args)),

  invoices: async (panel, args, ctx) =>
    ctx.loaders.invoicePages.load(await documentPageKey(ctx, panel, args)),
};

import { badUserInput } from '../../../shared/errors';
import { syncRunPage } from '../../../shared/jobs/syncRunGraph';
import { isUuid, pageOf } from '../../../shared/loaders';
import type { QueryResolvers } from '../generated/resolvers';
import { Item, ProfilePermission } from '../entities';
import { inventorySyncRuns, ITEM_SYNC } from '../jobs/runs';
import { inventoryState } from '../services/integration';
import { itemSyncSetting } from '../services/itemSync';
import { likePattern, orNull } from '../../../shared/lookups';
import { inOrganization } from '../../../shared/integration/panels';

export const Query: QueryResolvers = {
  inventoryIntegration: (_, __, ctx) => ctx.integration(),

  inventoryOrganizations: async (_, __, ctx) =>
    inventoryState.administeredBy(ctx, (await ctx.viewer()).email),

  inventoryItems: async (_, args, ctx) => {
    const { organizationId } = await ctx.integration();
    const query = ctx.db
      .getRepository(Item)
      .createQueryBuilder('item')
      .where('item.organization_id = :organizationId', { organizationId });
    if (args.search?.trim()) {
      query.andWhere('(item.name ILIKE :pattern OR item.sku ILIKE :pattern)', {
        pattern: likePattern(args.search),
      });
    }
    return pageOf(
      query,
      args,
      { column: 'sku', value: (item) => item.sku, direction: 'ASC' },
      ctx.limits,
    );
  },

  inventoryCustomer: async (_, { contactId }, ctx) => {
    if (!isUuid(contactId)) {
      throw badUserInput(`contactId "${contactId}" is not a valid id`, { field: 'contactId' });
    }
    return ctx.loaders.customerByContact.load(contactId);
  },

  inventorySalesOrder: (_, { id }, ctx) =>
    inOrganization(ctx, orNull(ctx.loaders.salesOrder.load(id))),

  inventoryInvoice: (_, { id }, ctx) => inOrganization(ctx, orNull(ctx.loaders.invoice.load(id))),

  inventoryPackage: async (_, { id }, ctx) => {
    const pkg = await orNull(ctx.loaders.package.load(id));
    if (!pkg) return null;
    const order = await inOrganization(ctx, ctx.loaders.salesOrder.load(pkg.salesOrderId));
    return order ? pkg : null;
  },

  inventoryItemSync: (_, __, ctx) => itemSyncSetting(ctx),

  inventorySyncRun: (_, { id }, ctx) => orNull(ctx.syncRuns.run.load(id)),

  inventorySyncRuns: (_, args, ctx) =>
    syncRunPage(
      ctx.db,
      inventorySyncRuns,
      { ...args, kind: ITEM_SYNC },
      {
        limits: ctx.limits,
        retentionDays: ctx.config.jobs.retentionDays,
      },
    ),

  inventoryPermissions: (_, __, ctx) =>
    ctx.db.getRepository(ProfilePermission).find({ order: { updatedAt: 'ASC' } }),
};

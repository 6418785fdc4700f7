import { Brackets } from 'typeorm';
import { pageOf } from '../../../shared/loaders';
import { syncRunPage } from '../../../shared/jobs/syncRunGraph';
import { likePattern, orNull } from '../../../shared/lookups';
import type { BooksContext } from '../context';
import {
  ContactSyncSetting,
  EmailTemplate,
  Item,
  ProductSyncSetting,
  ProfilePermission,
  Transaction,
} from '../entities';
import type { QueryResolvers } from '../generated/resolvers';
import { booksSyncRuns } from '../jobs/runs';
import { reachableOrganizations } from '../services/connection';
import { transactionPdf } from '../services/documents';
import { inOrganization } from './organization';

/** The connected organization; the shield has made sure books is enabled. */
async function organizationOf(ctx: BooksContext): Promise<string | null> {
  return (await ctx.connection()).organizationId;
}

export const Query: QueryResolvers = {
  booksIntegration: (_, __, ctx) => ctx.connection(),

  booksOrganizations: (_, __, ctx) => reachableOrganizations(ctx),

  booksTransaction: async (_, { number }, ctx) => {
    const organizationId = await organizationOf(ctx);
    const row = organizationId
      ? await ctx.db.getRepository(Transaction).findOneBy({ organizationId, number })
      : null;
    if (!row) return null;
    if (row.kind === 'ESTIMATE') return ctx.loaders.estimate.load(row.id);
    if (row.kind === 'INVOICE') return ctx.loaders.invoice.load(row.id);
    return ctx.loaders.salesOrder.load(row.id);
  },

  booksEstimate: (_, { id }, ctx) => inOrganization(ctx, orNull(ctx.loaders.estimate.load(id))),
  booksInvoice: (_, { id }, ctx) => inOrganization(ctx, orNull(ctx.loaders.invoice.load(id))),
  booksSalesOrder: (_, { id }, ctx) => inOrganization(ctx, orNull(ctx.loaders.salesOrder.load(id))),

  booksItems: async (_, args, ctx) => {
    const query = ctx.db
      .getRepository(Item)
      .createQueryBuilder('item')
      .where('item.organization_id = :organizationId', {
        organizationId: await organizationOf(ctx),
      });
    if (args.search?.trim()) {
      const pattern = likePattern(args.search);
      query.andWhere(
        new Brackets((either) =>
          either
            .where('item.name ILIKE :pattern', { pattern })
            .orWhere('item.sku ILIKE :pattern', { pattern }),
        ),
      );
    }
    return pageOf(
      query,
      args,
      { column: 'sku', value: (item) => item.sku, direction: 'ASC' },
      ctx.limits,
    );
  },

  booksTransactionPdf: (_, { id }, ctx) => transactionPdf(ctx, id),

  booksEmailTemplates: async (_, { kind }, ctx) => {
    const organizationId = await organizationOf(ctx);
    if (!organizationId) return [];
    return ctx.db.getRepository(EmailTemplate).find({
      where: { organizationId, ...(kind ? { kind } : {}) },
      order: { kind: 'ASC', name: 'ASC' },
    });
  },

  booksContactSync: (_, __, ctx) =>
    ctx.db.getRepository(ContactSyncSetting).findOneByOrFail({ id: 1 }),

  booksProductSync: (_, __, ctx) =>
    ctx.db.getRepository(ProductSyncSetting).findOneByOrFail({ id: 1 }),

  booksSyncRun: (_, { id }, ctx) => orNull(ctx.syncRuns.run.load(id)),

  // A run's kind is its data type (CONTACTS or PRODUCTS).
  booksSyncRuns: (_, { dataType, ...args }, ctx) =>
    syncRunPage(
      ctx.db,
      booksSyncRuns,
      { ...args, kind: dataType },
      { limits: ctx.limits, retentionDays: ctx.config.jobs.retentionDays },
    ),

  booksPermissions: (_, __, ctx) =>
    ctx.db.getRepository(ProfilePermission).find({ order: { updatedAt: 'ASC' } }),
};

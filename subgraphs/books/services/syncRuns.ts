import { badUserInput } from '../../../shared/errors';
import { Organization } from '../../../shared/integration/entities';
import type { SyncDirection as RunDirection, SyncRunRecord } from '../../../shared/jobs/syncRuns';
import type { BooksContext } from '../context';
import type { SyncDirection } from '../domain/contactSync';
import { ContactSyncSetting, ProductSyncSetting } from '../entities';
import type { ContactSyncRunInput } from '../jobs/contactSync';
import type { ProductSyncRunInput } from '../jobs/productSync';
import { booksSyncRuns, CONTACTS_SYNC, PRODUCTS_SYNC } from '../jobs/runs';

type DataType = 'CONTACTS' | 'PRODUCTS';

/**
 * BKS-4/5/6: one run per data type and organization may be queued or running; a second start
 * returns it. The run keeps the settings it started with.
 */
export async function startBooksSync(
  ctx: BooksContext,
  dataType: DataType,
): Promise<{ run: SyncRunRecord; started: boolean }> {
  const connection = await ctx.connection();
  if (connection.status !== 'ENABLED' || !connection.organizationId) {
    throw badUserInput(
      `The books integration is ${connection.status}: enable it before starting a sync`,
    );
  }
  const organizationId = connection.organizationId;
  const { agentId } = await ctx.viewer();
  const start = dataType === 'CONTACTS' ? contactRun : productRun;
  const { direction, input, total } = await start(ctx, organizationId);
  return ctx.db.transaction(async (manager) => {
    const result = await booksSyncRuns.start(manager, ctx.jobs, {
      kind: dataType === 'CONTACTS' ? CONTACTS_SYNC : PRODUCTS_SYNC,
      direction,
      scope: organizationId,
      requestedBy: agentId,
      input,
    });
    if (!result.started || total === null) return result;
    await booksSyncRuns.setTotal(manager, result.run.id, total);
    return { run: { ...result.run, total }, started: true };
  });
}

interface RunStart {
  direction: RunDirection;
  input: Record<string, unknown>;
  /** The records the run will read; null when not known up front. */
  total: number | null;
}

async function contactRun(ctx: BooksContext, organizationId: string): Promise<RunStart> {
  const setting = await ctx.db.getRepository(ContactSyncSetting).findOneByOrFail({ id: 1 });
  if (!setting.enabled) {
    throw badUserInput('Contact sync is off: switch it on with updateBooksContactSync first');
  }
  const { currency } = await ctx.db
    .getRepository(Organization)
    .findOneByOrFail({ id: organizationId });
  const input: ContactSyncRunInput = {
    organizationId,
    currency,
    module: setting.module,
    recordFilter: setting.recordFilter,
    direction: setting.direction,
    conflictPolicy: setting.conflictPolicy,
    deleteEarlierRecords: setting.deleteEarlierRecords,
    mapping: setting.mapping,
  };
  // Every desk record is read, those the filter leaves out included; asked as the caller, who
  // is the agent the run reads desk as.
  const field = setting.module === 'ACCOUNTS' ? 'accounts' : 'contacts';
  const counted = await ctx
    .desk()
    .request<Record<string, { totalCount: number }>>(
      `query BooksSyncTotal { ${field}(first: 1) { totalCount } }`,
    );
  return {
    direction: runDirection(setting.direction),
    input: { ...input },
    total: counted[field].totalCount,
  };
}

async function productRun(ctx: BooksContext, organizationId: string): Promise<RunStart> {
  const setting = await ctx.db.getRepository(ProductSyncSetting).findOneByOrFail({ id: 1 });
  if (!setting.enabled) {
    throw badUserInput('Product sync is off: switch it on with updateBooksProductSync first');
  }
  const input: ProductSyncRunInput = {
    organizationId,
    direction: setting.direction,
    conflictPolicy: setting.conflictPolicy,
  };
  // Every desk product is read, asked as the caller, who is the agent the run reads desk as; then,
  // TWO_WAY, the items without one. The run sets the total again once it has read desk's.
  const { products } = await ctx
    .desk()
    .request<{ products: { totalCount: number } }>(
      'query BooksProductSyncTotal { products(first: 1) { totalCount } }',
    );
  const [{ count: unlinkedItems }]: { count: number }[] =
    setting.direction === 'TWO_WAY'
      ? await ctx.db.query(
          `SELECT count(*)::int AS count FROM books.item
           WHERE organization_id = $1 AND desk_product_id IS NULL`,
          [organizationId],
        )
      : [{ count: 0 }];
  return {
    direction: runDirection(setting.direction),
    input: { ...input },
    total: products.totalCount + unlinkedItems,
  };
}

/** Seen from the help desk, as SyncRun.direction is: TO_BOOKS takes from desk only. */
function runDirection(direction: SyncDirection): RunDirection {
  return direction === 'TWO_WAY' ? 'BOTH_WAYS' : 'FROM_DESK';
}

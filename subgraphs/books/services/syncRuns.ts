import { badUserInput } from '../../../shared/errors';
import { Organization } from '../../../shared/integration/entities';
import type { SyncDirection as RunDirection, SyncRunRecord } from '../../../shared/jobs/syncRuns';
import type { BooksContext } from '../context';
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
    direction: setting.direction === 'TWO_WAY' ? 'BOTH_WAYS' : 'FROM_DESK',
    input: { ...input },
    total: counted[field].totalCount,
  };
}

async function productRun(ctx: BooksContext, organizationId: string): Promise<RunStart> {
  const setting = await ctx.db.getRepository(ProductSyncSetting).findOneByOrFail({ id: 1 });
  if (!setting.enabled) {
    throw badUserInput('Product sync is off: switch it on with updateBooksProductSync first');
  }
  // Runs send items to desk (jobs/productSync); TO_BOOKS forbids exactly that.
  if (setting.direction === 'TO_BOOKS') {
    throw badUserInput(
      'Product syncs send books items to desk products, which direction TO_BOOKS forbids; desk products into books is not available yet',
    );
  }
  const input: ProductSyncRunInput = { organizationId };
  const [{ count }]: { count: number }[] = await ctx.db.query(
    'SELECT count(*)::int AS count FROM books.item WHERE organization_id = $1',
    [organizationId],
  );
  return { direction: 'INTO_DESK', input: { ...input }, total: count };
}

import { badUserInput, notFound } from '../../../shared/errors';
import type { SyncRunRecord } from '../../../shared/jobs/syncRuns';
import { isUuid } from '../../../shared/loaders';
import type { InventoryContext } from '../context';
import { ItemSyncSetting } from '../entities';
import type { ProductPriceField, ProductTextField } from '../entities/ItemSyncSetting';
import type { ItemSyncInput } from '../jobs/itemSync';
import { inventorySyncRuns, ITEM_SYNC } from '../jobs/runs';
import { enabledOrganization } from './integration';

type ItemField = ProductTextField | ProductPriceField;

const TEXT_FIELDS: readonly ItemField[] = ['NAME', 'SKU'];
const PRICE_FIELDS: readonly ItemField[] = ['RATE', 'PURCHASE_RATE'];

export function itemSyncSetting(ctx: InventoryContext): Promise<ItemSyncSetting> {
  return ctx.db.getRepository(ItemSyncSetting).findOneByOrFail({ id: 1 });
}

/** INV-3: departments are desk's, so they are checked against desk's API. */
export async function updateItemSync(
  ctx: InventoryContext,
  input: {
    enabled: boolean;
    departmentIds: string[];
    mapping?: { productName: ItemField; productCode: ItemField; unitPrice: ItemField } | null;
  },
): Promise<ItemSyncSetting> {
  const departmentIds = [...new Set(input.departmentIds)];
  if (input.enabled && departmentIds.length === 0) {
    throw badUserInput('Choose at least one department to sync items to', {
      field: 'departmentIds',
    });
  }
  const mapping = input.mapping;
  if (mapping) {
    if (!TEXT_FIELDS.includes(mapping.productName) || !TEXT_FIELDS.includes(mapping.productCode)) {
      throw badUserInput('productName and productCode map from NAME or SKU', { field: 'mapping' });
    }
    if (!PRICE_FIELDS.includes(mapping.unitPrice)) {
      throw badUserInput('unitPrice maps from RATE or PURCHASE_RATE', { field: 'mapping' });
    }
  }
  if (departmentIds.length > 0) {
    const { departments } = await ctx
      .desk()
      .request<{ departments: { id: string }[] }>(
        'query InventoryDepartments { departments { id } }',
      );
    const known = new Set(departments.map((d) => d.id));
    const unknown = departmentIds.find((id) => !known.has(id));
    if (unknown) throw notFound('Department', unknown);
  }
  return ctx.db.transaction(async (manager) => {
    const setting = await manager.findOneByOrFail(ItemSyncSetting, { id: 1 });
    setting.enabled = input.enabled;
    setting.departmentIds = departmentIds;
    if (mapping) {
      setting.productName = mapping.productName as ProductTextField;
      setting.productCode = mapping.productCode as ProductTextField;
      setting.unitPrice = mapping.unitPrice as ProductPriceField;
    }
    // Switching the sync off stops what is queued or running.
    if (!input.enabled) await inventorySyncRuns.requestStopOfKind(manager, ITEM_SYNC);
    return manager.save(setting);
  });
}

/** One item sync per organization may be queued or running; a second start returns it. */
export async function startItemSync(
  ctx: InventoryContext,
): Promise<{ run: SyncRunRecord; started: boolean }> {
  const organizationId = await enabledOrganization(ctx, 'syncing items');
  const setting = await itemSyncSetting(ctx);
  if (!setting.enabled) {
    throw badUserInput('Item sync is off: switch it on with updateInventoryItemSync first');
  }
  const { agentId } = await ctx.viewer();
  const input: ItemSyncInput = {
    organizationId,
    departmentIds: setting.departmentIds,
    mapping: {
      productName: setting.productName,
      productCode: setting.productCode,
      unitPrice: setting.unitPrice,
    },
  };
  return ctx.db.transaction(async (manager) => {
    const result = await inventorySyncRuns.start(manager, ctx.jobs, {
      kind: ITEM_SYNC,
      direction: 'INTO_DESK',
      scope: organizationId,
      requestedBy: agentId,
      input: { ...input },
    });
    if (!result.started) return result;
    const [{ count }]: { count: number }[] = await manager.query(
      'SELECT count(*)::int AS count FROM inventory.item WHERE organization_id = $1',
      [organizationId],
    );
    await inventorySyncRuns.setTotal(manager, result.run.id, count);
    return { run: { ...result.run, total: count }, started: true };
  });
}

export async function stopItemSync(ctx: InventoryContext, id: string): Promise<SyncRunRecord> {
  const run = isUuid(id) ? await inventorySyncRuns.requestStop(ctx.db, id) : null;
  if (!run) throw notFound('InventorySyncRun', id);
  return run;
}

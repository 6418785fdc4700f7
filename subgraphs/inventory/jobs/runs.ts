import { SyncRuns } from '../../../shared/jobs/syncRuns';
import { INVENTORY_SCHEMA } from '../database';

/** Inventory's sync runs, in the inventory schema. */
export const inventorySyncRuns = new SyncRuns(INVENTORY_SCHEMA);

/** INV-3: items to desk products. */
export const ITEM_SYNC = 'ITEMS';

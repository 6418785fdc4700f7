import type { SubgraphJobs } from '../../../shared/jobs/workers';
import { itemSync } from './itemSync';
import { inventorySyncRuns } from './runs';

/** Inventory's background work: item syncs, and the e-mails it sends. */
export const inventoryJobs: SubgraphJobs = {
  runs: inventorySyncRuns,
  syncKinds: [itemSync],
  consumers: [],
  sendsMail: true,
};

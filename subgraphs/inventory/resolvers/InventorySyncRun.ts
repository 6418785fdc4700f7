import { syncRunFields } from '../../../shared/jobs/syncRunGraph';
import type { InventorySyncRunResolvers } from '../generated/resolvers';

export const InventorySyncRun: InventorySyncRunResolvers = {
  __resolveReference: ({ id }, ctx) => ctx.syncRuns.run.load(id),
  dataType: () => 'ITEMS',
  ...syncRunFields,
};

import { syncRunFields } from '../../../shared/jobs/syncRunGraph';
import type { BooksSyncDataType, BooksSyncRunResolvers } from '../generated/resolvers';

export const BooksSyncRun: BooksSyncRunResolvers = {
  __resolveReference: ({ id }, ctx) => ctx.syncRuns.run.load(id),
  // A run's kind is its data type (CONTACTS or PRODUCTS).
  dataType: (run) => run.kind as BooksSyncDataType,
  ...syncRunFields,
};

import { syncRunFields } from '../../../shared/jobs/syncRunGraph';
import { isUuid } from '../../../shared/loaders';
import type { DeskSyncKind, DeskSyncRunResolvers } from '../generated/resolvers';

export const DeskSyncRun: DeskSyncRunResolvers = {
  __resolveReference: ({ id }, ctx) => ctx.syncRuns.run.load(id),
  kind: (run) => run.kind as DeskSyncKind,
  ...syncRunFields,
  requestedBy: (run, _, ctx) =>
    run.requestedBy && isUuid(run.requestedBy)
      ? ctx.loaders.agent.load(run.requestedBy).catch(() => null)
      : null,
  fileName: (run) => (typeof run.input.fileName === 'string' ? run.input.fileName : null),
};

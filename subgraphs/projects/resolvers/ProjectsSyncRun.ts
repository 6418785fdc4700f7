import { syncRunFields } from '../../../shared/jobs/syncRunGraph';
import type { ProjectsSyncKind, ProjectsSyncRunResolvers } from '../generated/resolvers';
import type { UserImportInput } from '../jobs/userImport';

export const ProjectsSyncRun: ProjectsSyncRunResolvers = {
  __resolveReference: ({ id }, ctx) => ctx.loaders.syncRuns.run.load(id),
  // A run's kind is its ProjectsSyncKind (INTERNAL_USER_IMPORT or CLIENT_USER_IMPORT).
  kind: (run) => run.kind as ProjectsSyncKind,
  client: (run, _, ctx) => {
    const { clientId } = run.input as unknown as UserImportInput;
    return clientId ? ctx.loaders.client.load(clientId) : null;
  },
  progress: syncRunFields.progress,
  counts: syncRunFields.counts,
  // Projects keeps its run loaders with its others, in ctx.loaders.
  failures: (run, args, ctx) => ctx.loaders.syncRuns.failures.load({ run, ...args }),
};

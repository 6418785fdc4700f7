import { notFound } from '../../../shared/errors';
import { syncRunPage } from '../../../shared/jobs/syncRunGraph';
import type { SyncRunRecord, SyncRunStatus } from '../../../shared/jobs/syncRuns';
import { isUuid } from '../../../shared/loaders';
import type { Connection, PageArgs } from '../../../shared/pagination';
import type { ProjectsContext } from '../context';
import { projectsSyncRuns } from '../jobs';

/**
 * SYNC-1: a queued run stops at once, a running one at the start of its next chunk, keeping what
 * the chunks before it did (a stopped import deactivates nobody: it has not seen all of desk).
 */
export async function stopProjectSyncRun(ctx: ProjectsContext, id: string): Promise<SyncRunRecord> {
  const run = isUuid(id) ? await projectsSyncRuns.requestStop(ctx.db, id) : null;
  if (!run) throw notFound('ProjectsSyncRun', id);
  return run;
}

/** The runs of the retention period (7 days), newest first, as every subgraph lists its runs. */
export function projectSyncRunPage(
  ctx: ProjectsContext,
  args: PageArgs & { kind?: string | null; status?: SyncRunStatus | null },
): Promise<Connection<SyncRunRecord>> {
  return syncRunPage(ctx.db, projectsSyncRuns, args, {
    limits: ctx.limits,
    retentionDays: ctx.config.jobs.retentionDays,
  });
}

import { createHash } from 'node:crypto';
import { notFound } from '../../../shared/errors';
import type { SyncRunRecord } from '../../../shared/jobs/syncRuns';
import { isUuid } from '../../../shared/loaders';
import type { DeskContext } from '../context';
import { stageAssociationRows } from '../jobs/associationImport';
import { ASSOCIATION_IMPORT, deskSyncRuns } from '../jobs/runs';
import { parseUploadedFile } from './associationImport';

/** An agent's id (DeskSyncRun.requestedBy shows the agent); who else started it, prefixed. */
function requester(ctx: DeskContext): string {
  const { identity } = ctx;
  switch (identity.kind) {
    case 'agent':
      return identity.agentId;
    case 'service':
      return identity.onBehalfOf ?? `service:${identity.service}`;
    case 'partner':
      return `partner:${identity.partnerId}`;
  }
}

/**
 * ASC-6: the file is checked as a whole and staged with the run in one transaction, so a run
 * never exists without its rows; the rows themselves are applied by the worker. The same file
 * (name and content) started again while it runs joins that run.
 */
export async function startAssociationImport(
  ctx: DeskContext,
  input: { fileName: string; contentBase64: string },
): Promise<{ run: SyncRunRecord; started: boolean }> {
  const rows = await parseUploadedFile(input, Number.POSITIVE_INFINITY);
  const scope = createHash('sha256')
    .update(input.fileName)
    .update('\0')
    .update(input.contentBase64)
    .digest('hex');
  return ctx.db.transaction(async (manager) => {
    const result = await deskSyncRuns.start(manager, ctx.jobs, {
      kind: ASSOCIATION_IMPORT,
      direction: 'INTO_DESK',
      scope,
      requestedBy: requester(ctx),
      input: { fileName: input.fileName },
    });
    if (!result.started) return result;
    await stageAssociationRows(manager, result.run.id, rows);
    await deskSyncRuns.setTotal(manager, result.run.id, rows.length);
    return { run: { ...result.run, total: rows.length }, started: true };
  });
}

export async function stopDeskSyncRun(ctx: DeskContext, id: string): Promise<SyncRunRecord> {
  const run = isUuid(id) ? await deskSyncRuns.requestStop(ctx.db, id) : null;
  if (!run) throw notFound('DeskSyncRun', id);
  return run;
}

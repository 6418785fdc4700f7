import { useEffect } from 'react';
import { useQuery } from '@apollo/client/react';
import { words } from '../format';
import { DeskSyncRunDocument } from '../generated/operations';
import type { SyncRunStatus } from '../types';
import { ErrorMessage } from './ErrorMessage';

const POLL_MS = 1000;
const FINISHED: SyncRunStatus[] = ['SUCCEEDED', 'FAILED', 'STOPPED'];

/** A running sync run, asked again every second until it has ended. */
export function SyncRunProgress({ runId }: { runId: string }) {
  const { data, error, stopPolling } = useQuery(DeskSyncRunDocument, {
    variables: { id: runId },
    pollInterval: POLL_MS,
    fetchPolicy: 'network-only',
  });
  const run = data?.deskSyncRun;
  const finished = run !== undefined && run !== null && FINISHED.includes(run.status);
  useEffect(() => {
    if (finished) stopPolling();
  }, [finished, stopPolling]);
  if (!run) return <ErrorMessage error={error} />;
  const percent = run.progress.percent ?? (FINISHED.includes(run.status) ? 100 : 0);
  return (
    <div className="sync-run" data-testid="sync-run" data-status={run.status}>
      <p>
        Sync run {run.fileName ? `of ${run.fileName}` : ''}: <strong>{words(run.status)}</strong>
      </p>
      <progress
        max={100}
        value={FINISHED.includes(run.status) || run.progress.total ? percent : undefined}
        aria-label="Sync progress"
      />
      <p className="muted">
        {run.progress.processed}
        {run.progress.total !== null ? ` of ${run.progress.total}` : ''} records · added{' '}
        {run.counts.added} · updated {run.counts.updated} · unchanged {run.counts.unchanged} ·
        failed {run.counts.failed}
      </p>
      {run.error && <p className="error">{run.error}</p>}
      {run.failures.nodes.length > 0 && (
        <ul aria-label="Failures">
          {run.failures.nodes.map((failure, index) => (
            <li key={index}>
              {failure.record}: {failure.reason}
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage error={error} />
    </div>
  );
}

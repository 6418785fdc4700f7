import type { ProjectTaskStatus } from './taskSync';

/*
 * A task's status and percent complete move together: 100 % exactly when CLOSED. An edit may give
 * either, both or neither, and the pair it leaves must still hold that.
 */

export interface StatusAndPercent {
  status: ProjectTaskStatus;
  percentComplete: number;
}

export type StatusEdit =
  | { ok: true; value: StatusAndPercent }
  | { ok: false; field: 'status' | 'percentComplete'; reason: string };

const refuse = (field: 'status' | 'percentComplete', reason: string): StatusEdit => ({
  ok: false,
  field,
  reason,
});

/**
 * What `status` and `percentComplete` (each null when not given) make of `current` (null for a new
 * task, which starts OPEN at 0 %):
 * - CLOSED means 100 %, and 100 % closes the task;
 * - reopening a closed task without a percentage starts it again at 0 %, as a desk reopen does;
 * - a percentage below 100 on a closed task reopens it as IN_PROGRESS (or OPEN at 0 %).
 */
export function statusAndPercent(
  current: StatusAndPercent | null,
  status: ProjectTaskStatus | null,
  percentComplete: number | null,
): StatusEdit {
  if (
    percentComplete !== null &&
    !(Number.isInteger(percentComplete) && percentComplete >= 0 && percentComplete <= 100)
  ) {
    return refuse('percentComplete', 'percentComplete must be a whole number from 0 to 100');
  }
  const before = current ?? { status: 'OPEN', percentComplete: 0 };
  if (status === 'CLOSED') {
    if (percentComplete !== null && percentComplete !== 100) {
      return refuse('percentComplete', 'A CLOSED task is 100 % complete');
    }
    return { ok: true, value: { status, percentComplete: 100 } };
  }
  if (status !== null) {
    if (percentComplete === 100) {
      return refuse('percentComplete', `A task at 100 % is CLOSED, not ${status}`);
    }
    const percent = percentComplete ?? (before.status === 'CLOSED' ? 0 : before.percentComplete);
    return { ok: true, value: { status, percentComplete: percent } };
  }
  if (percentComplete === null) return { ok: true, value: before };
  if (percentComplete === 100) return { ok: true, value: { status: 'CLOSED', percentComplete } };
  if (before.status !== 'CLOSED') return { ok: true, value: { ...before, percentComplete } };
  return {
    ok: true,
    value: { status: percentComplete === 0 ? 'OPEN' : 'IN_PROGRESS', percentComplete },
  };
}

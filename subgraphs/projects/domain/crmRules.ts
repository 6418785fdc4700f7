import { daysBetween } from '../../../shared/dates';
import type { CrmTaskUpdatedPayload } from '../../../shared/events';
import {
  carriesWhatProjectsHas,
  fieldsFromCrm,
  percentAfterStatus,
  PROJECT_FIELD_OF,
  SYNCED_CRM_FIELDS,
  type ProjectTaskStatus,
  type SyncedTaskFields,
  taskSyncHash,
} from './taskSync';

/*
 * PRJ-6 and PRJ-7: changes projects refuses. From desk, a refused update changes nothing on the
 * project task; the caller records the refusal (one per desk event), tells the desk task and
 * e-mails the author. The same checks refuse a project-side edit (BAD_USER_INPUT).
 */

export type CrmRefusalRule = 'FIXED_SCHEDULE' | 'PARENT_COMPLETED';

export interface RuleProject {
  key: string;
  fixedSchedule: boolean;
  endDate: string | null;
}

export interface RuleTask {
  subject: string;
  status: ProjectTaskStatus;
  parentTaskId: string | null;
}

export interface RuleParent {
  subject: string;
  status: ProjectTaskStatus;
}

const dayCount = (days: number) => (days === 1 ? '1 day' : `${days} days`);

/**
 * PRJ-6: the reason a task's end date may not become `newEndDate`, or null. Only a fixed-schedule
 * project with an end date refuses, and only a date after that end; clearing the date is allowed.
 */
export function fixedScheduleRefusal(
  project: RuleProject,
  newEndDate: string | null,
): string | null {
  if (!project.fixedSchedule || project.endDate === null || newEndDate === null) return null;
  const late = daysBetween(project.endDate, newEndDate);
  if (late <= 0) return null;
  return (
    `Project ${project.key} has a fixed schedule ending ${project.endDate}; ` +
    `a task's end date of ${newEndDate} would be ${dayCount(late)} past it.`
  );
}

/**
 * PRJ-7: the reason a subtask may not go from CLOSED to `newStatus`, or null: reopening (to OPEN or
 * IN_PROGRESS) while its parent is CLOSED. A top-level task, or one that is not closed, may.
 */
export function reopenRefusal(
  task: RuleTask,
  parent: RuleParent | null,
  newStatus: ProjectTaskStatus,
): string | null {
  if (task.parentTaskId === null || parent === null) return null;
  if (task.status !== 'CLOSED' || newStatus === 'CLOSED') return null;
  if (parent.status !== 'CLOSED') return null;
  return (
    `The subtask "${task.subject}" cannot be reopened while its parent task ` +
    `"${parent.subject}" is completed; reopen the parent first.`
  );
}

/** The project task as the plan needs it: its shared fields, status rules and percentage. */
export interface PlanTask extends RuleTask {
  fields: SyncedTaskFields;
  percentComplete: number;
  crmSyncedHash: string | null;
}

export type CrmUpdatePlan =
  /** Nothing to change: no mirrored field named, or the values are what projects has. */
  | { kind: 'NONE' }
  /**
   * The fields to set on the project task; the hash to store as crm_synced_hash (null: keep the
   * stored one); whether projects then sends its values to desk (as itself, so no echo).
   */
  | {
      kind: 'APPLY';
      changes: Partial<SyncedTaskFields> & { percentComplete?: number };
      syncedHash: string | null;
      pushBack: boolean;
    }
  /** PRJ-6/PRJ-7: nothing changes; record, tell desk and e-mail the author. */
  | { kind: 'REFUSE'; rule: CrmRefusalRule; reason: string };

/**
 * PRJ-3, PRJ-6, PRJ-7: what a desk `desk.crm_task.updated` event does to its linked project task.
 * (The caller has already dropped events projects caused itself: taskSync's isOwnEcho.)
 *
 * Only the mirrored fields the event names in `changed` count, and of those only the ones whose
 * value differs from the project task's: a field desk did not change this time (say an end date
 * refused earlier and still on desk) is neither taken nor refused again. An event whose values
 * hash like what projects already has changes nothing. Then the rules, PRJ-6 before PRJ-7: one
 * refused field refuses the whole update (one refusal per event, naming the first rule broken).
 */
export function planCrmTaskUpdate(
  payload: CrmTaskUpdatedPayload,
  task: PlanTask,
  project: RuleProject,
  parent: RuleParent | null,
): CrmUpdatePlan {
  const named = SYNCED_CRM_FIELDS.filter((field) => payload.changed.includes(field));
  if (named.length === 0) return { kind: 'NONE' };
  const incoming = fieldsFromCrm(payload);
  if (carriesWhatProjectsHas(incoming, task.fields, task.crmSyncedHash)) return { kind: 'NONE' };

  const changes: Partial<SyncedTaskFields> & { percentComplete?: number } = {};
  for (const crmField of named) {
    const field = PROJECT_FIELD_OF[crmField];
    if (incoming[field] !== task.fields[field])
      Object.assign(changes, { [field]: incoming[field] });
  }
  if (Object.keys(changes).length === 0) return { kind: 'NONE' };

  if (changes.endDate !== undefined) {
    const reason = fixedScheduleRefusal(project, changes.endDate);
    if (reason !== null) return { kind: 'REFUSE', rule: 'FIXED_SCHEDULE', reason };
  }
  if (changes.status !== undefined) {
    const reason = reopenRefusal(task, parent, changes.status);
    if (reason !== null) return { kind: 'REFUSE', rule: 'PARENT_COMPLETED', reason };
    const percent = percentAfterStatus(task, changes.status);
    if (percent !== task.percentComplete) changes.percentComplete = percent;
  }
  // Agreeing on every shared field is a new point both sides agree on. Otherwise a field desk
  // did not name differs (a pending project-side change, or a value refused earlier that desk
  // still shows): the stored hash stays, and projects sends its values back.
  const after: SyncedTaskFields = { ...task.fields, ...changes };
  const agreed = taskSyncHash(after) === taskSyncHash(incoming);
  return {
    kind: 'APPLY',
    changes,
    syncedHash: agreed ? taskSyncHash(after) : null,
    pushBack: !agreed,
  };
}

import { createHash } from 'node:crypto';
import type { CausedBy, CrmTaskPayload } from '../../../shared/events';

/*
 * PRJ-3: the fields a project task and its linked desk CrmTask share, and how each side names
 * them: subject ↔ subject, description ↔ description, endDate ↔ dueDate, priority ↔ priority (the
 * same four values), CLOSED ↔ COMPLETED with OPEN and IN_PROGRESS alike on both sides, and the
 * task's first owner's desk agent ↔ the CrmTask's owner. Comments go both ways separately.
 *
 * No echo: a change projects writes to desk is made as the service `projects`, so desk's event
 * for it says so in causedBy and is ignored (isOwnEcho). Any other event whose values hash like
 * what projects already has (taskSyncHash against the task's crm_synced_hash or its current
 * values) changes nothing; after applying one, crm_synced_hash becomes the hash of the new values,
 * so the change projects then checks for sending back (needsPushToCrm) finds nothing to send.
 */

export const PROJECT_TASK_STATUSES = ['OPEN', 'IN_PROGRESS', 'CLOSED'] as const;
export type ProjectTaskStatus = (typeof PROJECT_TASK_STATUSES)[number];

export const CRM_TASK_STATUSES = ['OPEN', 'IN_PROGRESS', 'COMPLETED'] as const;
export type CrmTaskStatus = (typeof CRM_TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['NONE', 'LOW', 'MEDIUM', 'HIGH'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** The service name projects writes to desk as, which desk's events repeat in causedBy. */
export const PROJECTS_SERVICE = 'projects';

/** The shared fields by the project task's names. */
export interface SyncedTaskFields {
  subject: string;
  description: string | null;
  /** Desk's dueDate, `YYYY-MM-DD`. */
  endDate: string | null;
  priority: TaskPriority;
  status: ProjectTaskStatus;
  /** The desk agent of the task's first owner; desk's owner. Null when projects has none. */
  ownerDeskAgentId: string | null;
}

/** The desk CrmTask fields PRJ-3 mirrors, by the names desk's payload and `changed` use. */
export const SYNCED_CRM_FIELDS = [
  'subject',
  'description',
  'dueDate',
  'priority',
  'status',
  'ownerId',
] as const;
export type SyncedCrmField = (typeof SYNCED_CRM_FIELDS)[number];

/** Each desk field's name on the project task. */
export const PROJECT_FIELD_OF: Readonly<Record<SyncedCrmField, keyof SyncedTaskFields>> = {
  subject: 'subject',
  description: 'description',
  dueDate: 'endDate',
  priority: 'priority',
  status: 'status',
  ownerId: 'ownerDeskAgentId',
};

export function crmStatusOf(status: ProjectTaskStatus): CrmTaskStatus {
  return status === 'CLOSED' ? 'COMPLETED' : status;
}

export function projectStatusOf(status: string): ProjectTaskStatus {
  if (status === 'COMPLETED') return 'CLOSED';
  if (status === 'OPEN' || status === 'IN_PROGRESS') return status;
  throw new RangeError(`not a CRM task status: "${status}"`);
}

export function taskPriorityOf(priority: string): TaskPriority {
  if ((TASK_PRIORITIES as readonly string[]).includes(priority)) return priority as TaskPriority;
  throw new RangeError(`not a task priority: "${priority}"`);
}

/** Trimmed; empty is none, as desk stores it. */
function optionalText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/** A desk task's shared fields by the project task's names. */
export function fieldsFromCrm(
  task: Pick<CrmTaskPayload, 'subject' | 'description' | 'dueDate' | 'priority' | 'status'> & {
    ownerId: string | null;
  },
): SyncedTaskFields {
  return {
    subject: task.subject.trim(),
    description: optionalText(task.description),
    endDate: task.dueDate ?? null,
    priority: taskPriorityOf(task.priority),
    status: projectStatusOf(task.status),
    ownerDeskAgentId: task.ownerId ?? null,
  };
}

/** What desk's createCrmTask / updateCrmTask take for a project task's shared fields. */
export interface CrmTaskValues {
  subject: string;
  description: string | null;
  dueDate: string | null;
  priority: TaskPriority;
  status: CrmTaskStatus;
  /** Left out when projects has no owner with a desk agent: desk keeps (or picks) its own. */
  ownerId?: string;
}

export function crmValuesOf(fields: SyncedTaskFields): CrmTaskValues {
  const values: CrmTaskValues = {
    subject: fields.subject.trim(),
    description: optionalText(fields.description),
    dueDate: fields.endDate,
    priority: fields.priority,
    status: crmStatusOf(fields.status),
  };
  if (fields.ownerDeskAgentId !== null) values.ownerId = fields.ownerDeskAgentId;
  return values;
}

/**
 * The shared fields hashed (SHA-256, hex) in a fixed order that must therefore never change,
 * stored as task.crm_synced_hash when both sides last agree. Pass either side's values (desk's
 * through fieldsFromCrm): they hash alike when the two agree. Subject and description are
 * trimmed and an empty description is none, as desk stores them.
 */
export function taskSyncHash(fields: SyncedTaskFields): string {
  const canonical = [
    fields.subject.trim(),
    optionalText(fields.description),
    fields.endDate,
    fields.priority,
    fields.status,
    fields.ownerDeskAgentId,
  ];
  return createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex');
}

/** A desk event projects caused itself (its own write coming back): ignored. */
export function isOwnEcho(causedBy: CausedBy): boolean {
  return causedBy.kind === 'service' && causedBy.service === PROJECTS_SERVICE;
}

/**
 * Whether a desk task's values are already what projects has: as both sides last agreed
 * (syncedHash), or as the project task is now. Such an event changes nothing.
 */
export function carriesWhatProjectsHas(
  crmFields: SyncedTaskFields,
  current: SyncedTaskFields,
  syncedHash: string | null,
): boolean {
  const hash = taskSyncHash(crmFields);
  return hash === syncedHash || hash === taskSyncHash(current);
}

/** Whether a linked task has changed since both sides last agreed, so desk must be told. */
export function needsPushToCrm(current: SyncedTaskFields, syncedHash: string | null): boolean {
  return taskSyncHash(current) !== syncedHash;
}

/**
 * The percent complete a status change from desk leaves: 100 when closed; a reopened task goes
 * back to 0, since desk has no percentage to say how much is left; otherwise unchanged.
 */
export function percentAfterStatus(
  before: { status: ProjectTaskStatus; percentComplete: number },
  status: ProjectTaskStatus,
): number {
  if (status === 'CLOSED') return 100;
  if (before.status === 'CLOSED') return 0;
  return before.percentComplete;
}

import type { EntityManager } from 'typeorm';
import type { CausedBy, CrmTaskUpdatedPayload } from '../../../shared/events';
import type { JobQueue } from '../../../shared/jobs/queue';
import type { Logger } from '../../../shared/logger';
import { queueMail } from '../../../shared/mail/outbox';
import type { SubgraphClient } from '../../../shared/subgraphClient';
import { PROJECTS_SCHEMA } from '../database';
import type { CrmUpdatePlan } from '../domain/crmRules';
import {
  type CrmTaskValues,
  crmValuesOf,
  SYNCED_CRM_FIELDS,
  type SyncedTaskFields,
} from '../domain/taskSync';
import { CrmUpdateRefusal, type Project, type Task } from '../entities';
import { logDeskRefusal } from './desk';
import { deskAgent, internalUserOfAgent } from './deskAgents';
import { refusalMail } from './refusalMail';

/** What the refusal e-mails are filed under in projects.mail_message. */
export const REFUSAL_MAIL_RELATED_TYPE = 'crm_update_refusal';

const REFUSE_CRM_TASK_UPDATE = /* GraphQL */ `
  mutation RefuseCrmTaskUpdate($taskId: ID!, $input: RefuseCrmTaskUpdateInput!) {
    refuseCrmTaskUpdate(taskId: $taskId, input: $input) {
      id
    }
  }
`;

/**
 * The desk agent who made a change: the agent, or the one a service acted for; else none (a
 * service on its own, or a partner application, which has no one to write to).
 */
export function authorAgentOf(causedBy: CausedBy): string | null {
  switch (causedBy.kind) {
    case 'agent':
      return causedBy.agentId;
    case 'service':
      return causedBy.onBehalfOf;
    case 'partner':
      return null;
  }
}

/**
 * The project task's values of the mirrored fields a desk update named, by desk's names: what the
 * desk task is put back to. Named fields that did not differ come along unchanged, which desk
 * leaves as they are; the owner only when projects has one with a desk agent.
 */
export function restoreOf(changed: readonly string[], fields: SyncedTaskFields) {
  const values = crmValuesOf(fields);
  const restore: Partial<CrmTaskValues> = {};
  for (const field of SYNCED_CRM_FIELDS) {
    if (changed.includes(field) && values[field] !== undefined) {
      Object.assign(restore, { [field]: values[field] });
    }
  }
  return restore;
}

export interface RefusedUpdate {
  eventId: string;
  causedBy: CausedBy;
  payload: CrmTaskUpdatedPayload;
  task: Task;
  project: Project;
  /** The project task's shared fields, which stay as they are. */
  fields: SyncedTaskFields;
  plan: Extract<CrmUpdatePlan, { kind: 'REFUSE' }>;
}

/**
 * PRJ-6/PRJ-7: a desk update projects does not apply. Nothing changes on the project task; in
 * the event's transaction the refusal is recorded (one per desk event) and the author's e-mail
 * queued, then desk is told and puts the refused fields back. Desk's call comes last and is
 * idempotent per event: if it fails, all of this rolls back and the event is retried; if desk
 * refuses it (the desk task was deleted since), there is nothing to put back and the rest stands.
 */
export async function refuseCrmUpdate(
  manager: EntityManager,
  deps: { jobs: JobQueue; desk: SubgraphClient; log: Logger },
  refused: RefusedUpdate,
): Promise<void> {
  const { task, project, plan, payload } = refused;
  const authorId = authorAgentOf(refused.causedBy);
  const author = authorId
    ? ((await internalUserOfAgent(manager, authorId)) ?? (await deskAgent(deps.desk, authorId)))
    : null;
  const authorEmail = author ? author.email.trim().toLowerCase() : null;
  const inserted = await manager
    .createQueryBuilder()
    .insert()
    .into(CrmUpdateRefusal)
    .values({
      taskId: task.id,
      deskCrmTaskId: payload.taskId,
      eventId: refused.eventId,
      rule: plan.rule,
      reason: plan.reason,
      authorEmail,
    })
    .orIgnore()
    .returning(['id'])
    .execute();
  const [row] = inserted.raw as { id: string }[];
  // Refused already for this event (the consumer applies an event once; this holds regardless).
  if (!row) return;

  const restore = restoreOf(payload.changed, refused.fields);
  if (author && authorEmail) {
    await queueMail(manager, deps.jobs, PROJECTS_SCHEMA, {
      toAddress: authorEmail,
      toName: author.name,
      ...refusalMail({
        authorName: author.name,
        crmTaskSubject: payload.subject,
        projectKey: project.key,
        projectName: project.name,
        taskSubject: task.subject,
        rule: plan.rule,
        reason: plan.reason,
        restored: restore,
      }),
      relatedType: REFUSAL_MAIL_RELATED_TYPE,
      relatedId: row.id,
    });
  }
  await deps.desk
    .request(REFUSE_CRM_TASK_UPDATE, {
      taskId: payload.taskId,
      input: { eventId: refused.eventId, reason: plan.reason, restore },
    })
    .catch((error: unknown) =>
      logDeskRefusal(error, deps.log, { refusal: row.id, crmTask: payload.taskId }),
    );
}

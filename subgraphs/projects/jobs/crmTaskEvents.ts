import type { EntityManager } from 'typeorm';
import type {
  CrmTaskCommentedPayload,
  CrmTaskUpdatedPayload,
  DomainEvent,
} from '../../../shared/events';
import type { ConsumerDependencies, EventConsumer } from '../../../shared/jobs/consumer';
import type { SubgraphClient } from '../../../shared/subgraphClient';
import { PROJECTS_SCHEMA } from '../database';
import { type CrmUpdatePlan, planCrmTaskUpdate, type PlanTask } from '../domain/crmRules';
import { isOwnEcho } from '../domain/taskSync';
import { Project, Task, TaskComment, TaskOwner } from '../entities';
import { publishProjectsEvent } from '../events';
import { refuseCrmUpdate } from '../services/crmRefusals';
import { deskAsProjects } from '../services/desk';
import { deskAgent, importedInternalUser, internalUserOfAgent } from '../services/deskAgents';
import { syncedFieldsOf } from '../services/taskRows';

/**
 * PRJ-3 desk → projects, PRJ-6, PRJ-7: desk's changes of a CRM task reach the project task linked
 * to it. The consumer machinery applies each event id once, in the transaction of its effect;
 * events of desk tasks no project task is linked to, and those projects caused itself (its own
 * writes to desk coming back), change nothing.
 */
export const crmTaskEventsConsumer: EventConsumer = {
  name: 'projects-crm-task-events',
  schema: PROJECTS_SCHEMA,
  events: ['desk.crm_task.updated', 'desk.crm_task.commented'],
  handle: applyCrmTaskEvent,
};

async function applyCrmTaskEvent(
  event: DomainEvent,
  manager: EntityManager,
  deps: ConsumerDependencies,
): Promise<void> {
  if (isOwnEcho(event.causedBy)) return;
  // As projects itself: no agent asked for this work.
  const desk = deskAsProjects(deps.config, null);
  // The payload's type follows from the event's, which each branch names.
  if (event.type === 'desk.crm_task.updated') {
    await applyUpdate(event as DomainEvent<'desk.crm_task.updated'>, manager, { ...deps, desk });
  } else if (event.type === 'desk.crm_task.commented') {
    await applyComment(event.payload as CrmTaskCommentedPayload, manager, desk, event.occurredAt);
  }
}

async function applyUpdate(
  event: DomainEvent<'desk.crm_task.updated'>,
  manager: EntityManager,
  deps: ConsumerDependencies & { desk: SubgraphClient },
): Promise<void> {
  const payload: CrmTaskUpdatedPayload = event.payload;
  // Locked, so that an edit in projects and this event do not both judge the same old values.
  const task = await manager.findOne(Task, {
    where: { deskCrmTaskId: payload.taskId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!task) return;
  const project = await manager.findOneByOrFail(Project, { id: task.projectId });
  const parent = task.parentTaskId
    ? await manager.findOneByOrFail(Task, { id: task.parentTaskId })
    : null;
  const fields = await syncedFieldsOf(manager, task);
  const planTask: PlanTask = {
    subject: task.subject,
    status: task.status,
    parentTaskId: task.parentTaskId,
    fields,
    percentComplete: task.percentComplete,
    crmSyncedHash: task.crmSyncedHash,
  };
  const plan = planCrmTaskUpdate(
    payload,
    planTask,
    { key: project.key, fixedSchedule: project.fixedSchedule, endDate: project.endDate },
    parent ? { subject: parent.subject, status: parent.status } : null,
  );
  const about = { event: event.id, task: task.id, crmTask: payload.taskId, plan: plan.kind };
  switch (plan.kind) {
    case 'NONE':
      return;
    case 'APPLY':
      await applyPlan(manager, deps.desk, task, plan);
      deps.log.info(about, 'desk task update applied');
      return;
    case 'REFUSE':
      await refuseCrmUpdate(manager, deps, {
        eventId: event.id,
        causedBy: event.causedBy,
        payload,
        task,
        project,
        fields,
        plan,
      });
      deps.log.info({ ...about, rule: plan.rule }, 'desk task update refused');
  }
}

async function applyPlan(
  manager: EntityManager,
  desk: SubgraphClient,
  task: Task,
  plan: Extract<CrmUpdatePlan, { kind: 'APPLY' }>,
): Promise<void> {
  const { ownerDeskAgentId, ...own } = plan.changes;
  Object.assign(task, own);
  // Desk has no start date: one that the new end date would come before moves with it, as the
  // table requires a task to end on or after its start.
  if (task.endDate !== null && task.startDate !== null && task.startDate > task.endDate) {
    task.startDate = task.endDate;
  }
  if (plan.syncedHash !== null) {
    task.crmSyncedHash = plan.syncedHash;
    task.crmSyncedAt = new Date();
  }
  await manager.save(task);
  if (ownerDeskAgentId) await makeFirstOwner(manager, desk, task.id, ownerDeskAgentId);
  if (plan.pushBack) {
    // Desk is behind on a field it did not name; the push to desk is another consumer's work.
    await publishProjectsEvent(manager, 'projects.task.changed', task.id, {
      taskId: task.id,
      crmTaskId: task.deskCrmTaskId as string,
    });
  }
}

/**
 * Desk's new owner becomes the task's first owner in place of the previous one, who was only the
 * owner desk knew; the other owners keep their order after it.
 */
async function makeFirstOwner(
  manager: EntityManager,
  desk: SubgraphClient,
  taskId: string,
  agentId: string,
): Promise<void> {
  const user = await importedInternalUser(manager, desk, agentId);
  const owners = await manager.find(TaskOwner, { where: { taskId }, order: { position: 'ASC' } });
  const others = owners.slice(1).filter((owner) => owner.userId !== user.id);
  await manager.delete(TaskOwner, { taskId });
  await manager.insert(
    TaskOwner,
    [user.id, ...others.map((owner) => owner.userId)].map((userId, index) => ({
      taskId,
      userId,
      position: index + 1,
    })),
  );
}

/**
 * A desk comment on a linked task becomes a project comment, once: desk_comment_id is unique. Its
 * author is the agent's projects user when imported, otherwise only the agent's name.
 */
async function applyComment(
  payload: CrmTaskCommentedPayload,
  manager: EntityManager,
  desk: SubgraphClient,
  occurredAt: string,
): Promise<void> {
  const task = await manager.findOneBy(Task, { deskCrmTaskId: payload.taskId });
  if (!task) return;
  const user = await internalUserOfAgent(manager, payload.authorId);
  const authorName = user?.name ?? (await deskAgent(desk, payload.authorId)).name;
  await manager
    .createQueryBuilder()
    .insert()
    .into(TaskComment)
    .values({
      taskId: task.id,
      authorUserId: user?.id ?? null,
      authorName,
      body: payload.body,
      deskCommentId: payload.commentId,
      // When it was written on desk, so that comments keep desk's order however late they come.
      createdAt: new Date(occurredAt),
    })
    .orIgnore()
    .execute();
}

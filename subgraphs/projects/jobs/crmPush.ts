import type { EntityManager } from 'typeorm';
import type {
  ProjectTaskChangedPayload,
  ProjectTaskCommentedPayload,
} from '../../../shared/events';
import type { ConsumerDependencies, EventConsumer } from '../../../shared/jobs/consumer';
import { PROJECTS_SCHEMA } from '../database';
import { crmValuesOf, needsPushToCrm } from '../domain/taskSync';
import { Task, TaskComment } from '../entities';
import { agreedHash, type DeskCrmTask, UPDATE_CRM_TASK } from '../services/crmLink';
import { deskAsProjects, logDeskRefusal } from '../services/desk';
import { syncedFieldsOf } from '../services/taskRows';

const ADD_CRM_TASK_COMMENT = `mutation ProjectsAddCrmTaskComment($taskId: ID!, $body: String!) {
  addCrmTaskComment(taskId: $taskId, body: $body) { id }
}`;

/**
 * Sends the linked task's shared fields as they are now, when they differ from what both sides
 * last agreed; several changes in a row therefore make one write, and a repeat none. As the
 * service projects on its own: the link was made by an agent allowed to, and desk's event for the
 * write names projects, which the desk consumer then ignores (no echo).
 */
async function pushTask(
  manager: EntityManager,
  payload: ProjectTaskChangedPayload,
  { config, log }: ConsumerDependencies,
): Promise<void> {
  const task = await manager.findOne(Task, {
    where: { id: payload.taskId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!task?.deskCrmTaskId) return;
  const fields = await syncedFieldsOf(manager, task);
  if (!needsPushToCrm(fields, task.crmSyncedHash)) return;
  const crmTask = await deskAsProjects(config, null)
    .request<{ updateCrmTask: DeskCrmTask }>(UPDATE_CRM_TASK, {
      id: task.deskCrmTaskId,
      input: crmValuesOf(fields),
    })
    .then((data) => data.updateCrmTask)
    .catch((error: unknown) => logDeskRefusal(error, log, { taskId: task.id }));
  if (!crmTask) return;
  // Not through save(): the task itself did not change, so its updated_at stays.
  await manager.query(
    `UPDATE projects.task SET crm_synced_hash = $2, crm_synced_at = now() WHERE id = $1`,
    [task.id, agreedHash(crmTask, fields)],
  );
}

/** Writes the comment on the desk task on its author's behalf, once: it then has desk's id. */
async function pushComment(
  manager: EntityManager,
  payload: ProjectTaskCommentedPayload,
  { config, log }: ConsumerDependencies,
): Promise<void> {
  const comment = await manager.findOne(TaskComment, {
    where: { id: payload.commentId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!comment || comment.deskCommentId) return;
  const created = await deskAsProjects(config, payload.authorAgentId)
    .request<{ addCrmTaskComment: { id: string } }>(ADD_CRM_TASK_COMMENT, {
      taskId: payload.crmTaskId,
      body: comment.body,
    })
    .catch((error: unknown) => logDeskRefusal(error, log, { commentId: comment.id }));
  if (!created) return;
  await manager.update(TaskComment, comment.id, { deskCommentId: created.addCrmTaskComment.id });
}

/** PRJ-3, projects → desk: the changes and comments projects recorded for linked tasks. */
export const crmPushConsumer: EventConsumer = {
  name: 'projects-crm-push',
  schema: PROJECTS_SCHEMA,
  events: ['projects.task.changed', 'projects.task.commented'],
  handle: async (event, manager, deps) => {
    if (event.type === 'projects.task.changed') {
      await pushTask(manager, event.payload as ProjectTaskChangedPayload, deps);
    } else if (event.type === 'projects.task.commented') {
      await pushComment(manager, event.payload as ProjectTaskCommentedPayload, deps);
    }
  },
};

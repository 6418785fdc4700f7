import type { EntityManager } from 'typeorm';
import { notFound } from '../../../shared/errors';
import { isUuid } from '../../../shared/loaders';
import type { SyncedTaskFields } from '../domain/taskSync';
import { ProjectsUser, Task, TaskOwner } from '../entities';

/** The task row, locked until the transaction ends: edits and syncs of one task take turns. */
export async function lockedTask(manager: EntityManager, id: string): Promise<Task> {
  const task = isUuid(id)
    ? await manager.findOne(Task, { where: { id }, lock: { mode: 'pessimistic_write' } })
    : null;
  if (!task) throw notFound('ProjectTask', id);
  return task;
}

/** The shared fields of PRJ-3 as the task has them now; the first owner's desk agent is desk's owner. */
export async function syncedFieldsOf(
  manager: EntityManager,
  task: Task,
): Promise<SyncedTaskFields> {
  const first = await manager
    .createQueryBuilder(ProjectsUser, 'user')
    .innerJoin(TaskOwner, 'owner', 'owner.user_id = user.id')
    .where('owner.task_id = :taskId', { taskId: task.id })
    .orderBy('owner.position', 'ASC')
    .getOne();
  return {
    subject: task.subject,
    description: task.description,
    endDate: task.endDate,
    priority: task.priority,
    status: task.status,
    ownerDeskAgentId: first?.deskAgentId ?? null,
  };
}

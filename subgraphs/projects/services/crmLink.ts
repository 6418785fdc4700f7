import type { EntityManager } from 'typeorm';
import { badUserInput } from '../../../shared/errors';
import type { ProjectsContext } from '../context';
import { crmLinkRefusal } from '../domain/crmChoices';
import {
  crmValuesOf,
  fieldsFromCrm,
  type SyncedTaskFields,
  taskSyncHash,
} from '../domain/taskSync';
import type { Task } from '../entities';
import type { ProjectCrmLinkInput } from '../generated/resolvers';
import { linkChoicesFor } from './crmLinkChoices';
import { actingAgentId, deskAsProjects, relayDeskRefusal } from './desk';
import { lockedTask, syncedFieldsOf } from './taskRows';

const CRM_TASK_FIELDS = 'id subject description dueDate priority status owner { id }';

const CREATE_CRM_TASK = `mutation ProjectsCreateCrmTask($input: CreateCrmTaskInput!) {
  createCrmTask(input: $input) { ${CRM_TASK_FIELDS} }
}`;

export const UPDATE_CRM_TASK = `mutation ProjectsUpdateCrmTask($id: ID!, $input: UpdateCrmTaskInput!) {
  updateCrmTask(id: $id, input: $input) { ${CRM_TASK_FIELDS} }
}`;

/** Desk's CrmTask as projects reads it back after writing it. */
export interface DeskCrmTask {
  id: string;
  subject: string;
  description: string | null;
  dueDate: string | null;
  priority: string;
  status: string;
  owner: { id: string };
}

/**
 * The hash of what desk now holds, after projects wrote `fields` to it: from here on, what both
 * sides agree on (PRJ-3). A task without an owner from desk leaves desk's owner to desk (its
 * creator, at first), so the owner only counts when projects has one.
 */
export function agreedHash(crmTask: DeskCrmTask, fields: SyncedTaskFields): string {
  const held = fieldsFromCrm({ ...crmTask, ownerId: crmTask.owner.id });
  return taskSyncHash(
    fields.ownerDeskAgentId === null ? { ...held, ownerDeskAgentId: null } : held,
  );
}

/**
 * PRJ-4/PRJ-5: creates the task's desk CRM task, for one of crmLinkChoices' choices, through
 * desk's API on behalf of the agent (whose desk permissions apply), and marks the link. Runs in
 * the caller's transaction with the task locked, so a refusal from desk saves nothing and two
 * requests cannot link one task twice. Desk creates a task OPEN; any other status follows in a
 * second call, both as projects, so neither comes back as a change.
 */
export async function addTaskToCrm(
  ctx: ProjectsContext,
  manager: EntityManager,
  task: Task,
  link: ProjectCrmLinkInput,
): Promise<Task> {
  const desk = deskAsProjects(ctx.config, actingAgentId(ctx.identity, 'add a task to the CRM'));
  if (task.deskCrmTaskId) {
    throw badUserInput('The task is already added to the CRM', { argument: 'taskId' });
  }
  const refusal = crmLinkRefusal(await linkChoicesFor(ctx, { projectId: task.projectId }), link);
  if (refusal) throw badUserInput(refusal, { argument: 'link' });
  const fields = await syncedFieldsOf(manager, task);
  const { status, ...values } = crmValuesOf(fields);
  let crmTask = await desk
    .request<{ createCrmTask: DeskCrmTask }>(CREATE_CRM_TASK, {
      input: { ...values, accountId: link.accountId ?? null, dealId: link.dealId ?? null },
    })
    .then((data) => data.createCrmTask)
    .catch((error: unknown) => relayDeskRefusal(error, 'the new CRM task'));
  if (crmTask.status !== status) {
    crmTask = await desk
      .request<{ updateCrmTask: DeskCrmTask }>(UPDATE_CRM_TASK, {
        id: crmTask.id,
        input: { status },
      })
      .then((data) => data.updateCrmTask)
      .catch((error: unknown) => relayDeskRefusal(error, "the CRM task's status"));
  }
  const now = new Date();
  Object.assign(task, {
    deskCrmTaskId: crmTask.id,
    crmAccountId: link.accountId ?? null,
    crmDealId: link.dealId ?? null,
    crmLinkedAt: now,
    crmSyncedHash: agreedHash(crmTask, fields),
    crmSyncedAt: now,
  });
  return manager.save(task);
}

/** PRJ-5: adds an existing task to the CRM later. */
export function addProjectTaskToCrm(
  ctx: ProjectsContext,
  taskId: string,
  link: ProjectCrmLinkInput,
): Promise<Task> {
  return ctx.db.transaction(async (manager) =>
    addTaskToCrm(ctx, manager, await lockedTask(manager, taskId), link),
  );
}

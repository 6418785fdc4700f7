import { type EntityManager, In } from 'typeorm';
import { badUserInput } from '../../../shared/errors';
import { existing, existingOne, optionalText, requiredText } from '../../../shared/validation';
import type { ProjectsContext } from '../context';
import { fixedScheduleRefusal, reopenRefusal } from '../domain/crmRules';
import { statusAndPercent } from '../domain/taskStatus';
import { needsPushToCrm } from '../domain/taskSync';
import { Project, ProjectMember, ProjectsUser, Task, TaskList, TaskOwner } from '../entities';
import { publishProjectsEvent } from '../events';
import type { CreateProjectTaskInput, UpdateProjectTaskInput } from '../generated/resolvers';
import { addTaskToCrm } from './crmLink';
import { lockedTask, syncedFieldsOf } from './taskRows';

function notNull<T>(field: string, value: T | null | undefined): T | undefined {
  if (value === null) throw badUserInput(`${field} cannot be cleared`, { field });
  return value;
}

async function listOf(manager: EntityManager, project: Project, listId: string): Promise<string> {
  const list = await existingOne(manager, TaskList, 'ProjectTaskList', listId);
  if (list.projectId !== project.id) {
    throw badUserInput(`taskListId is a list of another project than ${project.key}`, {
      field: 'taskListId',
    });
  }
  return list.id;
}

/** A parent must be a top-level task of the same project: subtasks are one level deep. */
async function parentOf(
  manager: EntityManager,
  project: Project,
  parentId: string,
  task: Task | null,
): Promise<Task> {
  const parent = await existingOne(manager, Task, 'ProjectTask', parentId);
  if (parent.projectId !== project.id) {
    throw badUserInput(`parentId is a task of another project than ${project.key}`, {
      field: 'parentId',
    });
  }
  if (parent.parentTaskId !== null) {
    throw badUserInput('parentId is a subtask; subtasks cannot have subtasks', {
      field: 'parentId',
    });
  }
  if (task && parent.id === task.id) {
    throw badUserInput('A task cannot be its own parent', { field: 'parentId' });
  }
  if (task && (await manager.existsBy(Task, { parentTaskId: task.id }))) {
    throw badUserInput('A task with subtasks cannot become a subtask', { field: 'parentId' });
  }
  return parent;
}

/** Owners are active users of the project, each once, kept in the order given. */
async function checkedOwners(
  manager: EntityManager,
  project: Project,
  ownerIds: readonly string[],
): Promise<string[]> {
  if (new Set(ownerIds).size !== ownerIds.length) {
    throw badUserInput('ownerIds names a user twice', { field: 'ownerIds' });
  }
  const users = await existing(manager, ProjectsUser, 'ProjectUser', ownerIds);
  const members = await manager.findBy(ProjectMember, {
    projectId: project.id,
    userId: In([...ownerIds]),
  });
  const memberIds = new Set(members.map((member) => member.userId));
  const outsider = ownerIds.find((id) => !memberIds.has(id));
  if (outsider) {
    throw badUserInput(`User "${outsider}" is not a user of project ${project.key}`, {
      field: 'ownerIds',
    });
  }
  const inactive = [...users.values()].find((user) => !user.active);
  if (inactive) {
    throw badUserInput(`${inactive.name} is no longer active and cannot own tasks`, {
      field: 'ownerIds',
    });
  }
  return [...ownerIds];
}

async function replaceOwners(manager: EntityManager, taskId: string, ownerIds: string[]) {
  await manager.delete(TaskOwner, { taskId });
  await manager.insert(
    TaskOwner,
    ownerIds.map((userId, index) => ({ taskId, userId, position: index + 1 })),
  );
}

/** Start before end; PRJ-6: in a fixed-schedule project, no end after the project's. */
function checkDates(
  project: Project,
  task: Pick<Task, 'startDate' | 'endDate'>,
  endChanged: boolean,
) {
  if (task.startDate && task.endDate && task.endDate < task.startDate) {
    throw badUserInput(`endDate ${task.endDate} is before startDate ${task.startDate}`, {
      field: 'endDate',
    });
  }
  const late = endChanged ? fixedScheduleRefusal(project, task.endDate) : null;
  if (late) throw badUserInput(late, { field: 'endDate', rule: 'FIXED_SCHEDULE' });
}

/**
 * Status and percentage together (domain/taskStatus), then PRJ-7: under a closed parent, a subtask
 * is not reopened, and no open subtask is added or moved there. An open subtask the parent was
 * closed over may still be edited.
 */
function applyStatus(
  task: Task,
  parent: Task | null,
  input: { status?: Task['status'] | null; percentComplete?: number | null },
  change: { isNew: boolean; parentChanged: boolean },
) {
  const { isNew } = change;
  const wasClosed = !isNew && task.status === 'CLOSED';
  const edit = statusAndPercent(
    isNew ? null : task,
    notNull('status', input.status) ?? null,
    notNull('percentComplete', input.percentComplete) ?? null,
  );
  if (!edit.ok) throw badUserInput(edit.reason, { field: edit.field });
  const { status, percentComplete } = edit.value;
  if (
    parent?.status === 'CLOSED' &&
    status !== 'CLOSED' &&
    (isNew || wasClosed || change.parentChanged)
  ) {
    const reopen = wasClosed
      ? reopenRefusal({ ...task, parentTaskId: parent.id }, parent, status)
      : null;
    throw badUserInput(
      reopen ??
        `The parent task "${parent.subject}" is completed; reopen it before adding open work to it.`,
      { field: 'status', rule: 'PARENT_COMPLETED' },
    );
  }
  task.status = status;
  task.percentComplete = percentComplete;
}

/**
 * PRJ-4: with `addToCrm`, "save and add to CRM" — refused, saving nothing, when the project's
 * client is not linked or the choice is not offered; the desk task is created in the same
 * transaction, so a refusal from desk leaves no task behind either.
 */
export function createProjectTask(
  ctx: ProjectsContext,
  input: CreateProjectTaskInput,
): Promise<Task> {
  return ctx.db.transaction(async (manager) => {
    const project = await existingOne(manager, Project, 'Project', input.projectId);
    const parent = input.parentId ? await parentOf(manager, project, input.parentId, null) : null;
    const task = manager.create(Task, {
      projectId: project.id,
      taskListId: input.taskListId ? await listOf(manager, project, input.taskListId) : null,
      parentTaskId: parent?.id ?? null,
      subject: requiredText('subject', input.subject),
      description: optionalText(input.description),
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
      priority: notNull('priority', input.priority) ?? 'NONE',
    });
    checkDates(project, task, true);
    applyStatus(task, parent, input, { isNew: true, parentChanged: true });
    const ownerIds = await checkedOwners(manager, project, input.ownerIds ?? []);
    const saved = await manager.save(task);
    await replaceOwners(manager, saved.id, ownerIds);
    return input.addToCrm ? addTaskToCrm(ctx, manager, saved, input.addToCrm) : saved;
  });
}

/**
 * Changes what is given. A linked task whose shared fields end up different from what both sides
 * last agreed records projects.task.changed, and the push consumer sends them to desk (PRJ-3).
 */
export function updateProjectTask(
  ctx: ProjectsContext,
  id: string,
  input: UpdateProjectTaskInput,
): Promise<Task> {
  return ctx.db.transaction(async (manager) => {
    const task = await lockedTask(manager, id);
    const project = await manager.findOneByOrFail(Project, { id: task.projectId });
    if (input.subject !== undefined) task.subject = requiredText('subject', input.subject);
    if (input.description !== undefined) task.description = optionalText(input.description);
    if (input.taskListId !== undefined) {
      task.taskListId = input.taskListId ? await listOf(manager, project, input.taskListId) : null;
    }
    const previousParentId = task.parentTaskId;
    if (input.parentId !== undefined) {
      const moved = input.parentId ? await parentOf(manager, project, input.parentId, task) : null;
      task.parentTaskId = moved?.id ?? null;
    }
    const endChanged = input.endDate !== undefined && input.endDate !== task.endDate;
    if (input.startDate !== undefined) task.startDate = input.startDate;
    if (input.endDate !== undefined) task.endDate = input.endDate;
    checkDates(project, task, endChanged);
    const priority = notNull('priority', input.priority);
    if (priority) task.priority = priority;
    const parent = task.parentTaskId
      ? await manager.findOneByOrFail(Task, { id: task.parentTaskId })
      : null;
    applyStatus(task, parent, input, {
      isNew: false,
      parentChanged: input.parentId !== undefined && input.parentId !== previousParentId,
    });
    const ownerIds = notNull('ownerIds', input.ownerIds);
    if (ownerIds)
      await replaceOwners(manager, task.id, await checkedOwners(manager, project, ownerIds));
    const saved = await manager.save(task);
    if (
      saved.deskCrmTaskId &&
      needsPushToCrm(await syncedFieldsOf(manager, saved), saved.crmSyncedHash)
    ) {
      await publishProjectsEvent(manager, 'projects.task.changed', saved.id, {
        taskId: saved.id,
        crmTaskId: saved.deskCrmTaskId,
      });
    }
    return saved;
  });
}

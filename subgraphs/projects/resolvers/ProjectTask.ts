import type { ProjectTaskResolvers } from '../generated/resolvers';
import { isLinked } from '../models';

export const ProjectTask: ProjectTaskResolvers = {
  __resolveReference: ({ id }, ctx) => ctx.loaders.task.load(id),
  project: (task, _, ctx) => ctx.loaders.project.load(task.projectId),
  taskList: (task, _, ctx) => (task.taskListId ? ctx.loaders.taskList.load(task.taskListId) : null),
  parent: (task, _, ctx) => (task.parentTaskId ? ctx.loaders.task.load(task.parentTaskId) : null),
  subtasks: (task, _, ctx) => ctx.loaders.subtasks.load(task.id),
  owners: (task, _, ctx) => ctx.loaders.owners.load(task.id),
  comments: (task, _, ctx) => ctx.loaders.comments.load(task.id),
  crmLink: (task) => (isLinked(task) ? task : null),
  crmRefusals: (task, _, ctx) => ctx.loaders.refusals.load(task.id),
};

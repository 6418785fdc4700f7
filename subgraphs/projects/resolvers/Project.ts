import type { ProjectResolvers } from '../generated/resolvers';
import { taskPage } from './taskPages';

export const Project: ProjectResolvers = {
  __resolveReference: ({ id }, ctx) => ctx.loaders.project.load(id),
  owner: (project, _, ctx) => ctx.loaders.user.load(project.ownerUserId),
  client: (project, _, ctx) =>
    project.clientId ? ctx.loaders.client.load(project.clientId) : null,
  deals: async (project, _, ctx) =>
    (await ctx.loaders.dealIds.load(project.id)).map((row) => ({ id: row.deskDealId })),
  users: (project, _, ctx) => ctx.loaders.members.load(project.id),
  taskLists: (project, _, ctx) => ctx.loaders.taskLists.load(project.id),
  tasks: (project, args, ctx) => taskPage(ctx, project.id, args),
  progress: (project, _, ctx) => ctx.loaders.progress.load(project.id),
};

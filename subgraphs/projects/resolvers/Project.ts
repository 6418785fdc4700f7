import type { ProjectResolvers } from '../generated/resolvers';

export const Project: ProjectResolvers = {
  __resolveReference: ({ id }, ctx) => ctx.loaders.project.load(id),
  owner: (project, _, ctx) => ctx.loaders.user.load(project.ownerUserId),
  client: (project, _, ctx) =>
    project.clientId ? ctx.loaders.client.load(project.clientId) : null,
  deals: async (project, _, ctx) =>
    (await ctx.loaders.dealIds.load(project.id)).map((row) => ({ id: row.deskDealId })),
  users: (project, _, ctx) => ctx.loaders.members.load(project.id),
  taskLists: (project, _, ctx) => ctx.loaders.taskLists.load(project.id),
  tasks: (project, { first, after, status, parentId }, ctx) =>
    ctx.loaders.taskPages.load({ projectId: project.id, first, after, status, parentId }),
  progress: (project, _, ctx) => ctx.loaders.progress.load(project.id),
};

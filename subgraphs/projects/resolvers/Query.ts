import { badUserInput } from '../../../shared/errors';
import { isUuid, pageOf } from '../../../shared/loaders';
import { orNull } from '../../../shared/lookups';
import { Project, ProfilePermission, ProjectsUser } from '../entities';
import type { QueryResolvers } from '../generated/resolvers';
import { linkChoicesFor } from '../services/crmLinkChoices';
import { projectSyncRunPage } from '../services/syncRuns';
import { taskPage } from './taskPages';

export const Query: QueryResolvers = {
  projectsIntegration: () => ({}),

  project: (_, { id }, ctx) => orNull(ctx.loaders.project.load(id)),

  projects: (_, { clientId, status, ...args }, ctx) => {
    const query = ctx.db.getRepository(Project).createQueryBuilder('project');
    if (clientId) {
      if (!isUuid(clientId)) {
        throw badUserInput(`clientId is not an id: "${clientId}"`, { argument: 'clientId' });
      }
      query.andWhere('project.client_id = :clientId', { clientId });
    }
    if (status) query.andWhere('project.status = :status', { status });
    // Newest first, as the Account and Deal panels list them.
    return pageOf(
      query,
      args,
      { column: 'start_date', value: (project) => project.startDate, direction: 'DESC' },
      ctx.limits,
    );
  },

  projectTask: (_, { id }, ctx) => orNull(ctx.loaders.task.load(id)),

  projectTasks: async (_, { projectId, ...args }, ctx) => {
    // An unknown project or parent is NOT_FOUND rather than a list that is merely empty.
    await ctx.loaders.project.load(projectId);
    if (args.parentId && (await ctx.loaders.task.load(args.parentId)).projectId !== projectId) {
      throw badUserInput('parentId is a task of another project', { argument: 'parentId' });
    }
    return taskPage(ctx, projectId, args);
  },

  crmLinkChoices: (_, ids, ctx) => linkChoicesFor(ctx, ids),

  projectUsers: (_, { kind, ...args }, ctx) => {
    const query = ctx.db.getRepository(ProjectsUser).createQueryBuilder('user');
    if (kind) query.andWhere('user.kind = :kind', { kind });
    return pageOf(
      query,
      args,
      { column: 'name', value: (user) => user.name, direction: 'ASC' },
      ctx.limits,
    );
  },

  projectSyncRun: (_, { id }, ctx) => orNull(ctx.loaders.syncRuns.run.load(id)),

  projectSyncRuns: (_, args, ctx) => projectSyncRunPage(ctx, args),

  projectsPermissions: (_, __, ctx) =>
    ctx.db.getRepository(ProfilePermission).find({ order: { updatedAt: 'ASC' } }),
};

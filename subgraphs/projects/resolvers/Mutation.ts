import type { MutationResolvers } from '../generated/resolvers';
import { linkProjectClient } from '../services/clients';
import { addProjectTaskToCrm } from '../services/crmLink';
import { setProjectsPermissions } from '../services/profilePermissions';
import { stopProjectSyncRun } from '../services/syncRuns';
import { addProjectTaskComment } from '../services/taskComments';
import { createProjectTask, updateProjectTask } from '../services/tasks';
import { startProjectUserImport } from '../services/userImport';

export const Mutation: MutationResolvers = {
  createProjectTask: (_, { input }, ctx) => createProjectTask(ctx, input),
  updateProjectTask: (_, { id, input }, ctx) => updateProjectTask(ctx, id, input),
  addProjectTaskComment: (_, { taskId, body }, ctx) => addProjectTaskComment(ctx, taskId, body),
  addProjectTaskToCrm: (_, { taskId, link }, ctx) => addProjectTaskToCrm(ctx, taskId, link),
  startProjectUserImport: (_, { kind, clientId }, ctx) =>
    startProjectUserImport(ctx, kind, clientId),
  stopProjectSyncRun: (_, { id }, ctx) => stopProjectSyncRun(ctx, id),
  linkProjectClient: (_, { clientId, accountId }, ctx) =>
    linkProjectClient(ctx, clientId, accountId),
  setProjectsPermissions: (_, { profileId, input }, ctx) =>
    setProjectsPermissions(ctx, profileId, input),
};

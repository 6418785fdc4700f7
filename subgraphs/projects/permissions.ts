import { allow, rule } from 'graphql-shield';
import { forbidden } from '../../shared/errors';
import { createPermissions } from '../../shared/shield';
import type { ProjectsContext } from './context';

// Rules that depend on the caller alone: one evaluation per request.
const contextual = { cache: 'contextual' } as const;

/** PERM-1: projects, tasks, users and the Account / Deal panels all need view. */
const view = rule(
  'projects-view',
  contextual,
)(
  async (_parent, _args, ctx: ProjectsContext) =>
    (await ctx.viewer()).levels.viewProjects || forbidden('Your profile may not see projects'),
);

const isAdministrator = rule(
  'projects-administrator',
  contextual,
)(
  async (_parent, _args, ctx: ProjectsContext) =>
    (await ctx.viewer()).isAdministrator ||
    forbidden('Only administrators may see the projects permissions'),
);

/*
 * Mutation and the PRJ-1 sync runs (projectSyncRun, projectSyncRuns, ProjectsSyncRun) have no
 * rule: they are not written yet, and the fallback refuses them with FORBIDDEN.
 */
export const projectsPermissions = createPermissions({
  Query: {
    projectsIntegration: view,
    project: view,
    projects: view,
    projectTask: view,
    projectTasks: view,
    crmLinkChoices: view,
    projectUsers: view,
    projectsPermissions: isAdministrator,
  },
  // Desk's entities: their keys travel freely, what projects hangs on them needs view.
  Account: { id: allow, projects: view },
  Deal: { id: allow, projects: view },
  CrmTask: { id: allow, projectTask: view },
  Agent: allow,
  Contact: allow,
  AgentProfile: allow,
  ProjectsIntegration: view,
  ProjectsPermissionLevels: allow,
  ProjectsProfilePermissions: isAdministrator,
  // Entity types are guarded on their own fields: `_entities` reaches them without a Query rule.
  Project: view,
  ProjectTask: view,
  ProjectProgress: view,
  ProjectClient: view,
  ProjectUser: view,
  ProjectMember: view,
  ProjectTaskList: view,
  ProjectTaskComment: view,
  ProjectTaskCrmLink: view,
  ProjectCrmRefusal: view,
  ProjectCrmLinkChoices: view,
  ProjectCrmLinkChoice: view,
  // Containers only: whatever they hold is guarded by its own type's rule.
  PageInfo: allow,
  ProjectConnection: allow,
  ProjectEdge: allow,
  ProjectTaskConnection: allow,
  ProjectTaskEdge: allow,
  ProjectUserConnection: allow,
  ProjectUserEdge: allow,
});

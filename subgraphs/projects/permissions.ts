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

/** PRJ-1: importing users from desk, and stopping an import, goes with create and edit tasks. */
const importUsers = rule(
  'projects-import-users',
  contextual,
)(
  async (_parent, _args, ctx: ProjectsContext) =>
    (await ctx.viewer()).levels.createEditTasks ||
    forbidden('Your profile may not import project users: that needs create and edit tasks'),
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
 * The mutations other than PRJ-1's imports have no rule: they are not written yet, and the
 * fallback refuses them with FORBIDDEN.
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
    projectSyncRun: view,
    projectSyncRuns: view,
    projectsPermissions: isAdministrator,
  },
  Mutation: {
    startProjectUserImport: importUsers,
    stopProjectSyncRun: importUsers,
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
  // An entity: `_entities` reaches it without projectSyncRun's rule.
  ProjectsSyncRun: view,
  // Containers only: whatever they hold is guarded by its own type's rule.
  PageInfo: allow,
  ProjectConnection: allow,
  ProjectEdge: allow,
  ProjectTaskConnection: allow,
  ProjectTaskEdge: allow,
  ProjectUserConnection: allow,
  ProjectUserEdge: allow,
  ProjectsSyncRunStart: allow,
  ProjectsSyncRunConnection: allow,
  ProjectsSyncRunEdge: allow,
  SyncProgress: allow,
  SyncCounts: allow,
  SyncFailure: allow,
  SyncFailureConnection: allow,
  SyncFailureEdge: allow,
});

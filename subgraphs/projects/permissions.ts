import { allow, and, rule } from 'graphql-shield';
import { forbidden } from '../../shared/errors';
import { createPermissions } from '../../shared/shield';
import type { ProjectsContext } from './context';
import type { ProjectsLevels } from './domain/permissions';

// Rules that depend on the caller alone: one evaluation per request.
const contextual = { cache: 'contextual' } as const;

/** A rule that one of the profile's projects levels (PERM-1) must be on, with its refusal. */
function needs(level: keyof ProjectsLevels, name: string, refusal: string) {
  return rule(
    name,
    contextual,
  )(
    async (_parent, _args, ctx: ProjectsContext) =>
      (await ctx.viewer()).levels[level] || forbidden(refusal),
  );
}

/** Projects, tasks, users and the Account / Deal panels all need view. */
const view = needs('viewProjects', 'projects-view', 'Your profile may not see projects');
/** Tasks, subtasks and their comments. */
const editTasks = needs(
  'createEditTasks',
  'projects-edit-tasks',
  'Your profile may not create or edit project tasks',
);
/** PRJ-1: importing users from desk, and stopping an import, goes with create and edit tasks. */
const importUsers = needs(
  'createEditTasks',
  'projects-import-users',
  'Your profile may not import project users: that needs create and edit tasks',
);
/** PRJ-4/PRJ-5. */
const addToCrm = needs(
  'addToCrm',
  'projects-add-to-crm',
  'Your profile may not add project tasks to the CRM',
);

/** "Save and add to CRM" needs add to CRM only when it is asked for. */
const addToCrmWhenAsked = rule('projects-add-to-crm-when-asked', { cache: 'strict' })(
  async (_parent, args: { input?: { addToCrm?: unknown } }, ctx: ProjectsContext) =>
    args.input?.addToCrm == null ||
    (await ctx.viewer()).levels.addToCrm ||
    forbidden('Your profile may not add project tasks to the CRM'),
);

const isAdministrator = rule(
  'projects-administrator',
  contextual,
)(
  async (_parent, _args, ctx: ProjectsContext) =>
    (await ctx.viewer()).isAdministrator ||
    forbidden('Only administrators may manage projects permissions and clients'),
);

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
    createProjectTask: and(editTasks, addToCrmWhenAsked),
    updateProjectTask: editTasks,
    addProjectTaskComment: editTasks,
    addProjectTaskToCrm: addToCrm,
    linkProjectClient: isAdministrator,
    setProjectsPermissions: isAdministrator,
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

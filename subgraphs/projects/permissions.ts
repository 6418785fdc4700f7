import { allow, and, rule } from 'graphql-shield';
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

/** PERM-1: create and edit tasks and comment on them. */
const editTasks = rule(
  'projects-edit-tasks',
  contextual,
)(
  async (_parent, _args, ctx: ProjectsContext) =>
    (await ctx.viewer()).levels.createEditTasks ||
    forbidden('Your profile may not create or edit project tasks'),
);

/** PERM-1, PRJ-4/PRJ-5: add tasks to the CRM. */
const addToCrm = rule(
  'projects-add-to-crm',
  contextual,
)(
  async (_parent, _args, ctx: ProjectsContext) =>
    (await ctx.viewer()).levels.addToCrm ||
    forbidden('Your profile may not add project tasks to the CRM'),
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
    projectsPermissions: isAdministrator,
  },
  Mutation: {
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
  // Containers only: whatever they hold is guarded by its own type's rule.
  PageInfo: allow,
  ProjectConnection: allow,
  ProjectEdge: allow,
  ProjectTaskConnection: allow,
  ProjectTaskEdge: allow,
  ProjectUserConnection: allow,
  ProjectUserEdge: allow,
});

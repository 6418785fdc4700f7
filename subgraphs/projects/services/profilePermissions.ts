import { badUserInput, notFound } from '../../../shared/errors';
import type { ProjectsContext } from '../context';
import { ProfilePermission } from '../entities';
import type { ProjectsPermissionsInput } from '../generated/resolvers';

const DESK_PROFILES = 'query ProjectsAgentProfiles { agentProfiles { id } }';

/** PERM-1: each level needs the one before it, as the table's CHECKs hold. */
function checkedLevels(input: ProjectsPermissionsInput): ProjectsPermissionsInput {
  if (input.createEditTasks && !input.viewProjects) {
    throw badUserInput('createEditTasks needs viewProjects', { field: 'createEditTasks' });
  }
  if (input.addToCrm && !input.createEditTasks) {
    throw badUserInput('addToCrm needs createEditTasks', { field: 'addToCrm' });
  }
  return input;
}

/** Sets a desk agent profile's projects levels; the profile must exist in desk. */
export async function setProjectsPermissions(
  ctx: ProjectsContext,
  profileId: string,
  input: ProjectsPermissionsInput,
): Promise<ProfilePermission> {
  const levels = checkedLevels(input);
  const { agentProfiles } = await ctx
    .desk()
    .request<{ agentProfiles: { id: string }[] }>(DESK_PROFILES);
  if (!agentProfiles.some((profile) => profile.id === profileId)) {
    throw notFound('AgentProfile', profileId);
  }
  // One statement, so two administrators saving at once cannot collide on the insert.
  await ctx.db.query(
    `INSERT INTO projects.profile_permission
       (profile_id, view_projects, create_edit_tasks, add_to_crm, updated_at)
     VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (profile_id) DO UPDATE SET view_projects = $2, create_edit_tasks = $3,
       add_to_crm = $4, updated_at = now()`,
    [profileId, levels.viewProjects, levels.createEditTasks, levels.addToCrm],
  );
  return ctx.db.getRepository(ProfilePermission).findOneByOrFail({ profileId });
}

import { profileLevelRows } from '../../../shared/seed/profileLevels';
import type { AgentProfile } from '../../desk/entities/AgentProfile';
import type { ProfileName } from '../../desk/seed/staff';
import { ALL_LEVELS, type ProjectsLevels } from '../domain/permissions';
import type { ProfilePermission } from '../entities/ProfilePermission';
import { IMPORTED_AT } from './clock';

/**
 * The demo (README's permission table): administrators and agents may do everything, new agents only look, light agents
 * have no row and so see no projects. Administrators get a row of their own too, so the table
 * says what the demo promises whether or not the permission rules let them through without one.
 */
export const PROFILE_LEVELS: Partial<Record<ProfileName, ProjectsLevels>> = {
  Administrator: ALL_LEVELS,
  Agent: ALL_LEVELS,
  'New agent': { viewProjects: true, createEditTasks: false, addToCrm: false },
};

export function generatePermissions(profiles: readonly AgentProfile[]): ProfilePermission[] {
  return profileLevelRows(profiles, PROFILE_LEVELS, IMPORTED_AT);
}

import type { ProfilePermission } from '../entities/ProfilePermission';

/*
 * PERM-1: what an agent profile may do with projects. Each level needs the one before it (add to
 * CRM saves the task first, PRJ-4); the profile_permission table's CHECKs hold the same.
 */

export type ProjectsLevels = Pick<
  ProfilePermission,
  'viewProjects' | 'createEditTasks' | 'addToCrm'
>;

/** Administrators' (and peer services'): everything, without a row. */
export const ALL_LEVELS: ProjectsLevels = {
  viewProjects: true,
  createEditTasks: true,
  addToCrm: true,
};

/** A profile without a row may do nothing. */
export const NO_LEVELS: ProjectsLevels = {
  viewProjects: false,
  createEditTasks: false,
  addToCrm: false,
};

export const levelsOf = (row: ProjectsLevels): ProjectsLevels => ({
  viewProjects: row.viewProjects,
  createEditTasks: row.createEditTasks,
  addToCrm: row.addToCrm,
});

import { levelsOf } from '../domain/permissions';
import type { ProjectsProfilePermissionsResolvers } from '../generated/resolvers';

export const ProjectsProfilePermissions: ProjectsProfilePermissionsResolvers = {
  profile: (row) => ({ id: row.profileId }),
  levels: (row) => levelsOf(row),
};

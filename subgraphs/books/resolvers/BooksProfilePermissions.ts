import { levelsOf } from '../domain/permissions';
import type { BooksProfilePermissionsResolvers } from '../generated/resolvers';

export const BooksProfilePermissions: BooksProfilePermissionsResolvers = {
  profile: (row) => ({ id: row.profileId }),
  levels: (row) => levelsOf(row),
};

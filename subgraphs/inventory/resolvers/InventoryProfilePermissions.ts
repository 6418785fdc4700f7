import type { InventoryProfilePermissionsResolvers } from '../generated/resolvers';
import { levelsOf } from '../permissionLevels';

export const InventoryProfilePermissions: InventoryProfilePermissionsResolvers = {
  profile: (row) => ({ id: row.profileId }),
  levels: (row) => levelsOf(row),
};

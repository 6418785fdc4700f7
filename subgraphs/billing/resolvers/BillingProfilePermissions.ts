import type { BillingProfilePermissionsResolvers } from '../generated/resolvers';
import { levelsOf } from '../permissionLevels';

export const BillingProfilePermissions: BillingProfilePermissionsResolvers = {
  profile: (row) => ({ id: row.profileId }),
  levels: (row) => levelsOf(row),
};

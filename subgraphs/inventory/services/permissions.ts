import { badUserInput } from '../../../shared/errors';
import { deskProfile } from '../../../shared/integration/desk';
import type { InventoryContext } from '../context';
import { ProfilePermission } from '../entities';
import type { PermissionLevels } from '../permissionLevels';

/**
 * INV-5. Profiles belong to desk, so the profile is looked up through desk's API (as the
 * administrator asking); desk's Administrator profile always has everything and takes no levels.
 */
export async function setInventoryPermissions(
  ctx: InventoryContext,
  profileId: string,
  input: PermissionLevels,
): Promise<ProfilePermission> {
  if (
    !input.view &&
    (input.salesOrders !== 'OFF' || input.invoices !== 'OFF' || input.createContacts)
  ) {
    throw badUserInput(
      'With view off the integration is hidden: salesOrders and invoices must be OFF and createContacts false',
      { field: 'input' },
    );
  }
  const profile = await deskProfile(ctx.desk(), profileId);
  if (profile.isAdministrator) {
    throw badUserInput(
      `${profile.name} is an administrator profile and always has every permission`,
      {
        field: 'profileId',
      },
    );
  }
  await ctx.db.getRepository(ProfilePermission).upsert(
    {
      profileId,
      view: input.view,
      salesOrders: input.salesOrders,
      invoices: input.invoices,
      createContacts: input.createContacts,
      updatedAt: new Date(),
    },
    ['profileId'],
  );
  return ctx.db.getRepository(ProfilePermission).findOneByOrFail({ profileId });
}

import { badUserInput } from '../../../shared/errors';
import { deskProfile } from '../../../shared/integration/desk';
import type { BillingContext } from '../context';
import { ProfilePermission } from '../entities';
import type { PermissionLevels } from '../permissionLevels';

/**
 * Profiles belong to desk, so the profile is looked up through desk's API (as the administrator
 * asking); desk's Administrator profile always has everything and takes no levels.
 */
export async function setBillingPermissions(
  ctx: BillingContext,
  profileId: string,
  input: PermissionLevels,
): Promise<ProfilePermission> {
  if (!input.view && (input.createCustomers || input.createInvoices)) {
    throw badUserInput(
      'With view off the integration is hidden: createCustomers and createInvoices must be false',
      { field: 'input' },
    );
  }
  const profile = await deskProfile(ctx.desk(), profileId);
  if (profile.isAdministrator) {
    throw badUserInput(
      `${profile.name} is an administrator profile and always has every permission`,
      { field: 'profileId' },
    );
  }
  const repository = ctx.db.getRepository(ProfilePermission);
  await repository.upsert({ profileId, ...input, updatedAt: new Date() }, ['profileId']);
  return repository.findOneByOrFail({ profileId });
}

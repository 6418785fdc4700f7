import { badUserInput } from '../../../shared/errors';
import { deskProfile } from '../../../shared/integration/desk';
import type { BooksContext } from '../context';
import { type BooksLevels, levelColumns, levelProblems } from '../domain/permissions';
import { ProfilePermission } from '../entities';

/**
 * BKS-7: profiles belong to desk, so the profile is looked up through desk's API (as the
 * administrator asking); desk's Administrator profile always has everything and takes no levels.
 */
export async function setBooksPermissions(
  ctx: BooksContext,
  profileId: string,
  input: BooksLevels,
): Promise<ProfilePermission> {
  const problems = levelProblems(input);
  if (problems.length > 0) throw badUserInput(problems.join('; '), { field: 'input' });
  const profile = await deskProfile(ctx.desk(), profileId);
  if (profile.isAdministrator) {
    throw badUserInput(
      `${profile.name} is an administrator profile and always has every permission`,
      { field: 'profileId' },
    );
  }
  const repository = ctx.db.getRepository(ProfilePermission);
  await repository.upsert({ profileId, ...levelColumns(input), updatedAt: new Date() }, [
    'profileId',
  ]);
  return repository.findOneByOrFail({ profileId });
}

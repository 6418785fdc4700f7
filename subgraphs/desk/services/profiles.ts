import { badUserInput, conflict } from '../../../shared/errors';
import type { DeskContext } from '../context';
import { Agent, AgentProfile, ProfilePermission } from '../entities';
import type { PermissionModule } from '../entities/ProfilePermission';
import { existingOne, isUniqueViolation, optionalText, requiredText } from './validation';

export interface ModulePermissionInput {
  module: PermissionModule;
  view: boolean;
  create: boolean;
  edit: boolean;
}

export function createAgentProfile(
  ctx: DeskContext,
  input: { name: string; description?: string | null; copyFromProfileId?: string | null },
): Promise<AgentProfile> {
  const name = requiredText('name', input.name);
  return ctx.db
    .transaction(async (manager) => {
      const source = input.copyFromProfileId
        ? await existingOne(manager, AgentProfile, 'AgentProfile', input.copyFromProfileId)
        : null;
      const profile = await manager.save(
        manager.create(AgentProfile, {
          name,
          description: optionalText(input.description),
          isAdministrator: false,
        }),
      );
      if (source) {
        const levels = await manager.findBy(ProfilePermission, { profileId: source.id });
        if (levels.length > 0) {
          await manager.insert(
            ProfilePermission,
            levels.map((level) => ({ ...level, profileId: profile.id })),
          );
        }
      }
      return profile;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw conflict(`A profile named "${name}" already exists`);
      throw error;
    });
}

/** Replaces the levels of the listed modules; modules not listed keep theirs. */
export function setProfilePermissions(
  ctx: DeskContext,
  profileId: string,
  permissions: ModulePermissionInput[],
): Promise<AgentProfile> {
  const modules = permissions.map((p) => p.module);
  const repeated = modules.find((m, i) => modules.indexOf(m) !== i);
  if (repeated) throw badUserInput(`Module ${repeated} is listed twice`, { field: 'permissions' });
  for (const p of permissions) {
    if (!p.view && (p.create || p.edit)) {
      throw badUserInput(`${p.module}: create and edit need view`, { field: 'permissions' });
    }
  }
  return ctx.db.transaction(async (manager) => {
    const profile = await existingOne(manager, AgentProfile, 'AgentProfile', profileId);
    if (profile.isAdministrator) {
      throw badUserInput('The Administrator profile always has every permission', {
        field: 'profileId',
      });
    }
    await manager.upsert(
      ProfilePermission,
      permissions.map((p) => ({ profileId, ...p })),
      ['profileId', 'module'],
    );
    return profile;
  });
}

export function setAgentProfile(
  ctx: DeskContext,
  agentId: string,
  profileId: string,
): Promise<Agent> {
  return ctx.db.transaction(async (manager) => {
    const agent = await existingOne(manager, Agent, 'Agent', agentId);
    const profile = await existingOne(manager, AgentProfile, 'AgentProfile', profileId);
    if (agent.id === ctx.viewer.agent?.id && !profile.isAdministrator) {
      // Otherwise the last administrator could lock everyone out of profile management.
      throw badUserInput('Administrators cannot take away their own administrator profile', {
        field: 'agentId',
      });
    }
    agent.profileId = profile.id;
    return manager.save(agent);
  });
}

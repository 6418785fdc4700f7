import { PERMISSION_MODULES } from '../entities/ProfilePermission';
import type { AgentProfileResolvers } from '../generated/resolvers';

export const AgentProfile: AgentProfileResolvers = {
  __resolveReference: ({ id }, ctx) => ctx.loaders.profile.load(id),
  /** Every module is listed, those without a stored level as entirely off. */
  permissions: async (profile, _, ctx) => {
    const stored = new Map(
      (await ctx.loaders.permissionsByProfile.load(profile.id)).map((p) => [p.module, p]),
    );
    return PERMISSION_MODULES.map((module) => {
      if (profile.isAdministrator) return { module, view: true, create: true, edit: true };
      const level = stored.get(module);
      return {
        module,
        view: level?.view ?? false,
        create: level?.create ?? false,
        edit: level?.edit ?? false,
      };
    });
  },
};

import type { PartnerResolvers } from '../generated/resolvers';

export const Partner: PartnerResolvers = {
  profile: (partner, _, ctx) => ctx.loaders.profile.load(partner.profileId),
  createdBy: (partner, _, ctx) =>
    partner.createdByAgentId ? ctx.loaders.agent.load(partner.createdByAgentId) : null,
  active: (partner) => partner.revokedAt === null,
};

import { badUserInput } from '../../../shared/errors';
import { inOrganization } from '../../../shared/integration/panels';
import { isUuid, pageOf } from '../../../shared/loaders';
import { orNull } from '../../../shared/lookups';
import { Plan, ProfilePermission } from '../entities';
import type { QueryResolvers } from '../generated/resolvers';
import { billingState } from '../services/integration';

export const Query: QueryResolvers = {
  billingIntegration: (_, __, ctx) => ctx.integration(),

  billingOrganizations: async (_, __, ctx) =>
    billingState.administeredBy(ctx, (await ctx.viewer()).email),

  billingPlans: async (_, args, ctx) => {
    const { organizationId } = await ctx.integration();
    const query = ctx.db
      .getRepository(Plan)
      .createQueryBuilder('plan')
      .where('plan.organization_id = :organizationId', { organizationId });
    if (!args.includeInactive) query.andWhere('plan.active');
    return pageOf(
      query,
      args,
      { column: 'code', value: (plan) => plan.code, direction: 'ASC' },
      ctx.limits,
    );
  },

  billingCustomer: async (_, { contactId }, ctx) => {
    if (!isUuid(contactId)) {
      throw badUserInput(`contactId "${contactId}" is not a valid id`, { field: 'contactId' });
    }
    return ctx.loaders.customerByContact.load(contactId);
  },

  billingSubscription: (_, { id }, ctx) =>
    inOrganization(ctx, orNull(ctx.loaders.subscription.load(id))),

  billingInvoice: (_, { id }, ctx) => inOrganization(ctx, orNull(ctx.loaders.invoice.load(id))),

  billingCreditNote: (_, { id }, ctx) =>
    inOrganization(ctx, orNull(ctx.loaders.creditNote.load(id))),

  billingPermissions: (_, __, ctx) =>
    ctx.db.getRepository(ProfilePermission).find({ order: { updatedAt: 'ASC' } }),
};

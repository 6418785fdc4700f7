import { organizationResolvers } from '../../../shared/integration/resolvers';
import type { BillingOrganizationResolvers } from '../generated/resolvers';

export const BillingOrganization: BillingOrganizationResolvers = organizationResolvers;

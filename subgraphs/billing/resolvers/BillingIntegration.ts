import { integrationResolvers } from '../../../shared/integration/resolvers';
import type { BillingIntegrationResolvers } from '../generated/resolvers';

export const BillingIntegration: BillingIntegrationResolvers = integrationResolvers;

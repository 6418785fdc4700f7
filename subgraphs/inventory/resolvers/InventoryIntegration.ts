import { integrationResolvers } from '../../../shared/integration/resolvers';
import type { InventoryIntegrationResolvers } from '../generated/resolvers';

export const InventoryIntegration: InventoryIntegrationResolvers = integrationResolvers;

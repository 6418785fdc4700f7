import { organizationResolvers } from '../../../shared/integration/resolvers';
import type { InventoryOrganizationResolvers } from '../generated/resolvers';

export const InventoryOrganization: InventoryOrganizationResolvers = organizationResolvers;

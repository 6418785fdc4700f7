import { panelResolvers } from '../../../shared/integration/panels';
import type { ContactResolvers } from '../generated/resolvers';

export const Contact: ContactResolvers = {
  inventory: (contact, _, ctx) => panelResolvers.contact(contact, ctx),
};

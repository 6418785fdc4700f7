import { panelResolvers } from '../../../shared/integration/panels';
import type { ContactResolvers } from '../generated/resolvers';

export const Contact: ContactResolvers = {
  billing: (contact, _, ctx) => panelResolvers.contact(contact, ctx),
};

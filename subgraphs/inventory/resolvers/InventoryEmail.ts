import type { InventoryEmailResolvers } from '../generated/resolvers';

export const InventoryEmail: InventoryEmailResolvers = {
  to: (mail) => mail.toAddress,
  queuedAt: (mail) => mail.createdAt,
};

import type { BooksLineItemResolvers } from '../generated/resolvers';

export const BooksLineItem: BooksLineItemResolvers = {
  item: (line, _, ctx) => (line.itemId ? ctx.loaders.item.load(line.itemId) : null),
};

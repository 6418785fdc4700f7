import { loadAll } from '../../../shared/loaders';
import type { ProductResolvers } from '../generated/resolvers';

export const Product: ProductResolvers = {
  departments: async (product, _, ctx) => {
    const links = await ctx.loaders.departmentIdsByProduct.load(product.id);
    const departments = await loadAll(
      ctx.loaders.department,
      links.map((link) => link.departmentId),
    );
    return departments.sort((a, b) => a.name.localeCompare(b.name));
  },
};

import { badUserInput } from '../../../shared/errors';
import type { DeskContext } from '../context';
import { Product } from '../entities';
import { codeTakenProblem, lockProductsForWriting, productFieldProblems } from './productSync';
import { existingOne } from './validation';

export interface UpdateProductInput {
  name?: string | null;
  code?: string | null;
  unitPrice?: number | null;
  active?: boolean | null;
}

/**
 * Sources whose products desk may change: books syncs both ways (BKS-6) and takes desk's changes
 * back. Any other source (inventory) sends its products one way, so a change made here would be
 * overwritten by its next sync, and is refused.
 */
const SOURCES_TAKING_DESK_CHANGES: ReadonlySet<string> = new Set(['books']);

/** A product's own fields; departments are set by the product's sync, if any. */
export function updateProduct(
  ctx: DeskContext,
  id: string,
  input: UpdateProductInput,
): Promise<Product> {
  return ctx.db.transaction(async (manager) => {
    // Before the product is read, so that the code checked below is still free when written.
    await lockProductsForWriting(manager);
    const product = await existingOne(manager, Product, 'Product', id);
    const source = product.externalSource;
    if (source !== null && !SOURCES_TAKING_DESK_CHANGES.has(source)) {
      throw badUserInput(
        `Product "${product.name}" is kept in sync from ${source}: change it in ${source}`,
        { field: 'id', externalSource: source },
      );
    }
    const next = {
      name: (input.name ?? product.name).trim(),
      code: (input.code ?? product.code).trim(),
      unitPrice: input.unitPrice ?? product.unitPrice,
    };
    const [problem] = productFieldProblems(next);
    if (problem) throw badUserInput(problem.message, { field: problem.field });
    if (next.code !== product.code) {
      const holder = await manager.findOneBy(Product, { code: next.code });
      if (holder) throw badUserInput(codeTakenProblem(next.code, holder), { field: 'code' });
    }
    Object.assign(product, next);
    if (input.active != null) product.active = input.active;
    return manager.save(product);
  });
}

import type { BooksContext } from '../context';

/**
 * BKS-2: records of an organization the connection does not use (any more) are not this help
 * desk's to see, by id or through `_entities`.
 */
export async function inOrganization<T extends { organizationId: string }>(
  ctx: BooksContext,
  row: Promise<T | null>,
): Promise<T | null> {
  const [found, connection] = await Promise.all([row, ctx.connection()]);
  return found && found.organizationId === connection.organizationId ? found : null;
}

import type { InventoryContext } from '../context';

/**
 * Documents of an organization the integration does not use (any more) are not this help desk's
 * to see, by id or through `_entities`.
 */
export async function inOrganization<T extends { organizationId: string }>(
  ctx: InventoryContext,
  row: Promise<T | null>,
): Promise<T | null> {
  const [found, integration] = await Promise.all([row, ctx.integration()]);
  return found && found.organizationId === integration.organizationId ? found : null;
}

import type { InventoryContext } from '../context';
import type { PanelModel } from '../models';

/** INV-10: while the integration is not enabled no panel is shown (and nothing is queried). */
export async function panelOf(
  ctx: InventoryContext,
  model: PanelModel,
): Promise<PanelModel | null> {
  const integration = await ctx.integration();
  return integration.status === 'ENABLED' ? model : null;
}

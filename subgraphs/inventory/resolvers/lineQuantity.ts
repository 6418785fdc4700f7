import type { InventoryContext } from '../context';
import type { LineQuantityModel } from '../models';

/** Packed and returned quantities name a sales order line; the item is that line's. */
export async function itemOfLine(line: LineQuantityModel, ctx: InventoryContext) {
  const orderLine = await ctx.loaders.salesOrderLine.load(line.salesOrderLineId);
  return ctx.loaders.item.load(orderLine.itemId);
}

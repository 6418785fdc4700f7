import type { BooksContext } from '../context';
import type { PanelModel } from '../models';

/** BKS-8: while books is not enabled no panel is shown (and nothing is queried). */
export async function panelOf(ctx: BooksContext, panel: PanelModel): Promise<PanelModel | null> {
  return (await ctx.connection()).status === 'ENABLED' ? panel : null;
}

import type { DealResolvers } from '../generated/resolvers';
import { panelOf } from './panels';

export const Deal: DealResolvers = {
  books: (deal, _, ctx) => panelOf(ctx, { owner: 'DEAL', id: deal.id }),
};

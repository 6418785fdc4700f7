import { orNull } from '../../../shared/lookups';
import type { BooksSalesOrderResolvers } from '../generated/resolvers';
import { inOrganization } from './organization';
import { transactionFields } from './transactionFields';

export const BooksSalesOrder: BooksSalesOrderResolvers = {
  __resolveReference: ({ id }, ctx) => inOrganization(ctx, orNull(ctx.loaders.salesOrder.load(id))),
  ...transactionFields,
  salesOrderStatus: (order) => order.status,
  lineItems: (order, _, ctx) => ctx.loaders.lines.load({ kind: 'SALES_ORDER', id: order.id }),
};

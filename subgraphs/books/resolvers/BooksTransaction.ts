import type { BooksTransactionResolvers } from '../generated/resolvers';
import { kindOf } from '../services/transactions';

const TYPES = {
  ESTIMATE: 'BooksEstimate',
  INVOICE: 'BooksInvoice',
  SALES_ORDER: 'BooksSalesOrder',
} as const;

export const BooksTransaction: BooksTransactionResolvers = {
  __resolveType: (row) => TYPES[kindOf(row)],
};

import type { BooksContext } from '../context';
import { bookEmailOf, pdfUrlOf } from '../services/documents';
import { today } from '../../../shared/integration/documents';
import { kindOf, statusOn } from '../services/transactions';
import type { BooksDocumentRow } from '../models';

/** The fields BooksEstimate, BooksInvoice and BooksSalesOrder resolve alike. */
export const transactionFields = {
  kind: (row: BooksDocumentRow) => kindOf(row),
  status: (row: BooksDocumentRow) => statusOn(row, today()),
  contact: (row: BooksDocumentRow, _: unknown, ctx: BooksContext) =>
    ctx.loaders.contact.load(row.contactId),
  deal: (row: BooksDocumentRow) => (row.dealId ? { id: row.dealId } : null),
  // The type's shield rule has checked the caller may view this kind: the link carries that on.
  pdfUrl: (row: BooksDocumentRow, _: unknown, ctx: BooksContext) => pdfUrlOf(ctx, row),
  emails: async (row: BooksDocumentRow, _: unknown, ctx: BooksContext) =>
    (await ctx.loaders.emailsOfTransaction.load(row.id)).map(bookEmailOf),
};

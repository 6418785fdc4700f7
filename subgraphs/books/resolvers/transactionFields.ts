import type { BooksContext } from '../context';
import { kindOf } from '../services/transactions';
import type { BooksDocumentRow } from '../models';

/**
 * The fields BooksEstimate, BooksInvoice and BooksSalesOrder resolve alike. PDFs and e-mails
 * (BKS-10's download, BKS-11) are not built yet: pdfUrl says so, and no e-mail has been sent.
 */
export const transactionFields = {
  kind: (row: BooksDocumentRow) => kindOf(row),
  status: (row: BooksDocumentRow) => row.status,
  contact: (row: BooksDocumentRow, _: unknown, ctx: BooksContext) =>
    ctx.loaders.contact.load(row.contactId),
  deal: (row: BooksDocumentRow) => (row.dealId ? { id: row.dealId } : null),
  pdfUrl: (): string => {
    throw new Error('PDF download is not available yet');
  },
  emails: () => [],
};

import type { Config } from './config';
import { type DocumentLinkGrant, signDocumentLinkToken } from './identity';

/** The gateway's route for a books transaction's PDF; `:id` is the transaction's id. */
export const BOOKS_PDF_ROUTE = '/documents/books/:id.pdf';

/**
 * A link a browser opens: on the gateway's public URL, never a subgraph's port, with a token that
 * stands in for the agent's Authorization header (see signDocumentLinkToken).
 */
export function booksPdfLink(config: Config, grant: DocumentLinkGrant): string {
  const path = BOOKS_PDF_ROUTE.replace(':id', encodeURIComponent(grant.documentId));
  const token = signDocumentLinkToken(grant, config.auth);
  return `${config.gateway.publicUrl}${path}?token=${encodeURIComponent(token)}`;
}

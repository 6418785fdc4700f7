import express from 'express';
import type { Config } from '../shared/config';
import { BOOKS_PDF_ROUTE } from '../shared/documentLinks';
import { type DocumentLinkGrant, IdentityError, verifyDocumentLinkToken } from '../shared/identity';
import type { Logger } from '../shared/logger';
import { SubgraphCallFailed, subgraphClient } from '../shared/subgraphClient';
import { requestIdOf } from './requestId';

/** The subgraph's refusals and the HTTP status each becomes for a browser. */
const REFUSAL_STATUSES: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
};

const PDF_QUERY = `query BooksTransactionPdf($id: ID!) {
  booksTransactionPdf(id: $id) { fileName contentBase64 }
}`;

interface PdfAnswer {
  booksTransactionPdf: { fileName: string; contentBase64: string } | null;
}

/**
 * BKS-10: documents a browser opens from a link the graph handed out, on the gateway's public
 * port. The link's token names the agent and the document; the subgraph is asked as that agent,
 * over the same signed identity as any GraphQL call, so it applies that agent's permissions as
 * they are now, not as they were when the link was made.
 */
export function documentRoutes(options: {
  config: Config;
  log: Logger;
  booksUrl: string;
}): express.Router {
  const { config, log } = options;
  const router = express.Router();

  router.get(BOOKS_PDF_ROUTE, async (req, res) => {
    const refuse = (status: number, code: string, message: string) => {
      res
        .status(status)
        .set('Cache-Control', 'no-store')
        .json({ error: { code, message, requestId: requestIdOf(res) } });
    };
    const id = String(req.params.id);
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    if (token === '') {
      refuse(401, 'UNAUTHENTICATED', 'The link has no token; open the document again');
      return;
    }
    let grant: DocumentLinkGrant;
    try {
      grant = verifyDocumentLinkToken(token, config.auth);
    } catch (error) {
      if (!(error instanceof IdentityError)) throw error;
      refuse(
        401,
        'UNAUTHENTICATED',
        `The link is not valid (${error.message}); open the document again for a new one`,
      );
      return;
    }
    if (grant.documentId !== id) {
      refuse(403, 'FORBIDDEN', 'The link was made for another document');
      return;
    }
    const books = subgraphClient({
      target: 'books',
      url: options.booksUrl,
      identity: grant.agent,
      auth: config.auth,
      timeoutMs: config.gateway.subgraphTimeoutMs,
    });
    let answer: PdfAnswer;
    try {
      answer = await books.request<PdfAnswer>(PDF_QUERY, { id });
    } catch (error) {
      const refusal =
        error instanceof SubgraphCallFailed
          ? error.errors.find((e) => REFUSAL_STATUSES[String(e.extensions?.code)] !== undefined)
          : undefined;
      if (refusal) {
        const code = String(refusal.extensions?.code);
        refuse(REFUSAL_STATUSES[code], code, refusal.message);
        return;
      }
      log.warn({ err: error, documentId: id, requestId: requestIdOf(res) }, 'books PDF failed');
      refuse(502, 'SUBGRAPH_UNAVAILABLE', 'The books service could not produce the PDF');
      return;
    }
    const pdf = answer.booksTransactionPdf;
    if (!pdf) {
      refuse(404, 'NOT_FOUND', `Books transaction "${id}" does not exist`);
      return;
    }
    res
      .status(200)
      .set({
        'Content-Type': 'application/pdf',
        // The file name is the document number, which books keeps to letters, digits and dashes.
        'Content-Disposition': `inline; filename="${pdf.fileName}"`,
        // The document is the agent's to see, and the link's token is in the URL: nothing may
        // keep the file, and no page the PDF links to may learn the URL from a Referer.
        'Cache-Control': 'private, no-store',
        'Referrer-Policy': 'no-referrer',
        'X-Content-Type-Options': 'nosniff',
      })
      .send(Buffer.from(pdf.contentBase64, 'base64'));
  });

  return router;
}

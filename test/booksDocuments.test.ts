import { formatMoney } from '../shared/money';
import { randomUUID } from 'node:crypto';
import { config } from '../shared/config';
import { signDocumentLinkToken } from '../shared/identity';
import type { DocumentSequence } from '../shared/integration/numbering';
import { DEMO_AGENTS } from '../subgraphs/desk/seed/generate';
import { readPdf } from './pdf';
import { booksState, type LevelsRow } from './booksState';
import { expectError, expectNoErrors, mutateOk, sqlOn, waitFor } from './expectations';
import { Graph, startGraph } from './harness';
import { type SmtpServer, startSmtpServer } from './smtpServer';

/**
 * BKS-10's PDF links and BKS-11's e-mail through the gateway, with every subgraph's workers and a
 * real SMTP server: a link opened with plain fetch (no Authorization header) returns the PDF, a
 * tampered, expired or foreign link is refused, as is an agent whose profile lost view since; an
 * e-mail is stored with the PDF attached and reaches the SMTP server. The invoices made here, their
 * e-mails, the numbering and the New agent profile's levels are put back in afterAll.
 */

const DELIVERY_TIMEOUT_MS = 20_000;

const INVOICE = `query($id: ID!) {
  booksInvoice(id: $id) {
    id number status invoiceStatus total currency pdfUrl
    emails { to subject status attachment queuedAt sentAt }
  }
}`;
const ESTIMATE = 'query($id: ID!) { booksEstimate(id: $id) { id number total currency pdfUrl } }';
const CREATE_INVOICE = `mutation($input: CreateBooksTransactionInput!) {
  createBooksInvoice(input: $input) { id number invoiceStatus total currency }
}`;
const EMAIL = `mutation($id: ID!, $input: EmailBooksTransactionInput!) {
  emailBooksTransaction(id: $id, input: $input) { to subject status attachment queuedAt sentAt }
}`;
const TEMPLATES = `query($kind: BooksEmailTemplateKind) { booksEmailTemplates(kind: $kind) { id kind } }`;
const SET_PERMISSIONS = `mutation($profileId: ID!, $input: BooksPermissionsInput!) {
  setBooksPermissions(profileId: $profileId, input: $input) { levels { estimates { view } } }
}`;

interface Email {
  to: string;
  subject: string;
  status: string;
  attachment: string;
  queuedAt: string;
  sentAt: string | null;
}
interface Invoice {
  id: string;
  number: string;
  status: string;
  invoiceStatus: string;
  total: number;
  currency: string;
  pdfUrl: string;
  emails: Email[];
}

/** The text a PDF reader shows of it; the reader fails the test when the file is no PDF. */
async function pdfText(bytes: Buffer): Promise<string> {
  return (await readPdf(bytes)).text;
}

async function open(url: string) {
  const response = await fetch(url);
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function expectRefused(url: string, status: number, code: string): Promise<void> {
  const { response, bytes } = await open(url);
  expect(response.status).toBe(status);
  expect(JSON.parse(bytes.toString('utf8'))).toEqual({
    error: { code, message: expect.any(String), requestId: response.headers.get('x-request-id') },
  });
}

describe('books PDFs and e-mail through the gateway (BKS-10, BKS-11)', () => {
  let graph: Graph;
  let smtp: SmtpServer;
  const { sql } = sqlOn(() => graph.dataSources.books);
  const state = booksState(() => graph.dataSources.books);
  let organizationId: string;
  /** A desk account synced to a books contact that has an e-mail address. */
  let account: { accountId: string; email: string };
  let estimateId: string;
  let newAgentProfileId: string;
  let levelsBefore: LevelsRow;
  let sequencesBefore: DocumentSequence[];
  const created: string[] = [];

  const invoice = async (id: string, as: 'agent' | 'newAgent' = 'agent') => {
    const res = await graph.query<{ booksInvoice: Invoice }>(as, INVOICE, { id });
    expectNoErrors(res);
    return res.data?.booksInvoice as Invoice;
  };

  const createDraft = async () => {
    const draft = await mutateOk<Invoice>(graph, 'agent', CREATE_INVOICE, {
      input: {
        accountId: account.accountId,
        lineItems: [{ description: 'Onboarding workshop', quantity: 2, rate: 1234.5, taxRate: 10 }],
      },
    });
    created.push(draft.id);
    return draft;
  };

  const templateOf = async (kind: string) => {
    const res = await graph.query<{ booksEmailTemplates: { id: string }[] }>('agent', TEMPLATES, {
      kind,
    });
    expectNoErrors(res);
    return res.data?.booksEmailTemplates[0].id as string;
  };

  const linkFor = (documentId: string, agent: 'agent' | 'light', ttlSeconds?: number) => {
    const email = DEMO_AGENTS[agent === 'agent' ? 1 : 3].email;
    const token = signDocumentLinkToken(
      { agent: { kind: 'agent', agentId: graph.agentIds[agent], email }, documentId },
      config().auth,
      ttlSeconds,
    );
    return `${new URL(graph.gatewayUrl).origin}/documents/books/${documentId}.pdf?token=${token}`;
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    graph = await startGraph({
      workers: true,
      configure: (settings) => ({
        ...settings,
        jobs: { ...settings.jobs, pollIntervalSeconds: 0.5 },
        mail: { ...settings.mail, smtpUrl: smtp.url, retryLimit: 2, retryDelaySeconds: 1 },
      }),
    });
    [{ organization_id: organizationId }] = await sql<{ organization_id: string }>(
      'SELECT organization_id FROM books.connection WHERE id = 1',
    );
    [account] = await sql<typeof account>(
      `SELECT desk_account_id AS "accountId", email FROM books.contact
        WHERE organization_id = $1 AND desk_account_id IS NOT NULL AND email IS NOT NULL
        ORDER BY id LIMIT 1`,
      [organizationId],
    );
    [{ id: estimateId }] = await sql<{ id: string }>(
      'SELECT id FROM books.estimate WHERE organization_id = $1 ORDER BY number LIMIT 1',
      [organizationId],
    );
    const profiles = await graph.query<{ agentProfiles: { id: string; name: string }[] }>(
      'admin',
      '{ agentProfiles { id name } }',
    );
    newAgentProfileId = profiles.data?.agentProfiles.find((p) => p.name === 'New agent')
      ?.id as string;
    levelsBefore = (await state.levels(newAgentProfileId)) as LevelsRow;
    sequencesBefore = await state.sequences(organizationId);
  });

  afterAll(async () => {
    if (graph) {
      await state.deleteDocuments(created);
      await state.restoreSequences(sequencesBefore);
      await state.restoreLevels(newAgentProfileId, levelsBefore);
      await graph.stop();
    }
    await smtp?.close();
  });

  describe('BKS-10: PDF links', () => {
    it('opens with plain fetch on the gateway’s public port: a PDF with the number and the total', async () => {
      const draft = await createDraft();
      const { pdfUrl, number, total, currency } = await invoice(draft.id);
      const gateway = new URL(graph.gatewayUrl).origin;
      expect(pdfUrl.startsWith(`${gateway}/documents/books/${draft.id}.pdf?token=`)).toBe(true);

      const { response, bytes } = await open(pdfUrl);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(`inline; filename="${number}.pdf"`);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      const text = await pdfText(bytes);
      expect(text).toContain(number);
      expect(text).toContain(`Total${formatMoney(total, currency)}`);

      const estimate = await graph.query<{ booksEstimate: Invoice }>('agent', ESTIMATE, {
        id: estimateId,
      });
      expectNoErrors(estimate);
      const shown = estimate.data?.booksEstimate as Invoice;
      const estimatePdf = await pdfText((await open(shown.pdfUrl)).bytes);
      expect(estimatePdf).toContain(shown.number);
      expect(estimatePdf).toContain('ESTIMATE');
    });

    it('is served by the gateway only, and its token is no bearer token', async () => {
      const draft = await createDraft();
      const { pdfUrl } = await invoice(draft.id);
      const url = new URL(pdfUrl);
      const onSubgraph = new URL(url.pathname + url.search, graph.subgraphUrls.books);
      expect((await fetch(onSubgraph)).status).toBe(404);
      const token = url.searchParams.get('token') as string;
      const res = await graph.query({ authorization: `Bearer ${token}` }, '{ __typename }');
      expect(res.status).toBe(401);
    });

    it('refuses a missing, tampered, forged or expired token with 401, another document’s with 403', async () => {
      const draft = await createDraft();
      const { pdfUrl } = await invoice(draft.id);
      const url = new URL(pdfUrl);
      const token = url.searchParams.get('token') as string;
      const [header, payload, signature] = token.split('.');
      const withToken = (value: string) => {
        const changed = new URL(url);
        changed.searchParams.set('token', value);
        return changed.toString();
      };
      const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
      const otherDocument = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
        doc: string;
      };
      otherDocument.doc = randomUUID();
      const rewritten = Buffer.from(JSON.stringify(otherDocument)).toString('base64url');
      const forged = signDocumentLinkToken(
        {
          agent: { kind: 'agent', agentId: graph.agentIds.agent, email: DEMO_AGENTS[1].email },
          documentId: draft.id,
        },
        { ...config().auth, agentJwtSecret: 'not-the-gateway-secret-'.repeat(2) },
      );
      url.searchParams.delete('token');
      await expectRefused(url.toString(), 401, 'UNAUTHENTICATED');
      await expectRefused(withToken(`${header}.${payload}.${flipped}`), 401, 'UNAUTHENTICATED');
      await expectRefused(withToken(`${header}.${rewritten}.${signature}`), 401, 'UNAUTHENTICATED');
      await expectRefused(withToken(forged), 401, 'UNAUTHENTICATED');
      await expectRefused(linkFor(draft.id, 'agent', -10), 401, 'UNAUTHENTICATED');

      // A valid link of one document does not open another.
      const other = await createDraft();
      const foreign = new URL(pdfUrl);
      foreign.pathname = `/documents/books/${other.id}.pdf`;
      await expectRefused(foreign.toString(), 403, 'FORBIDDEN');
    });

    it('applies the agent’s permissions as they are now: 403 once view is gone, 404 for no document', async () => {
      const estimate = await graph.query<{ booksEstimate: Invoice }>('newAgent', ESTIMATE, {
        id: estimateId,
      });
      expectNoErrors(estimate);
      const { pdfUrl } = estimate.data?.booksEstimate as Invoice;
      expect((await open(pdfUrl)).response.status).toBe(200);
      const viewOnly = { view: true, createEdit: false, email: false };
      const none = { view: false, createEdit: false, email: false };
      await mutateOk(graph, 'admin', SET_PERMISSIONS, {
        profileId: newAgentProfileId,
        input: { invoices: viewOnly, estimates: none, receivables: viewOnly },
      });
      try {
        await expectRefused(pdfUrl, 403, 'FORBIDDEN');
      } finally {
        await mutateOk(graph, 'admin', SET_PERMISSIONS, {
          profileId: newAgentProfileId,
          input: { invoices: viewOnly, estimates: viewOnly, receivables: viewOnly },
        });
      }
      expect((await open(pdfUrl)).response.status).toBe(200);

      // BKS-1: the light agent's profile has no books at all.
      await expectRefused(linkFor(estimateId, 'light'), 403, 'FORBIDDEN');
      await expectRefused(linkFor(randomUUID(), 'agent'), 404, 'NOT_FOUND');
    });
  });

  describe('BKS-11: e-mail', () => {
    it('queues the e-mail with the PDF attached, marks the draft SENT, and the SMTP server receives it', async () => {
      const draft = await createDraft();
      expect(draft.invoiceStatus).toBe('DRAFT');
      const templateId = await templateOf('INVOICE');
      const email = await mutateOk<Email>(graph, 'agent', EMAIL, {
        id: draft.id,
        input: { templateId },
      });
      const fileName = `${draft.number}.pdf`;
      expect(email).toEqual({
        to: account.email,
        subject: expect.stringContaining(draft.number),
        status: 'QUEUED',
        attachment: fileName,
        queuedAt: expect.any(String),
        sentAt: null,
      });

      const [row] = await sql<{ to_address: string; file: string; content: string }>(
        `SELECT to_address, attachments->0->>'fileName' AS file,
                attachments->0->>'contentBase64' AS content
           FROM books.mail_message WHERE related_type = 'transaction' AND related_id = $1`,
        [draft.id],
      );
      expect(row).toMatchObject({ to_address: account.email, file: fileName });
      const attached = await pdfText(Buffer.from(row.content, 'base64'));
      expect(attached).toContain(draft.number);
      // Rendered after the status changed: the contact never receives a "Draft".
      expect(attached).toContain('StatusSent');

      const sent = await invoice(draft.id);
      expect(sent.invoiceStatus).toBe('SENT');
      expect(sent.emails).toEqual([
        expect.objectContaining({ to: account.email, attachment: fileName }),
      ]);

      const received = await waitFor(
        'the e-mail to reach the SMTP server',
        async () => smtp.received.find((message) => message.subject.includes(draft.number)),
        DELIVERY_TIMEOUT_MS,
      );
      expect(received.to).toEqual([account.email]);
      expect(received.raw).toContain('application/pdf');
      expect(received.raw).toContain(`filename=${fileName}`);
      // "%PDF-" in base64.
      expect(received.raw).toContain('JVBERi0');
      const delivered = await waitFor(
        'the e-mail to be SENT',
        async () => {
          const current = await invoice(draft.id);
          return current.emails[0]?.status === 'SENT' && current;
        },
        DELIVERY_TIMEOUT_MS,
      );
      expect(delivered.emails[0].sentAt).toEqual(expect.any(String));
    });

    it('lists a transaction’s e-mails newest first, to the address given', async () => {
      const draft = await createDraft();
      const templateId = await templateOf('INVOICE');
      await mutateOk(graph, 'agent', EMAIL, { id: draft.id, input: { templateId } });
      await mutateOk(graph, 'agent', EMAIL, {
        id: draft.id,
        input: { templateId, to: 'accounts@example.org' },
      });
      const { emails } = await invoice(draft.id);
      expect(emails.map((email) => email.to)).toEqual(['accounts@example.org', account.email]);
    });

    it('refuses a view-only agent, a template of another kind, and an address that is none', async () => {
      const draft = await createDraft();
      const invoiceTemplate = await templateOf('INVOICE');
      const estimateTemplate = await templateOf('ESTIMATE');
      expectError(
        await graph.query('newAgent', EMAIL, {
          id: draft.id,
          input: { templateId: invoiceTemplate },
        }),
        'FORBIDDEN',
        ['emailBooksTransaction'],
      );
      const wrongKind = await graph.query('agent', EMAIL, {
        id: draft.id,
        input: { templateId: estimateTemplate },
      });
      expectError(wrongKind, 'BAD_USER_INPUT', ['emailBooksTransaction']);
      expect(wrongKind.errors?.[0].extensions?.field).toBe('templateId');
      expectError(
        await graph.query('agent', EMAIL, {
          id: draft.id,
          input: { templateId: invoiceTemplate, to: 'not an address' },
        }),
        'BAD_USER_INPUT',
        ['emailBooksTransaction'],
      );
      expectError(
        await graph.query('agent', EMAIL, {
          id: randomUUID(),
          input: { templateId: invoiceTemplate },
        }),
        'NOT_FOUND',
        ['emailBooksTransaction'],
      );
      // Nothing was sent, and the draft is still one.
      const unchanged = await invoice(draft.id);
      expect(unchanged).toMatchObject({ invoiceStatus: 'DRAFT', emails: [] });
    });
  });
});

import { addDays } from '../shared/dates';
import { formatMoney } from '../shared/money';
import { randomUUID } from 'node:crypto';
import { DEMO_AGENTS } from '../subgraphs/desk/seed/generate';
import { pdfString } from '../subgraphs/books/pdf/writer';
import { expectError, expectNoErrors, mutateOk, sqlOn } from './expectations';
import { type DemoAgent, type Graph, type GraphQLResponse, startGraph } from './harness';

/**
 * BKS-7's receivables create & edit and email levels through the gateway. Create & edit records
 * payments against invoices: a partial then a final payment lower the balance, move the status
 * and the account panel's receivables, and are listed on the invoice; every refusal writes
 * nothing; two payments at once that together exceed the balance are one paid and one refused.
 * Email sends a books contact's statement of account as a PDF through the outbox. Both levels are
 * shown both ways on the New agent profile.
 *
 * Payments are made only on invoices created here for one synced account, which other suites do
 * not use. afterAll deletes them, their invoices, their e-mails and the statements queued here,
 * puts back the numbering and the New agent profile's levels, and restores any seeded invoice a
 * refusal was tried on should one have changed.
 */

const RECORD = `mutation($input: RecordBooksPaymentInput!) {
  recordBooksPayment(input: $input) {
    id amount date mode reference createdAt
    invoice { id balanceDue invoiceStatus status }
  }
}`;
const STATEMENT = `mutation($input: EmailBooksStatementInput!) {
  emailBooksStatement(input: $input) { to subject status attachment queuedAt sentAt }
}`;
const CREATE_INVOICE = `mutation($input: CreateBooksTransactionInput!) {
  createBooksInvoice(input: $input) { id number total balanceDue invoiceStatus }
}`;
const EMAIL_INVOICE = `mutation($id: ID!, $input: EmailBooksTransactionInput!) {
  emailBooksTransaction(id: $id, input: $input) { status }
}`;
const INVOICE = `query($id: ID!) {
  booksInvoice(id: $id) {
    id number total balanceDue invoiceStatus
    payments { id amount date mode reference createdAt invoice { id } }
  }
}`;
const RECEIVABLES = `query($id: ID!) {
  account(id: $id) { books { receivables { outstanding unusedCredits currency } } }
}`;
const TEMPLATES = `query($kind: BooksEmailTemplateKind) {
  booksEmailTemplates(kind: $kind) { id kind name }
}`;
const SET_PERMISSIONS = `mutation($profileId: ID!, $input: BooksPermissionsInput!) {
  setBooksPermissions(profileId: $profileId, input: $input) { levels { receivables { view } } }
}`;

/** 30,000 yen and 10% tax: 33,000 yen. */
const LINES = [{ description: 'Receivables test line', quantity: 1, rate: 30_000, taxRate: 10 }];
const TOTAL = 33_000;
/** Our own address for issuing invoices, which the synced contact may not have. */
const TO = 'books-receivables@example.test';

const VIEW = { view: true, createEdit: false, email: false };
const VIEW_EDIT = { view: true, createEdit: true, email: false };
const VIEW_EMAIL = { view: true, createEdit: false, email: true };

interface Payment {
  id: string;
  amount: number;
  date: string;
  mode: string;
  reference: string | null;
  createdAt: string;
  invoice: { id: string; balanceDue: number; invoiceStatus: string; status: string };
}
interface Invoice {
  id: string;
  number: string;
  total: number;
  balanceDue: number;
  invoiceStatus: string;
  payments: (Omit<Payment, 'invoice'> & { invoice: { id: string } })[];
}
interface Email {
  to: string;
  subject: string;
  status: string;
  attachment: string;
  queuedAt: string;
  sentAt: string | null;
}

/** The server's today: Date columns and the Date scalar are UTC days. */
const today = () => new Date().toISOString().slice(0, 10);

describe('BKS-7 receivables: payments and statements through the gateway', () => {
  let graph: Graph;
  const { sql, count } = sqlOn(() => graph.dataSources.books);
  const startedAt = new Date();
  let organizationId: string;
  /** A synced account with an e-mail address, whose books contact the invoices here are for. */
  let account: { accountId: string; contactId: string };
  let unsyncedAccountId: string;
  /** A desk contact synced to a books contact of its own (module CONTACTS). */
  let person: { deskContactId: string; contactId: string };
  let profileId: string;
  let levelsBefore: Record<string, unknown>;
  let sequencesBefore: { kind: string; next_value: number }[];
  let invoiceTemplateId: string;
  let statementTemplateId: string;
  /** Seeded invoices of the connected organization a payment is refused on, and another's. */
  const seeded = {} as Record<'DRAFT' | 'VOID' | 'PAID' | 'LABS', string>;
  let seededBefore: { id: string; status: string; balance_due: string }[];
  const created: string[] = [];

  const record = (as: DemoAgent, input: Record<string, unknown>) =>
    graph.query<{ recordBooksPayment: Payment }>(as, RECORD, { input });

  const statement = (as: DemoAgent, input: Record<string, unknown>) =>
    graph.query<{ emailBooksStatement: Email }>(as, STATEMENT, { input });

  const invoice = async (id: string) => {
    const res = await graph.query<{ booksInvoice: Invoice }>('agent', INVOICE, { id });
    expectNoErrors(res);
    return res.data?.booksInvoice as Invoice;
  };

  const outstanding = async () => {
    const res = await graph.query<{
      account: { books: { receivables: { outstanding: number; currency: string } } };
    }>('agent', RECEIVABLES, { id: account.accountId });
    expectNoErrors(res);
    return res.data?.account.books.receivables.outstanding as number;
  };

  /** A draft for the account dated `daysAgo` days back, made by the Agent profile. */
  const draft = async (daysAgo = 10) => {
    const made = await mutateOk<{ id: string; number: string; total: number }>(
      graph,
      'agent',
      CREATE_INVOICE,
      {
        input: { accountId: account.accountId, lineItems: LINES, date: addDays(today(), -daysAgo) },
      },
    );
    created.push(made.id);
    expect(made.total).toBe(TOTAL);
    return made;
  };

  /** An invoice issued the way desk issues one: e-mailed, which marks it SENT. */
  const issued = async (daysAgo = 10) => {
    const made = await draft(daysAgo);
    const sent = await mutateOk<{ status: string }>(graph, 'agent', EMAIL_INVOICE, {
      id: made.id,
      input: { templateId: invoiceTemplateId, to: TO },
    });
    expect(sent.status).toBe('QUEUED');
    const shown = await invoice(made.id);
    expect(shown).toMatchObject({ invoiceStatus: 'SENT', balanceDue: TOTAL });
    return shown;
  };

  const setLevels = (receivables: typeof VIEW) =>
    mutateOk(graph, 'admin', SET_PERMISSIONS, {
      profileId,
      input: { invoices: VIEW, estimates: VIEW, receivables },
    });

  /** Everything recording a payment could write. */
  const paymentWrites = async (invoiceIds: string[]) => ({
    payments: await count('SELECT 1 FROM books.payment'),
    invoices: await sql(
      `SELECT id, status, balance_due, updated_at FROM books.invoice WHERE id = ANY($1)
        ORDER BY id`,
      [invoiceIds],
    ),
  });

  /** Statements queued so far; other suites queue transaction e-mails meanwhile. */
  const statements = () =>
    count(`SELECT 1 FROM books.mail_message WHERE related_type = 'statement'`);

  /** Sessions waiting on session `pid`'s locks, or on one that waits on them (a row's queue). */
  const waitingOn = (pid: number) =>
    count(
      `WITH RECURSIVE blocked(pid) AS (
         SELECT pid FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))
         UNION
         SELECT a.pid FROM pg_stat_activity a JOIN blocked b ON b.pid = ANY(pg_blocking_pids(a.pid))
       ) SELECT pid FROM blocked`,
      [pid],
    );

  /** Refused at the mutation `root` with `code`, naming `field` and saying `message`. */
  function expectRefused(
    res: GraphQLResponse<Record<string, unknown>>,
    root: 'recordBooksPayment' | 'emailBooksStatement',
    code: string,
    field?: string,
    message?: RegExp,
  ): void {
    expectError(res, code, [root]);
    if (field) expect(res.errors?.[0].extensions?.field).toBe(field);
    if (message) expect(res.errors?.[0].message).toMatch(message);
    expect(res.data?.[root] ?? null).toBeNull();
  }

  beforeAll(async () => {
    graph = await startGraph();
    [{ organization_id: organizationId }] = await sql<{ organization_id: string }>(
      'SELECT organization_id FROM books.connection WHERE id = 1',
    );
    // Not the account other suites pick (the one with the most transactions, or the first by id).
    [account] = await sql<typeof account>(
      `SELECT c.desk_account_id AS "accountId", c.id AS "contactId" FROM books.contact c
        WHERE c.organization_id = $1 AND c.desk_account_id IS NOT NULL AND c.email IS NOT NULL
          AND c.id <> (SELECT t.contact_id FROM books.transaction t WHERE t.organization_id = $1
                        GROUP BY t.contact_id ORDER BY count(*) DESC, t.contact_id LIMIT 1)
        ORDER BY c.id DESC LIMIT 1`,
      [organizationId],
    );
    [{ id: unsyncedAccountId }] = await sql<{ id: string }>(
      `SELECT a.id FROM desk.account a
        WHERE NOT EXISTS (SELECT 1 FROM books.contact c
                           WHERE c.desk_account_id = a.id AND c.organization_id = $1)
        ORDER BY a.id LIMIT 1`,
      [organizationId],
    );
    [person] = await sql<typeof person>(
      `SELECT desk_contact_id AS "deskContactId", id AS "contactId" FROM books.contact
        WHERE organization_id = $1 AND desk_contact_id IS NOT NULL ORDER BY id LIMIT 1`,
      [organizationId],
    );
    for (const status of ['DRAFT', 'VOID', 'PAID'] as const) {
      [{ id: seeded[status] }] = await sql<{ id: string }>(
        `SELECT id FROM books.invoice WHERE organization_id = $1 AND status = $2
          ORDER BY number LIMIT 1`,
        [organizationId, status],
      );
    }
    [{ id: seeded.LABS }] = await sql<{ id: string }>(
      `SELECT id FROM books.invoice WHERE organization_id <> $1
          AND status IN ('SENT','VIEWED','UNPAID','PARTIALLY_PAID','OVERDUE')
        ORDER BY number LIMIT 1`,
      [organizationId],
    );
    seededBefore = await sql(
      'SELECT id, status, balance_due FROM books.invoice WHERE id = ANY($1)',
      [Object.values(seeded)],
    );
    const profiles = await graph.query<{ agentProfiles: { id: string; name: string }[] }>(
      'admin',
      '{ agentProfiles { id name } }',
    );
    profileId = profiles.data?.agentProfiles.find((p) => p.name === 'New agent')?.id as string;
    [levelsBefore] = await sql<Record<string, unknown>>(
      'SELECT * FROM books.profile_permission WHERE profile_id = $1',
      [profileId],
    );
    sequencesBefore = await sql(
      'SELECT kind, next_value FROM books.document_sequence WHERE organization_id = $1',
      [organizationId],
    );
    const templates = await graph.query<{
      booksEmailTemplates: { id: string; kind: string; name: string }[];
    }>('agent', TEMPLATES, {});
    expectNoErrors(templates);
    const ofKind = (kind: string) =>
      templates.data?.booksEmailTemplates.find((template) => template.kind === kind)?.id as string;
    invoiceTemplateId = ofKind('INVOICE');
    statementTemplateId = ofKind('STATEMENT');
  });

  afterAll(async () => {
    if (!graph) return;
    try {
      if (levelsBefore) {
        const columns = Object.keys(levelsBefore).filter((column) => column !== 'profile_id');
        await sql(
          `UPDATE books.profile_permission
              SET ${columns.map((column, index) => `${column} = $${index + 2}`).join(', ')}
            WHERE profile_id = $1`,
          [profileId, ...columns.map((column) => levelsBefore[column])],
        );
      }
      // Seeded invoices were only ever refused; should one have been paid, it is put back.
      await sql('DELETE FROM books.payment WHERE invoice_id = ANY($1) AND created_at >= $2', [
        Object.values(seeded),
        startedAt,
      ]);
      for (const { id, status, balance_due } of seededBefore ?? []) {
        await sql('UPDATE books.invoice SET status = $2, balance_due = $3 WHERE id = $1', [
          id,
          status,
          balance_due,
        ]);
      }
      await sql('DELETE FROM books.payment WHERE invoice_id = ANY($1)', [created]);
      await sql(
        `DELETE FROM books.mail_message
          WHERE (related_type = 'transaction' AND related_id = ANY($1))
             OR (related_type = 'statement' AND related_id = ANY($2) AND created_at >= $3)`,
        [created, [account?.contactId, person?.contactId], startedAt],
      );
      await sql('DELETE FROM books.invoice WHERE id = ANY($1)', [created]);
      for (const { kind, next_value } of sequencesBefore ?? []) {
        await sql(
          `UPDATE books.document_sequence SET next_value = $3
            WHERE organization_id = $1 AND kind = $2`,
          [organizationId, kind, next_value],
        );
      }
    } finally {
      await graph.stop();
    }
  });

  describe('create & edit: payments', () => {
    it('a partial then a final payment lower the balance and the receivables, move the status, and are listed', async () => {
      const { id, number } = await issued();
      const before = await outstanding();

      const partial = await record('agent', {
        invoiceId: id,
        amount: 13_000,
        date: addDays(today(), -5),
        mode: 'BANK_TRANSFER',
        reference: '  TRF-884211 ',
      });
      expectNoErrors(partial);
      expect(partial.data?.recordBooksPayment).toEqual({
        id: expect.any(String),
        amount: 13_000,
        date: addDays(today(), -5),
        mode: 'BANK_TRANSFER',
        reference: 'TRF-884211',
        createdAt: expect.any(String),
        invoice: {
          id,
          balanceDue: 20_000,
          invoiceStatus: 'PARTIALLY_PAID',
          status: 'PARTIALLY_PAID',
        },
      });
      expect(await outstanding()).toBe(before - 13_000);

      const final = await record('agent', { invoiceId: id, amount: 20_000, mode: 'CASH' });
      expectNoErrors(final);
      expect(final.data?.recordBooksPayment).toMatchObject({
        amount: 20_000,
        // The date defaults to today.
        date: today(),
        mode: 'CASH',
        reference: null,
        invoice: { id, balanceDue: 0, invoiceStatus: 'PAID' },
      });
      expect(await outstanding()).toBe(before - TOTAL);

      const paid = await invoice(id);
      expect(paid).toMatchObject({ number, total: TOTAL, balanceDue: 0, invoiceStatus: 'PAID' });
      expect(paid.payments).toEqual([
        {
          id: partial.data?.recordBooksPayment.id,
          amount: 13_000,
          date: addDays(today(), -5),
          mode: 'BANK_TRANSFER',
          reference: 'TRF-884211',
          createdAt: expect.any(String),
          invoice: { id },
        },
        expect.objectContaining({ id: final.data?.recordBooksPayment.id, amount: 20_000 }),
      ]);
      const rows = await sql<{ amount: string; created_by: string }>(
        'SELECT amount, created_by FROM books.payment WHERE invoice_id = $1 ORDER BY date',
        [id],
      );
      expect(rows).toEqual([
        { amount: '13000.00', created_by: DEMO_AGENTS[1].email },
        { amount: '20000.00', created_by: DEMO_AGENTS[1].email },
      ]);

      // Paid in full: nothing more is taken.
      expectRefused(
        await record('agent', { invoiceId: id, amount: 1, mode: 'CASH' }),
        'recordBooksPayment',
        'BAD_USER_INPUT',
        'invoiceId',
        /paid in full/,
      );
    });

    it('refuses, writing nothing: more than the balance, nothing or less, fractional yen, a draft, void or paid invoice, a future date, a date before the invoice’s, an unknown invoice', async () => {
      const open = await issued(10);
      const fresh = await draft();
      const invoices = [open.id, fresh.id, ...Object.values(seeded)];
      const before = await paymentWrites(invoices);
      const pay = (input: Record<string, unknown>) =>
        record('agent', { invoiceId: open.id, amount: 1000, mode: 'CHECK', ...input });

      const cases: [Record<string, unknown>, string, string | undefined, RegExp][] = [
        [{ amount: TOTAL + 1 }, 'BAD_USER_INPUT', 'amount', /more than the balance due/],
        [{ amount: 0 }, 'BAD_USER_INPUT', 'amount', /more than 0/],
        [{ amount: -500 }, 'BAD_USER_INPUT', 'amount', /more than 0/],
        [{ amount: 100.5 }, 'BAD_USER_INPUT', 'amount', /JPY is paid in whole units/],
        [{ invoiceId: fresh.id }, 'BAD_USER_INPUT', 'invoiceId', /draft/],
        [{ invoiceId: seeded.DRAFT }, 'BAD_USER_INPUT', 'invoiceId', /draft/],
        [{ invoiceId: seeded.VOID }, 'BAD_USER_INPUT', 'invoiceId', /void/],
        [{ invoiceId: seeded.PAID }, 'BAD_USER_INPUT', 'invoiceId', /paid in full/],
        [{ date: addDays(today(), 1) }, 'BAD_USER_INPUT', 'date', /in the future/],
        [{ date: addDays(today(), -11) }, 'BAD_USER_INPUT', 'date', /before the invoice's date/],
        [{ invoiceId: randomUUID() }, 'NOT_FOUND', undefined, /BooksInvoice/],
        [{ invoiceId: 'INV-00001' }, 'NOT_FOUND', undefined, /BooksInvoice/],
        // Another organization's invoice is not this help desk's (BKS-2).
        [{ invoiceId: seeded.LABS }, 'NOT_FOUND', undefined, /BooksInvoice/],
      ];
      for (const [input, code, field, message] of cases) {
        const res = await pay(input);
        expect({ input, codes: res.errors?.map((error) => error.extensions?.code) }).toEqual({
          input,
          codes: [code],
        });
        expectRefused(res, 'recordBooksPayment', code, field, message);
      }
      expect(await paymentWrites(invoices)).toEqual(before);
      expect((await invoice(open.id)).payments).toEqual([]);
    });

    it('takes exactly one of two payments at once that together exceed the balance', async () => {
      const { id } = await issued();
      const before = await outstanding();
      // The row is held locked here until both requests are waiting on it, so they really meet:
      // without the service's own lock both would read the whole balance as still due.
      const holder = graph.dataSources.books.createQueryRunner();
      await holder.connect();
      let results: GraphQLResponse<{ recordBooksPayment: Payment }>[];
      try {
        await holder.startTransaction();
        await holder.query('SELECT 1 FROM books.invoice WHERE id = $1 FOR UPDATE', [id]);
        const [{ pid }] = await holder.query('SELECT pg_backend_pid() AS pid');
        const pending = Promise.all(
          [20_000, 20_000].map((amount) =>
            record('agent', { invoiceId: id, amount, mode: 'CARD' }),
          ),
        );
        const deadline = Date.now() + 10_000;
        while ((await waitingOn(pid)) < 2) {
          if (Date.now() > deadline) throw new Error('the two payments never met at the lock');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await holder.commitTransaction();
        results = await pending;
      } finally {
        if (holder.isTransactionActive) await holder.rollbackTransaction();
        await holder.release();
      }
      const succeeded = results.filter((res) => !res.errors);
      const refused = results.filter((res) => res.errors);
      expect(succeeded).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expectRefused(
        refused[0],
        'recordBooksPayment',
        'BAD_USER_INPUT',
        'amount',
        /more than the balance due of ¥13,000/,
      );
      expect(succeeded[0].data?.recordBooksPayment.invoice).toMatchObject({
        balanceDue: 13_000,
        invoiceStatus: 'PARTIALLY_PAID',
      });
      const shown = await invoice(id);
      expect(shown).toMatchObject({ balanceDue: 13_000, invoiceStatus: 'PARTIALLY_PAID' });
      expect(shown.payments.map((payment) => payment.amount)).toEqual([20_000]);
      expect(await outstanding()).toBe(before - 20_000);
    });

    it('needs the receivables create & edit level: off, FORBIDDEN writing nothing; on, recorded', async () => {
      const { id } = await issued();
      await setLevels(VIEW);
      const before = await paymentWrites([id]);
      const refused = await record('newAgent', { invoiceId: id, amount: 1000, mode: 'CASH' });
      expectRefused(
        refused,
        'recordBooksPayment',
        'FORBIDDEN',
        undefined,
        /may not create or edit books receivables/,
      );
      expect(await paymentWrites([id])).toEqual(before);

      await setLevels(VIEW_EDIT);
      const allowed = await record('newAgent', { invoiceId: id, amount: 1000, mode: 'CASH' });
      expectNoErrors(allowed);
      expect(allowed.data?.recordBooksPayment.invoice).toMatchObject({
        balanceDue: TOTAL - 1000,
        invoiceStatus: 'PARTIALLY_PAID',
      });
      const [{ created_by: createdBy }] = await sql<{ created_by: string }>(
        'SELECT created_by FROM books.payment WHERE invoice_id = $1',
        [id],
      );
      expect(createdBy).toBe(DEMO_AGENTS[2].email);
      await setLevels(VIEW);
    });
  });

  describe('email: statements of account', () => {
    it('offers a STATEMENT template of its own kind', async () => {
      const res = await graph.query<{ booksEmailTemplates: { kind: string; name: string }[] }>(
        'agent',
        TEMPLATES,
        { kind: 'STATEMENT' },
      );
      expectNoErrors(res);
      expect(res.data?.booksEmailTemplates).toEqual([
        { id: statementTemplateId, kind: 'STATEMENT', name: 'Statement of account' },
      ]);
    });

    it('needs the receivables email level: off, FORBIDDEN queueing nothing; on, queued with a PDF of the outstanding invoices and their total', async () => {
      // One invoice of the account outstanding in part, so the statement shows a balance.
      const { id } = await issued();
      expectNoErrors(await record('agent', { invoiceId: id, amount: 3000, mode: 'CHECK' }));
      const input = { accountId: account.accountId, templateId: statementTemplateId };

      await setLevels(VIEW);
      const before = await statements();
      const refused = await statement('newAgent', input);
      expectRefused(
        refused,
        'emailBooksStatement',
        'FORBIDDEN',
        undefined,
        /may not e-mail books receivables/,
      );
      expect(await statements()).toBe(before);

      await setLevels(VIEW_EMAIL);
      const sent = await statement('newAgent', input);
      expectNoErrors(sent);
      await setLevels(VIEW);
      const [{ email, name }] = await sql<{ email: string; name: string }>(
        'SELECT email, name FROM books.contact WHERE id = $1',
        [account.contactId],
      );
      const [{ name: organizationName }] = await sql<{ name: string }>(
        'SELECT name FROM books.organization WHERE id = $1',
        [organizationId],
      );
      const fileName = `Statement-${today()}.pdf`;
      expect(sent.data?.emailBooksStatement).toEqual({
        to: email,
        subject: `Your statement of account from ${organizationName}`,
        status: 'QUEUED',
        attachment: fileName,
        queuedAt: expect.any(String),
        sentAt: null,
      });

      const open = await sql<{ number: string }>(
        `SELECT number FROM books.invoice WHERE contact_id = $1
            AND status IN ('SENT','VIEWED','UNPAID','PARTIALLY_PAID','OVERDUE')`,
        [account.contactId],
      );
      expect(open.map((row) => row.number)).toContain((await invoice(id)).number);
      const total = await outstanding();
      const [row] = await sql<{
        to_name: string;
        text_body: string;
        file: string;
        content: string;
      }>(
        `SELECT to_name, text_body, attachments->0->>'fileName' AS file,
                attachments->0->>'contentBase64' AS content
           FROM books.mail_message WHERE related_type = 'statement' AND related_id = $1
          ORDER BY created_at DESC LIMIT 1`,
        [account.contactId],
      );
      expect(row).toMatchObject({ to_name: name, file: fileName });
      expect(row.text_body).toContain(formatMoney(total, 'JPY'));
      const pdf = Buffer.from(row.content, 'base64').toString('latin1');
      expect(pdf.startsWith('%PDF-1.4')).toBe(true);
      for (const { number } of open) expect(pdf).toContain(pdfString(number));
      expect(pdf).toContain(pdfString('Total outstanding'));
      expect(pdf).toContain(pdfString(formatMoney(total, 'JPY')));
    });

    it('sends a desk contact’s statement to the address given', async () => {
      const sent = await statement('agent', {
        contactId: person.deskContactId,
        templateId: statementTemplateId,
        to: 'accounts@example.org',
      });
      expectNoErrors(sent);
      expect(sent.data?.emailBooksStatement).toMatchObject({
        to: 'accounts@example.org',
        status: 'QUEUED',
      });
      expect(
        await count(
          `SELECT 1 FROM books.mail_message WHERE related_type = 'statement' AND related_id = $1`,
          [person.contactId],
        ),
      ).toBeGreaterThan(0);
    });

    it('refuses, queueing nothing: an unknown or unsynced account, both or neither record, a template of another kind, an address that is none', async () => {
      const before = await statements();
      const cases: [Record<string, unknown>, string, string | undefined, RegExp][] = [
        [{ accountId: randomUUID() }, 'NOT_FOUND', undefined, /Account/],
        [{ contactId: randomUUID() }, 'NOT_FOUND', undefined, /Contact/],
        [
          { accountId: unsyncedAccountId },
          'BAD_USER_INPUT',
          'accountId',
          /must be synced to books before a statement.*startBooksSync/,
        ],
        [
          { accountId: account.accountId, contactId: person.deskContactId },
          'BAD_USER_INPUT',
          'input',
          /exactly one/,
        ],
        [{}, 'BAD_USER_INPUT', 'input', /exactly one/],
        [
          { accountId: account.accountId, templateId: invoiceTemplateId },
          'BAD_USER_INPUT',
          'templateId',
          /needs a STATEMENT template/,
        ],
        [
          { accountId: account.accountId, templateId: randomUUID() },
          'BAD_USER_INPUT',
          'templateId',
          /not one of this organization's/,
        ],
        [
          { accountId: account.accountId, to: 'not an address' },
          'BAD_USER_INPUT',
          undefined,
          /valid e-mail/,
        ],
      ];
      for (const [input, code, field, message] of cases) {
        const res = await statement('agent', { templateId: statementTemplateId, ...input });
        expectRefused(res, 'emailBooksStatement', code, field, message);
      }
      expect(await statements()).toBe(before);
    });
  });
});

import { config } from '../shared/config';
import { IDENTITY_HEADER, signForwardedIdentity } from '../shared/identity';
import type { DocumentSequence } from '../shared/integration/numbering';
import { DEMO_AGENTS } from '../subgraphs/desk/seed/generate';
import { booksState, type ConnectionRow, type LevelsRow } from './booksState';
import { errorCodes, expectError, expectNoErrors, mutateOk, sqlOn } from './expectations';
import { DemoAgent, Graph, GraphQLResponse, postGraphQL, startGraph } from './harness';

/**
 * BKS-1/BKS-7 through the gateway, as a matrix both ways: an administrator sets the "New agent"
 * profile's books levels with setBooksPermissions, and for estimates (with sales orders, which
 * follow them), invoices and the receivables summary, each of view / create & edit / email is
 * shown to let through with it on and to refuse (FORBIDDEN, writing nothing) with it off. Without
 * invoices view nothing of books answers, at the gateway or at the books subgraph's `_entities`.
 * Sales orders exist only in the BOOKS edition, whatever the levels. The seeded levels per demo
 * agent are booksSetup.test.ts's.
 *
 * afterAll puts the profile's levels, the edition and the numbering back and removes the drafts
 * made here and their e-mails.
 */

interface Access {
  view: boolean;
  createEdit: boolean;
  email: boolean;
}
interface Levels {
  invoices: Access;
  estimates: Access;
  receivables: Access;
}
type Kind = 'INVOICE' | 'ESTIMATE' | 'SALES_ORDER';

const NONE: Access = { view: false, createEdit: false, email: false };
const VIEW: Access = { view: true, createEdit: false, email: false };
const VIEW_EDIT: Access = { view: true, createEdit: true, email: false };
const VIEW_EMAIL: Access = { view: true, createEdit: false, email: true };

const EMAILS: Record<DemoAgent, string> = {
  admin: DEMO_AGENTS[0].email,
  agent: DEMO_AGENTS[1].email,
  newAgent: DEMO_AGENTS[2].email,
  light: DEMO_AGENTS[3].email,
};

const ACCESS_FIELDS = '{ view createEdit email }';
const SET_PERMISSIONS = `mutation($profileId: ID!, $input: BooksPermissionsInput!) {
  setBooksPermissions(profileId: $profileId, input: $input) {
    levels { invoices ${ACCESS_FIELDS} estimates ${ACCESS_FIELDS} receivables ${ACCESS_FIELDS} }
  }
}`;
const CREATE: Record<Kind, string> = {
  INVOICE: `mutation($input: CreateBooksTransactionInput!) { createBooksInvoice(input: $input) { id number } }`,
  ESTIMATE: `mutation($input: CreateBooksTransactionInput!) { createBooksEstimate(input: $input) { id number } }`,
  SALES_ORDER: `mutation($input: CreateBooksTransactionInput!) { createBooksSalesOrder(input: $input) { id number } }`,
};
const CREATE_FIELD: Record<Kind, string> = {
  INVOICE: 'createBooksInvoice',
  ESTIMATE: 'createBooksEstimate',
  SALES_ORDER: 'createBooksSalesOrder',
};
const UPDATE = `mutation($id: ID!, $input: UpdateBooksTransactionInput!) {
  updateBooksTransaction(id: $id, input: $input) { id notes }
}`;
const EMAIL = `mutation($id: ID!, $input: EmailBooksTransactionInput!) {
  emailBooksTransaction(id: $id, input: $input) { to status attachment }
}`;
const ACCOUNT_PANEL = `query($id: ID!, $kind: BooksTransactionKind) {
  account(id: $id) { id name books {
    contact { id }
    transactions(first: 100, kind: $kind) { totalCount nodes { id kind } }
  } }
}`;
const RECEIVABLES = `query($id: ID!) {
  account(id: $id) { id books { contact { id } receivables { outstanding unusedCredits currency } } }
}`;

const LINES = [{ description: 'Permission matrix line', quantity: 1, rate: 12_000 }];
/** An address of our own: the synced contact may have none. */
const TO = 'books-permissions@example.test';

type Response = GraphQLResponse<Record<string, unknown>>;

/** Refused with FORBIDDEN at `path`, with nothing of the field in the answer. */
function expectForbidden(res: Response, path: (string | number)[], message?: RegExp): void {
  expectError(res, 'FORBIDDEN', path);
  if (message) expect(res.errors?.[0].message).toMatch(message);
  expect(res.data?.[path[0]] ?? null).toBeNull();
}

describe('BKS-1/BKS-7: the books permission matrix, both ways', () => {
  let graph: Graph;
  const books = sqlOn(() => graph.dataSources.books);
  const state = booksState(() => graph.dataSources.books);
  let organizationId: string;
  let connectionBefore: ConnectionRow;
  let profileId: string;
  let levelsBefore: LevelsRow | undefined;
  let sequencesBefore: DocumentSequence[] | undefined;
  /** A synced account whose books contact has estimates, invoices and sales orders. */
  let synced: { accountId: string; contactId: string };
  /** One seeded document of each kind of the connected organization. */
  const seeded = {} as Record<Kind, { id: string; number: string }>;
  const templates = {} as Record<Kind, string>;
  let dealId: string;
  let deskContactId: string;
  /** Drafts made here, of every kind, removed in afterAll. */
  const created: string[] = [];

  const setLevels = (levels: Levels) =>
    mutateOk<{ levels: Levels }>(graph, 'admin', SET_PERMISSIONS, { profileId, input: levels });

  const query = <T = Record<string, unknown>>(
    as: DemoAgent,
    text: string,
    variables?: Record<string, unknown>,
  ) => graph.query<T>(as, text, variables);

  /** A draft of `kind` for the synced account, made by the Agent profile (every level). */
  async function draft(kind: Kind): Promise<string> {
    const { id } = await mutateOk<{ id: string }>(graph, 'agent', CREATE[kind], {
      input: { accountId: synced.accountId, lineItems: LINES },
    });
    created.push(id);
    return id;
  }

  const createAs = async (as: DemoAgent, kind: Kind) => {
    const res = await query<Record<string, { id: string } | null>>(as, CREATE[kind], {
      input: { accountId: synced.accountId, lineItems: LINES },
    });
    const made = res.data?.[CREATE_FIELD[kind]];
    if (made) created.push(made.id);
    return res;
  };

  const update = (as: DemoAgent, id: string, notes: string) =>
    query<{ updateBooksTransaction: { id: string; notes: string } }>(as, UPDATE, {
      id,
      input: { notes },
    });

  const email = (as: DemoAgent, id: string, kind: Kind) =>
    query<{ emailBooksTransaction: { to: string; status: string } }>(as, EMAIL, {
      id,
      input: { templateId: templates[kind], to: TO },
    });

  /** Everything a refused mutation could have written. */
  async function writes() {
    return {
      rows: await books.sql(
        `SELECT (SELECT count(*) FROM books.invoice)::int AS invoices,
                (SELECT count(*) FROM books.invoice_line)::int AS invoice_lines,
                (SELECT count(*) FROM books.estimate)::int AS estimates,
                (SELECT count(*) FROM books.estimate_line)::int AS estimate_lines,
                (SELECT count(*) FROM books.sales_order)::int AS sales_orders,
                (SELECT count(*) FROM books.sales_order_line)::int AS sales_order_lines,
                (SELECT count(*) FROM books.mail_message)::int AS mail`,
      ),
      sequences: await books.sql(
        `SELECT kind, next_value FROM books.document_sequence WHERE organization_id = $1
          ORDER BY kind`,
        [organizationId],
      ),
      drafts: await books.sql(
        `SELECT id, status, notes, total FROM books.invoice WHERE id = ANY($1)
         UNION ALL SELECT id, status, notes, total FROM books.estimate WHERE id = ANY($1)
         UNION ALL SELECT id, status, notes, total FROM books.sales_order WHERE id = ANY($1)
         ORDER BY id`,
        [created],
      ),
    };
  }

  /** The books subgraph itself, called with the gateway's signature for a demo agent. */
  const atSubgraph = (as: DemoAgent, text: string, variables: object) =>
    postGraphQL<{ _entities: unknown[] }>(
      graph.subgraphUrls.books,
      {
        [IDENTITY_HEADER]: signForwardedIdentity(
          { kind: 'agent', agentId: graph.agentIds[as], email: EMAILS[as] },
          config().auth,
        ),
      },
      { query: text, variables },
    );

  const ENTITY_QUERY = (typename: string, selection: string) =>
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { ${selection} } } }`;

  /**
   * One entity at the books subgraph: with `shown`, exactly what a profile that may see it gets;
   * otherwise FORBIDDEN and nothing of books.
   */
  async function expectEntity(
    as: DemoAgent,
    typename: string,
    selection: string,
    key: object,
    visible: unknown,
    shown: boolean,
  ) {
    const res = await atSubgraph(as, ENTITY_QUERY(typename, selection), {
      r: [{ __typename: typename, ...key }],
    });
    expect(res.status).toBe(200);
    if (shown) {
      expectNoErrors(res);
      expect(res.data?._entities).toEqual([visible]);
      return;
    }
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    // A books entity is left out whole; desk's entity keeps its key, without the panel.
    const [entity] = res.data?._entities ?? [null];
    expect(
      entity === null || Object.values(entity as object).every((value) => value === null),
    ).toBe(true);
  }

  beforeAll(async () => {
    graph = await startGraph();
    connectionBefore = await state.connection();
    organizationId = connectionBefore.organization_id as string;
    expect(connectionBefore.edition).toBe('BOOKS');
    const profiles = await query<{ agentProfiles: { id: string; name: string }[] }>(
      'admin',
      '{ agentProfiles { id name } }',
    );
    expectNoErrors(profiles);
    profileId = profiles.data?.agentProfiles.find((p) => p.name === 'New agent')?.id as string;
    levelsBefore = await state.levels(profileId);
    expect(levelsBefore).toBeDefined();
    sequencesBefore = await state.sequences(organizationId);
    [synced] = await books.sql<typeof synced>(
      `SELECT c.desk_account_id AS "accountId", c.id AS "contactId"
         FROM books.contact c JOIN books.transaction t ON t.contact_id = c.id
        WHERE c.organization_id = $1 AND c.desk_account_id IS NOT NULL
        GROUP BY c.id HAVING count(DISTINCT t.kind) = 3
        ORDER BY count(*) DESC, c.id LIMIT 1`,
      [organizationId],
    );
    if (!synced) throw new Error('the seed has no synced account with every kind of transaction');
    for (const kind of ['INVOICE', 'ESTIMATE', 'SALES_ORDER'] as const) {
      [seeded[kind]] = await books.sql<{ id: string; number: string }>(
        `SELECT id, number FROM books.transaction WHERE contact_id = $1 AND kind = $2
          ORDER BY number LIMIT 1`,
        [synced.contactId, kind],
      );
      [{ id: templates[kind] }] = await books.sql<{ id: string }>(
        `SELECT id FROM books.email_template WHERE organization_id = $1 AND kind = $2
          ORDER BY name LIMIT 1`,
        [organizationId, kind],
      );
    }
    [{ deal_id: dealId }] = await books.sql<{ deal_id: string }>(
      `SELECT deal_id FROM books.transaction WHERE organization_id = $1 AND deal_id IS NOT NULL
        ORDER BY deal_id LIMIT 1`,
      [organizationId],
    );
    [{ id: deskContactId }] = await books.sql<{ id: string }>(
      'SELECT id FROM desk.contact ORDER BY id LIMIT 1',
    );
  });

  afterAll(async () => {
    if (!graph) return;
    try {
      if (connectionBefore) await state.restoreConnection(connectionBefore);
      if (levelsBefore) await state.restoreLevels(profileId, levelsBefore);
      await state.deleteDocuments(created);
      await state.restoreSequences(sequencesBefore ?? []);
    } finally {
      await graph.stop();
    }
  });

  describe('view', () => {
    it('estimates off: estimates and sales orders are refused by id, number and PDF and left out of panels; on: returned', async () => {
      const byId = `query($estimate: ID!, $order: ID!) {
        booksEstimate(id: $estimate) { number } booksSalesOrder(id: $order) { number }
      }`;
      const byNumber = 'query($n: String!) { booksTransaction(number: $n) { id number } }';
      const pdf = 'query($id: ID!) { booksTransactionPdf(id: $id) { fileName } }';
      const ids = { estimate: seeded.ESTIMATE.id, order: seeded.SALES_ORDER.id };
      const counted = async (kinds: Kind[]) =>
        books.count('SELECT 1 FROM books.transaction WHERE contact_id = $1 AND kind = ANY($2)', [
          synced.contactId,
          kinds,
        ]);
      type Panel = {
        account: { books: { transactions: { totalCount: number; nodes: { kind: Kind }[] } } };
      };

      await setLevels({ invoices: VIEW, estimates: NONE, receivables: VIEW });
      const both = await query('newAgent', byId, ids);
      expect(both.status).toBe(200);
      expect(errorCodes(both)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      expect((both.errors ?? []).map((error) => error.path?.join('.')).sort()).toEqual([
        'booksEstimate',
        'booksSalesOrder',
      ]);
      for (const error of both.errors ?? []) {
        expect(error.message).toMatch(/may not see books estimates and sales orders/);
      }
      expect(Object.values(both.data ?? {}).every((value) => value === null)).toBe(true);
      for (const kind of ['ESTIMATE', 'SALES_ORDER'] as const) {
        const res = await query<{ booksTransaction: unknown }>('newAgent', byNumber, {
          n: seeded[kind].number,
        });
        expect(errorCodes(res).length).toBeGreaterThan(0);
        expect(new Set(errorCodes(res))).toEqual(new Set(['FORBIDDEN']));
        expect(res.data?.booksTransaction ?? null).toBeNull();
        expectForbidden(await query('newAgent', pdf, { id: seeded[kind].id }), [
          'booksTransactionPdf',
        ]);
      }
      const list = await query<Panel>('newAgent', ACCOUNT_PANEL, { id: synced.accountId });
      expectNoErrors(list);
      const { totalCount, nodes } = list.data?.account.books.transactions ?? {
        totalCount: -1,
        nodes: [],
      };
      expect(totalCount).toBe(await counted(['INVOICE']));
      expect(new Set(nodes.map((node) => node.kind))).toEqual(new Set(['INVOICE']));
      const onlyEstimates = await query<Panel>('newAgent', ACCOUNT_PANEL, {
        id: synced.accountId,
        kind: 'ESTIMATE',
      });
      expectNoErrors(onlyEstimates);
      expect(onlyEstimates.data?.account.books.transactions.totalCount).toBe(0);
      // Invoices, which the profile may view, answer all along.
      const invoice = await query<{ booksTransaction: { id: string } }>('newAgent', byNumber, {
        n: seeded.INVOICE.number,
      });
      expectNoErrors(invoice);
      expect(invoice.data?.booksTransaction.id).toBe(seeded.INVOICE.id);

      await setLevels({ invoices: VIEW, estimates: VIEW, receivables: VIEW });
      const shown = await query<{
        booksEstimate: { number: string };
        booksSalesOrder: { number: string };
      }>('newAgent', byId, ids);
      expectNoErrors(shown);
      expect(shown.data).toEqual({
        booksEstimate: { number: seeded.ESTIMATE.number },
        booksSalesOrder: { number: seeded.SALES_ORDER.number },
      });
      for (const kind of ['ESTIMATE', 'SALES_ORDER'] as const) {
        const res = await query<{ booksTransaction: { id: string } }>('newAgent', byNumber, {
          n: seeded[kind].number,
        });
        expectNoErrors(res);
        expect(res.data?.booksTransaction.id).toBe(seeded[kind].id);
        const file = await query<{ booksTransactionPdf: { fileName: string } }>('newAgent', pdf, {
          id: seeded[kind].id,
        });
        expectNoErrors(file);
        expect(file.data?.booksTransactionPdf.fileName).toBe(`${seeded[kind].number}.pdf`);
      }
      const all = await query<Panel>('newAgent', ACCOUNT_PANEL, { id: synced.accountId });
      expectNoErrors(all);
      expect(all.data?.account.books.transactions.totalCount).toBe(
        await counted(['INVOICE', 'ESTIMATE', 'SALES_ORDER']),
      );
    });

    it("receivables off: the panel's receivables are refused while the rest of it shows; on: returned", async () => {
      type Panel = {
        account: { id: string; books: { contact: { id: string }; receivables: unknown } };
      };
      await setLevels({ invoices: VIEW, estimates: VIEW, receivables: NONE });
      const refused = await query<Panel>('newAgent', RECEIVABLES, { id: synced.accountId });
      expectError(refused, 'FORBIDDEN', ['account', 'books', 'receivables']);
      expect(refused.errors?.[0].message).toMatch(/may not see books receivables/);
      expect(refused.data?.account).toEqual({
        id: synced.accountId,
        books: { contact: { id: synced.contactId }, receivables: null },
      });

      await setLevels({ invoices: VIEW, estimates: VIEW, receivables: VIEW });
      const shown = await query<Panel>('newAgent', RECEIVABLES, { id: synced.accountId });
      expectNoErrors(shown);
      const [{ outstanding }] = await books.sql<{ outstanding: string }>(
        `SELECT coalesce(sum(balance_due), 0) AS outstanding FROM books.invoice
          WHERE contact_id = $1 AND status IN ('SENT','VIEWED','UNPAID','PARTIALLY_PAID','OVERDUE')`,
        [synced.contactId],
      );
      expect(shown.data?.account.books.receivables).toEqual({
        outstanding: Number(outstanding),
        unusedCredits: expect.any(Number),
        currency: expect.any(String),
      });
    });
  });

  describe('create & edit', () => {
    it('off for every kind: creating and changing drafts of each kind is refused, writing nothing', async () => {
      const drafts = {
        INVOICE: await draft('INVOICE'),
        ESTIMATE: await draft('ESTIMATE'),
        SALES_ORDER: await draft('SALES_ORDER'),
      };
      await setLevels({ invoices: VIEW, estimates: VIEW, receivables: VIEW });
      const before = await writes();
      for (const kind of ['INVOICE', 'ESTIMATE', 'SALES_ORDER'] as const) {
        expectForbidden(await createAs('newAgent', kind), [CREATE_FIELD[kind]], /may not create/);
        expectForbidden(await update('newAgent', drafts[kind], 'Refused'), [
          'updateBooksTransaction',
        ]);
      }
      expect(await writes()).toEqual(before);
    });

    it('invoices only: invoices are created and changed, estimates and sales orders still refused', async () => {
      const drafts = {
        INVOICE: await draft('INVOICE'),
        ESTIMATE: await draft('ESTIMATE'),
        SALES_ORDER: await draft('SALES_ORDER'),
      };
      await setLevels({ invoices: VIEW_EDIT, estimates: VIEW, receivables: VIEW });
      const before = await writes();
      for (const kind of ['ESTIMATE', 'SALES_ORDER'] as const) {
        expectForbidden(await createAs('newAgent', kind), [CREATE_FIELD[kind]]);
        expectForbidden(await update('newAgent', drafts[kind], 'Refused'), [
          'updateBooksTransaction',
        ]);
      }
      expect(await writes()).toEqual(before);

      const made = await createAs('newAgent', 'INVOICE');
      expectNoErrors(made);
      expect(made.data?.createBooksInvoice).toMatchObject({
        number: expect.stringMatching(/^INV-/),
      });
      const changed = await update('newAgent', drafts.INVOICE, 'Changed by the New agent');
      expectNoErrors(changed);
      expect(changed.data?.updateBooksTransaction).toEqual({
        id: drafts.INVOICE,
        notes: 'Changed by the New agent',
      });
    });

    it('estimates only: estimates and sales orders are created and changed, invoices refused', async () => {
      const drafts = {
        INVOICE: await draft('INVOICE'),
        ESTIMATE: await draft('ESTIMATE'),
        SALES_ORDER: await draft('SALES_ORDER'),
      };
      await setLevels({ invoices: VIEW, estimates: VIEW_EDIT, receivables: VIEW });
      const before = await writes();
      expectForbidden(await createAs('newAgent', 'INVOICE'), ['createBooksInvoice']);
      expectForbidden(await update('newAgent', drafts.INVOICE, 'Refused'), [
        'updateBooksTransaction',
      ]);
      expect(await writes()).toEqual(before);

      for (const kind of ['ESTIMATE', 'SALES_ORDER'] as const) {
        const made = await createAs('newAgent', kind);
        expectNoErrors(made);
        expect(made.data?.[CREATE_FIELD[kind]]).toMatchObject({ id: expect.any(String) });
        const changed = await update('newAgent', drafts[kind], `Changed ${kind}`);
        expectNoErrors(changed);
        expect(changed.data?.updateBooksTransaction.notes).toBe(`Changed ${kind}`);
      }
    });
  });

  describe('email', () => {
    it('invoices off, estimates on: an invoice is refused, queueing nothing; an estimate and a sales order are queued', async () => {
      const drafts = {
        INVOICE: await draft('INVOICE'),
        ESTIMATE: await draft('ESTIMATE'),
        SALES_ORDER: await draft('SALES_ORDER'),
      };
      await setLevels({ invoices: VIEW, estimates: VIEW_EMAIL, receivables: VIEW });
      const before = await writes();
      expectForbidden(
        await email('newAgent', drafts.INVOICE, 'INVOICE'),
        ['emailBooksTransaction'],
        /may not e-mail books invoices/,
      );
      // Nothing queued, and the draft is still a draft.
      expect(await writes()).toEqual(before);

      for (const kind of ['ESTIMATE', 'SALES_ORDER'] as const) {
        const res = await email('newAgent', drafts[kind], kind);
        expectNoErrors(res);
        expect(res.data?.emailBooksTransaction).toMatchObject({ to: TO, status: 'QUEUED' });
        expect(
          await books.count(
            `SELECT 1 FROM books.mail_message WHERE related_type = 'transaction' AND related_id = $1`,
            [drafts[kind]],
          ),
        ).toBe(1);
      }
    });

    it('invoices on, estimates off: an invoice is queued; an estimate and a sales order are refused, queueing nothing', async () => {
      const drafts = {
        INVOICE: await draft('INVOICE'),
        ESTIMATE: await draft('ESTIMATE'),
        SALES_ORDER: await draft('SALES_ORDER'),
      };
      await setLevels({ invoices: VIEW_EMAIL, estimates: VIEW, receivables: VIEW });
      const before = await writes();
      for (const kind of ['ESTIMATE', 'SALES_ORDER'] as const) {
        expectForbidden(
          await email('newAgent', drafts[kind], kind),
          ['emailBooksTransaction'],
          /may not e-mail books estimates/,
        );
      }
      expect(await writes()).toEqual(before);

      const res = await email('newAgent', drafts.INVOICE, 'INVOICE');
      expectNoErrors(res);
      expect(res.data?.emailBooksTransaction).toMatchObject({ to: TO, status: 'QUEUED' });
      expect(
        await books.sql('SELECT status FROM books.invoice WHERE id = $1', [drafts.INVOICE]),
      ).toEqual([{ status: 'SENT' }]);
    });
  });

  describe('BKS-1: without invoices view', () => {
    it('every books query, panel and mutation is refused, writing nothing, while desk still answers', async () => {
      const drafts = { INVOICE: await draft('INVOICE'), ESTIMATE: await draft('ESTIMATE') };
      await setLevels({ invoices: NONE, estimates: NONE, receivables: NONE });
      const before = await writes();

      const queries: [string, string, Record<string, unknown>][] = [
        ['booksIntegration', '{ booksIntegration { status processRule } }', {}],
        [
          'booksTransaction',
          'query($n: String!) { booksTransaction(number: $n) { id } }',
          { n: seeded.INVOICE.number },
        ],
        [
          'booksInvoice',
          'query($id: ID!) { booksInvoice(id: $id) { number } }',
          { id: seeded.INVOICE.id },
        ],
        [
          'booksEstimate',
          'query($id: ID!) { booksEstimate(id: $id) { number } }',
          { id: seeded.ESTIMATE.id },
        ],
        [
          'booksSalesOrder',
          'query($id: ID!) { booksSalesOrder(id: $id) { number } }',
          { id: seeded.SALES_ORDER.id },
        ],
        ['booksItems', '{ booksItems(first: 1) { totalCount } }', {}],
        ['booksEmailTemplates', '{ booksEmailTemplates { id } }', {}],
        [
          'booksTransactionPdf',
          'query($id: ID!) { booksTransactionPdf(id: $id) { fileName } }',
          { id: seeded.INVOICE.id },
        ],
      ];
      for (const [field, text, variables] of queries) {
        // The same request answers the Agent profile: the refusal is the level's doing.
        const allowed = await query('agent', text, variables);
        expectNoErrors(allowed);
        expect(allowed.data?.[field]).not.toBeNull();
        expectForbidden(
          await query('newAgent', text, variables),
          [field],
          /may not see books data/,
        );
      }

      const panels: [string, string][] = [
        ['account', synced.accountId],
        ['contact', deskContactId],
        ['deal', dealId],
      ];
      for (const [type, id] of panels) {
        const text = `query($id: ID!) { ${type}(id: $id) { id books { transactions(first: 1) { totalCount } } } }`;
        const allowed = await query<Record<string, { books: unknown }>>('agent', text, { id });
        expectNoErrors(allowed);
        expect(allowed.data?.[type].books).not.toBeNull();
        const res = await query('newAgent', text, { id });
        expectError(res, 'FORBIDDEN', [type, 'books']);
        expect(res.data).toEqual({ [type]: { id, books: null } });
      }

      for (const kind of ['INVOICE', 'ESTIMATE', 'SALES_ORDER'] as const) {
        expectForbidden(await createAs('newAgent', kind), [CREATE_FIELD[kind]]);
      }
      for (const kind of ['INVOICE', 'ESTIMATE'] as const) {
        expectForbidden(await update('newAgent', drafts[kind], 'Refused'), [
          'updateBooksTransaction',
        ]);
        expectForbidden(await email('newAgent', drafts[kind], kind), ['emailBooksTransaction']);
      }
      expect(await writes()).toEqual(before);
    });
  });

  describe('_entities', () => {
    /** Type, selection, representation, and what a profile that may see it gets. */
    const entities = (): [string, string, object, unknown][] => [
      ['BooksInvoice', 'number', { id: seeded.INVOICE.id }, { number: seeded.INVOICE.number }],
      ['BooksEstimate', 'number', { id: seeded.ESTIMATE.id }, { number: seeded.ESTIMATE.number }],
      [
        'BooksSalesOrder',
        'number',
        { id: seeded.SALES_ORDER.id },
        { number: seeded.SALES_ORDER.number },
      ],
      ['BooksContact', 'id', { id: synced.contactId }, { id: synced.contactId }],
      [
        'Account',
        'books { contact { id } }',
        { id: synced.accountId },
        { books: { contact: { id: synced.contactId } } },
      ],
      ['Contact', 'books { contact { id } }', { id: deskContactId }, { books: expect.anything() }],
      [
        'Deal',
        'books { transactions(first: 1) { totalCount } }',
        { id: dealId },
        { books: { transactions: { totalCount: expect.any(Number) } } },
      ],
    ];

    it('are not part of the gateway’s API: the gateway refuses them before any subgraph is asked', async () => {
      for (const as of ['agent', 'newAgent'] as const) {
        const res = await query(as, ENTITY_QUERY('BooksInvoice', 'number'), {
          r: [{ __typename: 'BooksInvoice', id: seeded.INVOICE.id }],
        });
        expect(errorCodes(res).length).toBeGreaterThan(0);
        expect(new Set(errorCodes(res))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
        expect(res.data ?? null).toBeNull();
      }
    });

    it('at the books subgraph answer the Agent profile, and the New agent per its levels', async () => {
      for (const [typename, selection, key, visible] of entities()) {
        await expectEntity('agent', typename, selection, key, visible, true);
      }
      await setLevels({ invoices: VIEW, estimates: NONE, receivables: NONE });
      for (const [typename, selection, key, visible] of entities()) {
        const estimates = typename === 'BooksEstimate' || typename === 'BooksSalesOrder';
        await expectEntity('newAgent', typename, selection, key, visible, !estimates);
      }
      await setLevels({ invoices: NONE, estimates: NONE, receivables: NONE });
      for (const [typename, selection, key, visible] of entities()) {
        await expectEntity('newAgent', typename, selection, key, visible, false);
      }
    });
  });

  describe('BKS-7/BKS-8: sales orders in the INVOICE edition', () => {
    it('are refused even to the Agent profile, with every level: by id, number, panel, _entities, create, change and e-mail', async () => {
      const order = await draft('SALES_ORDER');
      await books.sql("UPDATE books.connection SET edition = 'INVOICE' WHERE id = 1");
      try {
        const before = await writes();
        expectForbidden(
          await query('agent', 'query($id: ID!) { booksSalesOrder(id: $id) { number } }', {
            id: seeded.SALES_ORDER.id,
          }),
          ['booksSalesOrder'],
          /only in the BOOKS edition/,
        );
        const byNumber = await query<{ booksTransaction: unknown }>(
          'agent',
          'query($n: String!) { booksTransaction(number: $n) { id } }',
          { n: seeded.SALES_ORDER.number },
        );
        expect(errorCodes(byNumber)).toEqual(['FORBIDDEN']);
        expect(byNumber.data?.booksTransaction ?? null).toBeNull();
        const panel = await query<{
          account: { books: { transactions: { totalCount: number; nodes: { kind: Kind }[] } } };
        }>('agent', ACCOUNT_PANEL, { id: synced.accountId });
        expectNoErrors(panel);
        expect(panel.data?.account.books.transactions.nodes.map((node) => node.kind)).not.toContain(
          'SALES_ORDER',
        );
        const onlyOrders = await query<{
          account: { books: { transactions: { totalCount: number } } };
        }>('agent', ACCOUNT_PANEL, { id: synced.accountId, kind: 'SALES_ORDER' });
        expect(onlyOrders.data?.account.books.transactions.totalCount).toBe(0);
        await expectEntity(
          'agent',
          'BooksSalesOrder',
          'number',
          { id: seeded.SALES_ORDER.id },
          null,
          false,
        );

        // One refusal, one code, whichever way the sales order is reached.
        for (const refused of [
          await createAs('agent', 'SALES_ORDER'),
          await update('agent', order, 'Refused'),
          await email('agent', order, 'SALES_ORDER'),
        ]) {
          expectError(refused, 'FORBIDDEN');
          expect(refused.errors?.[0].message).toMatch(/only in the BOOKS edition/);
        }
        expect(await writes()).toEqual(before);
      } finally {
        await state.restoreConnection(connectionBefore);
      }
      const back = await query<{ booksSalesOrder: { number: string } }>(
        'agent',
        'query($id: ID!) { booksSalesOrder(id: $id) { number } }',
        { id: seeded.SALES_ORDER.id },
      );
      expectNoErrors(back);
      expect(back.data?.booksSalesOrder.number).toBe(seeded.SALES_ORDER.number);
    });
  });
});

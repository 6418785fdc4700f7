import type { DocumentSequence } from '../shared/integration/numbering';
import { booksState } from './booksState';
import { expectError, expectNoErrors, mutateOk, sqlOn } from './expectations';
import { Graph, startGraph } from './harness';

/**
 * BKS-9/BKS-10 through the gateway: the books panel on desk's Account, Contact and Deal (contact,
 * transactions with kind filter and paging, receivables), transactions created from an account
 * (never a deal, never an account not synced yet), draft-only updates, and batching: the SQL an
 * accounts page's panels cost does not grow with the number of accounts. What is created here is
 * removed, and the numbering put back, in afterAll.
 */

const PANEL_FIELDS = `
  contact { id name account { id } }
  transactions(first: $first, after: $after, kind: $kind) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      __typename id kind number status total currency
      contact { id }
      lineItems { description quantity rate taxRate amount item { sku } }
    }
  }`;
const ACCOUNT_PANEL = `query($id: ID!, $first: Int, $after: String, $kind: BooksTransactionKind) {
  account(id: $id) { books { ${PANEL_FIELDS} receivables { outstanding unusedCredits currency } } }
}`;
const DEAL_PANEL = `query($id: ID!, $first: Int, $after: String, $kind: BooksTransactionKind) {
  deal(id: $id) { books { ${PANEL_FIELDS} } }
}`;
const ACCOUNTS_PANELS = `query($first: Int!) {
  accounts(first: $first) { nodes { id books {
    contact { name }
    receivables { outstanding }
    transactions(first: 5) { totalCount nodes { number contact { name } lineItems { amount item { sku } } } }
  } } }
}`;
const CREATE_INVOICE = `mutation($input: CreateBooksTransactionInput!) {
  createBooksInvoice(input: $input) {
    id number invoiceStatus dueOn subTotal tax total balanceDue contact { id }
    lineItems { description amount }
  }
}`;
const CREATE_SALES_ORDER = `mutation($input: CreateBooksTransactionInput!) {
  createBooksSalesOrder(input: $input) { id number salesOrderStatus }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateBooksTransactionInput!) {
  updateBooksTransaction(id: $id, input: $input) { id notes total }
}`;

interface Transaction {
  __typename: string;
  id: string;
  kind: string;
  number: string;
  contact: { id: string };
  lineItems: unknown[];
}
interface Panel {
  contact: { id: string; name: string; account: { id: string } } | null;
  transactions: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: Transaction[];
  };
  receivables?: { outstanding: number; unusedCredits: number; currency: string } | null;
}

describe('books panels and transactions (BKS-9, BKS-10)', () => {
  let graph: Graph;
  const { sql, count } = sqlOn(() => graph.dataSources.books);
  const state = booksState(() => graph.dataSources.books);
  let organizationId: string;
  /** A synced account with the most transactions, its books contact, and an unsynced account. */
  let synced: { accountId: string; contactId: string };
  let unsyncedAccountId: string;
  let dealId: string;
  let sequencesBefore: DocumentSequence[];
  const created: string[] = [];

  const accountPanel = async (as: 'agent' | 'newAgent' | 'light', variables: object) =>
    graph.query<{ account: { books: Panel | null } }>(as, ACCOUNT_PANEL, {
      id: synced.accountId,
      ...variables,
    });

  beforeAll(async () => {
    graph = await startGraph();
    [{ organization_id: organizationId }] = await sql<{ organization_id: string }>(
      'SELECT organization_id FROM books.connection WHERE id = 1',
    );
    [synced] = await sql<typeof synced>(
      `SELECT c.desk_account_id AS "accountId", c.id AS "contactId"
         FROM books.contact c JOIN books.transaction t ON t.contact_id = c.id
        WHERE c.organization_id = $1 AND c.desk_account_id IS NOT NULL
        GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1`,
      [organizationId],
    );
    [{ id: unsyncedAccountId }] = await sql<{ id: string }>(
      `SELECT a.id FROM desk.account a
        WHERE NOT EXISTS (SELECT 1 FROM books.contact c
                           WHERE c.desk_account_id = a.id AND c.organization_id = $1)
        ORDER BY a.id LIMIT 1`,
      [organizationId],
    );
    [{ deal_id: dealId }] = await sql<{ deal_id: string }>(
      `SELECT deal_id FROM books.transaction WHERE organization_id = $1 AND deal_id IS NOT NULL
        GROUP BY deal_id ORDER BY count(*) DESC, deal_id LIMIT 1`,
      [organizationId],
    );
    sequencesBefore = await state.sequences(organizationId);
  });

  afterAll(async () => {
    await state.deleteDocuments(created);
    await state.restoreSequences(sequencesBefore);
    await graph.stop();
  });

  it('BKS-10: an account panel shows its books contact, its transactions newest first, and receivables', async () => {
    const res = await accountPanel('agent', { first: 50 });
    expectNoErrors(res);
    const panel = res.data?.account.books as Panel;
    expect(panel.contact).toMatchObject({
      id: synced.contactId,
      account: { id: synced.accountId },
    });
    const expected = await count('SELECT 1 FROM books.transaction WHERE contact_id = $1', [
      synced.contactId,
    ]);
    expect(panel.transactions.totalCount).toBe(expected);
    expect(panel.transactions.nodes.every((node) => node.contact.id === synced.contactId)).toBe(
      true,
    );
    expect(panel.transactions.nodes.every((node) => node.lineItems.length > 0)).toBe(true);
    const [{ outstanding }] = await sql<{ outstanding: string }>(
      `SELECT coalesce(sum(balance_due), 0) AS outstanding FROM books.invoice WHERE contact_id = $1
          AND status IN ('SENT','VIEWED','UNPAID','PARTIALLY_PAID','OVERDUE')`,
      [synced.contactId],
    );
    expect(panel.receivables?.outstanding).toBe(Number(outstanding));
  });

  it('BKS-10: the kind filter and paging', async () => {
    const invoices = await accountPanel('agent', { first: 50, kind: 'INVOICE' });
    expectNoErrors(invoices);
    const nodes = invoices.data?.account.books?.transactions.nodes ?? [];
    expect(
      nodes.every((node) => node.kind === 'INVOICE' && node.__typename === 'BooksInvoice'),
    ).toBe(true);
    expect(nodes).toHaveLength(
      await count('SELECT 1 FROM books.invoice WHERE contact_id = $1', [synced.contactId]),
    );
    const first = await accountPanel('agent', { first: 2 });
    const page = first.data?.account.books?.transactions;
    expect(page?.pageInfo.hasNextPage).toBe(true);
    const second = await accountPanel('agent', { first: 2, after: page?.pageInfo.endCursor });
    expectNoErrors(second);
    const ids = [
      ...(page?.nodes ?? []),
      ...(second.data?.account.books?.transactions.nodes ?? []),
    ].map((node) => node.id);
    expect(new Set(ids).size).toBe(4);
  });

  it("BKS-10: a deal panel lists the deal's transactions; a light agent gets FORBIDDEN", async () => {
    const res = await graph.query<{ deal: { books: Panel } }>('agent', DEAL_PANEL, {
      id: dealId,
      first: 50,
    });
    expectNoErrors(res);
    expect(res.data?.deal.books.contact).toBeNull();
    expect(res.data?.deal.books.transactions.totalCount).toBe(
      await count('SELECT 1 FROM books.transaction WHERE deal_id = $1', [dealId]),
    );
    // The light agent may see desk contacts (not accounts), but nothing of books on them.
    const [contact] = await sql<{ id: string }>('SELECT id FROM desk.contact ORDER BY id LIMIT 1');
    expectError(
      await graph.query(
        'light',
        `{ contact(id: "${contact.id}") { id books { contact { id } } } }`,
      ),
      'FORBIDDEN',
      ['contact', 'books'],
    );
  });

  it('BKS-9: an invoice from a synced account; refused from a deal, from both or neither, and from an unsynced account', async () => {
    const lineItems = [{ description: 'Consulting', quantity: 2, rate: 15000, taxRate: 10 }];
    const invoice = await mutateOk<{
      id: string;
      number: string;
      invoiceStatus: string;
      subTotal: number;
      tax: number;
      total: number;
      balanceDue: number;
      contact: { id: string };
    }>(graph, 'agent', CREATE_INVOICE, { input: { accountId: synced.accountId, lineItems } });
    created.push(invoice.id);
    expect(invoice).toMatchObject({
      invoiceStatus: 'DRAFT',
      subTotal: 30000,
      tax: 3000,
      total: 33000,
      balanceDue: 33000,
      contact: { id: synced.contactId },
    });
    expect(invoice.number).toMatch(/^INV-\d{5}$/);

    const writes = () => count('SELECT 1 FROM books.invoice');
    const before = await writes();
    const unsynced = await graph.query('agent', CREATE_INVOICE, {
      input: { accountId: unsyncedAccountId, lineItems },
    });
    expectError(unsynced, 'BAD_USER_INPUT', ['createBooksInvoice']);
    expect(unsynced.errors?.[0].message).toMatch(/must be synced to books.*startBooksSync/);
    expectError(
      await graph.query('agent', CREATE_INVOICE, {
        input: { accountId: synced.accountId, dealId, lineItems },
      }),
      'BAD_USER_INPUT',
    );
    expectError(
      await graph.query('agent', CREATE_INVOICE, { input: { lineItems } }),
      'BAD_USER_INPUT',
    );
    // BKS-7: the new agent only looks.
    expectError(
      await graph.query('newAgent', CREATE_INVOICE, {
        input: { accountId: synced.accountId, lineItems },
      }),
      'FORBIDDEN',
      ['createBooksInvoice'],
    );
    expect(await writes()).toBe(before);

    const order = await mutateOk<{ id: string; number: string; salesOrderStatus: string }>(
      graph,
      'agent',
      CREATE_SALES_ORDER,
      { input: { accountId: synced.accountId, lineItems } },
    );
    created.push(order.id);
    expect(order.number).toMatch(/^SO-\d{5}$/);

    // Drafts change; anything sent does not.
    const updated = await mutateOk<{ notes: string; total: number }>(graph, 'agent', UPDATE, {
      id: invoice.id,
      input: { notes: 'Thanks', lineItems: [{ description: 'More', quantity: 1, rate: 1000 }] },
    });
    expect(updated).toMatchObject({ notes: 'Thanks', total: 1000 });
    const [sent] = await sql<{ id: string }>(
      "SELECT id FROM books.invoice WHERE organization_id = $1 AND status <> 'DRAFT' LIMIT 1",
      [organizationId],
    );
    expectError(
      await graph.query('agent', UPDATE, { id: sent.id, input: { notes: 'x' } }),
      'BAD_USER_INPUT',
    );
  });

  it('BKS-10: statuses are shown as of today: a sent invoice past its due date is OVERDUE, a sent estimate past its expiry EXPIRED', async () => {
    const [invoice] = await sql<{ id: string; status: string; due_on: string }>(
      `SELECT id, status, due_on::text FROM books.invoice
        WHERE organization_id = $1 AND status = 'SENT' AND balance_due = total LIMIT 1`,
      [organizationId],
    );
    const [estimate] = await sql<{ id: string; expires_on: string }>(
      `SELECT id, expires_on::text FROM books.estimate
        WHERE organization_id = $1 AND status = 'SENT' AND expires_on IS NOT NULL LIMIT 1`,
      [organizationId],
    );
    const STATUSES = `query($invoice: ID!, $estimate: ID!) {
      booksInvoice(id: $invoice) { status invoiceStatus }
      booksEstimate(id: $estimate) { status estimateStatus }
    }`;
    const statuses = async () => {
      const res = await graph.query<{
        booksInvoice: { status: string; invoiceStatus: string };
        booksEstimate: { status: string; estimateStatus: string };
      }>('agent', STATUSES, { invoice: invoice.id, estimate: estimate.id });
      expectNoErrors(res);
      return res.data;
    };
    try {
      await sql('UPDATE books.invoice SET due_on = current_date + 1 WHERE id = $1', [invoice.id]);
      await sql('UPDATE books.estimate SET expires_on = current_date + 1 WHERE id = $1', [
        estimate.id,
      ]);
      expect(await statuses()).toEqual({
        booksInvoice: { status: 'SENT', invoiceStatus: 'SENT' },
        booksEstimate: { status: 'SENT', estimateStatus: 'SENT' },
      });
      // Nothing is written: the day passing is all that changes.
      await sql('UPDATE books.invoice SET due_on = current_date - 1 WHERE id = $1', [invoice.id]);
      await sql('UPDATE books.estimate SET expires_on = current_date - 1 WHERE id = $1', [
        estimate.id,
      ]);
      expect(await statuses()).toEqual({
        booksInvoice: { status: 'OVERDUE', invoiceStatus: 'OVERDUE' },
        booksEstimate: { status: 'EXPIRED', estimateStatus: 'EXPIRED' },
      });
    } finally {
      await sql('UPDATE books.invoice SET due_on = $2 WHERE id = $1', [invoice.id, invoice.due_on]);
      await sql('UPDATE books.estimate SET expires_on = $2 WHERE id = $1', [
        estimate.id,
        estimate.expires_on,
      ]);
    }
  });

  it("batching: an accounts page's books panels cost the same statements for 5 accounts as for 40", async () => {
    const cost = (first: number) =>
      graph.countStatements('books', async () => {
        expectNoErrors(await graph.query('agent', ACCOUNTS_PANELS, { first }));
      });
    const small = await cost(5);
    const large = await cost(40);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(20);
  });
});

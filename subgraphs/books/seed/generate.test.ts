import type { DataSource } from 'typeorm';
import { openAndMigrate } from '../../../shared/database/dataSource';
import { nextNumber } from '../../../shared/integration/numbering';
import { calendarDate, TODAY, TODAY_DATE } from '../../../shared/seed/clock';
import { logger } from '../../../shared/logger';
import { scratchDatabase } from '../../../test/scratchDatabase';
import { generateDeskDemo } from '../../desk/seed/generate';
import { BOOKS_SCHEMA, createBooksDataSource } from '../database';
import {
  contactSyncHash,
  contactSyncProblems,
  DEFAULT_MAPPINGS,
  deskAccountValues,
  deskContactValues,
  mappedValues,
} from '../domain/contactSync';
import { documentTotals, subtractMoney, sumMoney } from '../domain/money';
import { PAYMENT_MODES, paymentProblems } from '../domain/payments';
import { levelProblems, levelsOf } from '../domain/permissions';
import { serviceKeyMatches } from '../domain/serviceKey';
import {
  ESTIMATE_STATUSES,
  estimateStatusOn,
  INVOICE_STATUSES,
  invoiceStatusOn,
  OUTSTANDING_INVOICE_STATUSES,
  SALES_ORDER_STATUSES,
  salesOrderStatusOf,
  TRANSACTION_KINDS,
} from '../domain/status';
import { TEMPLATE_KINDS, unknownPlaceholders } from '../domain/templates';
import { Transaction } from '../entities';
import type { BooksDocument } from '../entities/document';
import type { DocumentLine } from '../entities/documentLine';
import { HISTORY_STARTS_ON } from './clock';
import { ruledDeals } from './contacts';
import { booksIsSeeded, generateBooksDemo, seedBooks } from './generate';
import {
  AGENT_SERVICE_KEY,
  AGENT_SERVICE_KEY_EMAIL,
  BOOKS_ORGANIZATION,
  CONNECTED_AT,
  DEMO_SERVICE_KEY,
  DEMO_SERVICE_KEY_EMAIL,
  LABS_ORGANIZATION,
} from './organizations';
import { RETIRED_ON } from './vocabulary';

/** The scale test/globalSetup.ts seeds desk with, so contacts map to accounts it inserted. */
const SCALE = 0.05;

const demo = generateBooksDemo(SCALE);
const desk = generateDeskDemo(SCALE);
const [books, labs] = demo.organizations;

function byId<T extends { id: string }>(rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

function values<T>(rows: readonly T[], pick: (row: T) => string): Set<string> {
  return new Set(rows.map(pick));
}

function groupCounts(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

const contacts = byId(demo.contacts);
const items = byId(demo.items);
const estimates = byId(demo.estimates);
const salesOrders = byId(demo.salesOrders);
const organizations = byId(demo.organizations);
const showcaseId = demo.showcaseContactId ?? '';

/** Each kind's documents with their lines, as one list. */
const documents: { kind: string; document: BooksDocument; lines: DocumentLine[] }[] = [
  ...demo.estimates.map((document) => ({
    kind: 'ESTIMATE',
    document,
    lines: demo.estimateLines.filter((line) => line.estimateId === document.id),
  })),
  ...demo.invoices.map((document) => ({
    kind: 'INVOICE',
    document,
    lines: demo.invoiceLines.filter((line) => line.invoiceId === document.id),
  })),
  ...demo.salesOrders.map((document) => ({
    kind: 'SALES_ORDER',
    document,
    lines: demo.salesOrderLines.filter((line) => line.salesOrderId === document.id),
  })),
];

describe('generateBooksDemo', () => {
  it('is identical for the same scale, ids included', () => {
    expect(generateBooksDemo(SCALE)).toEqual(demo);
  });

  it('shows every status of every kind at the smallest scale, in the connected organization', () => {
    const ofBooks = <T extends { organizationId: string }>(rows: readonly T[]) =>
      rows.filter((row) => row.organizationId === books.id);
    expect(values(ofBooks(demo.estimates), (e) => e.status)).toEqual(new Set(ESTIMATE_STATUSES));
    expect(values(ofBooks(demo.invoices), (i) => i.status)).toEqual(new Set(INVOICE_STATUSES));
    expect(values(ofBooks(demo.salesOrders), (o) => o.status)).toEqual(
      new Set(SALES_ORDER_STATUSES),
    );
    expect(values(demo.items, (i) => String(i.active))).toEqual(new Set(['true', 'false']));
  });

  it('connects the demo key to the first of two organizations, with the ESTIMATES rule', () => {
    expect([books.name, labs.name]).toEqual([BOOKS_ORGANIZATION, LABS_ORGANIZATION]);
    expect([books.currency, labs.currency]).toEqual(['JPY', 'USD']);
    const [adminKey, agentKey] = demo.serviceKeys;
    expect(demo.connection).toEqual({
      status: 'ENABLED',
      edition: 'BOOKS',
      connectedEmail: DEMO_SERVICE_KEY_EMAIL,
      serviceKeyId: adminKey.id,
      organizationId: books.id,
      processRule: 'ESTIMATES',
      changedBy: DEMO_SERVICE_KEY_EMAIL,
      changedAt: CONNECTED_AT,
    });
    const reached = (keyId: string) =>
      demo.serviceKeyOrganizations
        .filter((link) => link.serviceKeyId === keyId)
        .map((link) => organizations.get(link.organizationId)?.name);
    expect(reached(adminKey.id)).toEqual([BOOKS_ORGANIZATION, LABS_ORGANIZATION]);
    expect(reached(agentKey.id)).toEqual([BOOKS_ORGANIZATION]);
  });

  it('stores only the hashes of the demo keys, which match their own addresses only', () => {
    const [adminKey, agentKey] = demo.serviceKeys;
    const admin = { email: DEMO_SERVICE_KEY_EMAIL, key: DEMO_SERVICE_KEY };
    const agent = { email: AGENT_SERVICE_KEY_EMAIL, key: AGENT_SERVICE_KEY };
    expect(serviceKeyMatches(admin, adminKey)).toBe(true);
    expect(serviceKeyMatches(agent, agentKey)).toBe(true);
    expect(serviceKeyMatches({ ...admin, key: AGENT_SERVICE_KEY }, agentKey)).toBe(false);
    expect(serviceKeyMatches({ ...agent, key: DEMO_SERVICE_KEY }, adminKey)).toBe(false);
    const everything = JSON.stringify(demo);
    expect(everything).not.toContain(DEMO_SERVICE_KEY);
    expect(everything).not.toContain(AGENT_SERVICE_KEY);
  });

  it('gives agents every level and new agents view only; others have no row', () => {
    const profileName = new Map(desk.staff.profiles.map((p) => [p.id, p.name]));
    const all = { view: true, createEdit: true, email: true };
    const view = { view: true, createEdit: false, email: false };
    expect(
      demo.profilePermissions.map((row) => [profileName.get(row.profileId), levelsOf(row)]),
    ).toEqual([
      ['Agent', { invoices: all, estimates: all, receivables: all }],
      ['New agent', { invoices: view, estimates: view, receivables: view }],
    ]);
    for (const row of demo.profilePermissions) expect(levelProblems(levelsOf(row))).toEqual([]);
  });

  it('syncs accounts under settings that can be stored, with templates of every kind', () => {
    expect(contactSyncProblems(demo.contactSync)).toEqual([]);
    expect(demo.contactSync.module).toBe('ACCOUNTS');
    for (const organization of demo.organizations) {
      const templates = demo.emailTemplates.filter((t) => t.organizationId === organization.id);
      expect(values(templates, (t) => t.kind)).toEqual(new Set(TEMPLATE_KINDS));
    }
    for (const template of demo.emailTemplates) {
      expect(unknownPlaceholders(template.kind, `${template.subject}\n${template.body}`)).toEqual(
        [],
      );
    }
  });

  it('makes books contacts of about 60% of desk accounts, hashed as their sync left them', () => {
    const accounts = new Map(desk.customers.customers.map((c) => [c.account.id, c.account]));
    const people = new Map(desk.customers.people.map((p) => [p.contact.id, p.contact]));
    const ofBooks = demo.contacts.filter((c) => c.organizationId === books.id);
    const linked = ofBooks.filter((c) => c.deskAccountId !== null);
    expect(linked.length / accounts.size).toBeGreaterThanOrEqual(0.5);
    expect(linked.length / accounts.size).toBeLessThanOrEqual(0.75);
    expect(ofBooks.filter((c) => c.deskContactId !== null).length).toBeGreaterThanOrEqual(2);
    expect(ofBooks.some((c) => c.deskAccountId === null && c.deskContactId === null)).toBe(true);
    // The labs were never connected.
    expect(
      demo.contacts.filter((c) => c.organizationId === labs.id && c.syncedHash !== null),
    ).toEqual([]);

    let editedInBooks = 0;
    for (const contact of demo.contacts) {
      expect(contact.currency).toBe(organizations.get(contact.organizationId)?.currency);
      expect(contact.createdAt <= contact.updatedAt && contact.updatedAt < TODAY).toBe(true);
      const account = contact.deskAccountId ? accounts.get(contact.deskAccountId) : undefined;
      const person = contact.deskContactId ? people.get(contact.deskContactId) : undefined;
      if (!account && !person) {
        expect([contact.syncedHash, contact.deskSyncedAt]).toEqual([null, null]);
        continue;
      }
      const mapping = DEFAULT_MAPPINGS[account ? 'ACCOUNTS' : 'CONTACTS'];
      const deskValues = account
        ? deskAccountValues(account)
        : person
          ? deskContactValues(person)
          : {};
      expect(contact.syncedHash).toBe(contactSyncHash(mapping, mappedValues(mapping, deskValues)));
      if (account)
        expect(contact.deskSyncedAt && account.createdAt < contact.deskSyncedAt).toBe(true);
      const booksHash = contactSyncHash(mapping, {
        NAME: contact.name,
        COMPANY_NAME: contact.companyName,
        EMAIL: contact.email,
        PHONE: contact.phone,
        WEBSITE: contact.website,
        CITY: contact.city,
        COUNTRY: contact.country,
      });
      if (booksHash !== contact.syncedHash) {
        // Changed in books since the sync: the next sync sees a books-side change.
        editedInBooks += 1;
        expect(contact.updatedAt > (contact.deskSyncedAt ?? TODAY)).toBe(true);
      }
    }
    expect(editedInBooks).toBeGreaterThan(0);
    const keys = (pick: (c: (typeof demo.contacts)[number]) => string | null) =>
      demo.contacts.flatMap((c) => (pick(c) ? [`${c.organizationId}/${pick(c)}`] : []));
    expect(new Set(keys((c) => c.deskAccountId)).size).toBe(keys((c) => c.deskAccountId).length);
    expect(new Set(keys((c) => c.deskContactId)).size).toBe(keys((c) => c.deskContactId).length);
  });

  it('totals every document from its lines, each rounded to the currency', () => {
    for (const { document, lines } of documents) {
      expect(lines.map((line) => line.position)).toEqual(lines.map((_, index) => index + 1));
      expect(document.currency).toBe(contacts.get(document.contactId)?.currency);
      expect(document.organizationId).toBe(contacts.get(document.contactId)?.organizationId);
      const totals = documentTotals(lines, document.currency);
      expect(lines.map((line) => line.amount)).toEqual(totals.lines.map((line) => line.amount));
      expect([document.subTotal, document.tax, document.total]).toEqual([
        totals.subTotal,
        totals.tax,
        totals.total,
      ]);
      expect(document.total).toBeGreaterThan(0);
      for (const line of lines) {
        if (line.itemId === null) continue;
        const item = items.get(line.itemId);
        expect(item?.organizationId).toBe(document.organizationId);
        if (!item?.active) expect(document.date < RETIRED_ON).toBe(true);
      }
    }
    expect(demo.invoiceLines.some((line) => !Number.isInteger(line.quantity))).toBe(true);
    expect(demo.invoiceLines.some((line) => line.itemId === null)).toBe(true);
  });

  it('dates everything in the year before today, after its contact existed', () => {
    for (const { document } of documents) {
      const contact = contacts.get(document.contactId);
      const check = { number: document.number, ok: true };
      expect({
        ...check,
        ok:
          document.date >= HISTORY_STARTS_ON &&
          document.date === calendarDate(document.createdAt) &&
          document.createdAt <= document.updatedAt &&
          document.updatedAt < TODAY &&
          (contact?.createdAt ?? TODAY) <= document.createdAt,
      }).toEqual(check);
    }
  });

  it('gives every document the status its dates, payments and invoices lead to today', () => {
    for (const estimate of demo.estimates) {
      expect(estimateStatusOn(estimate, TODAY_DATE)).toBe(estimate.status);
      const invoices = demo.invoices.filter((i) => i.estimateId === estimate.id);
      expect({ number: estimate.number, invoices: invoices.length }).toEqual({
        number: estimate.number,
        invoices: estimate.status === 'INVOICED' ? 1 : 0,
      });
    }
    for (const invoice of demo.invoices) {
      expect({ number: invoice.number, status: invoiceStatusOn(invoice, TODAY_DATE) }).toEqual({
        number: invoice.number,
        status: invoice.status,
      });
      const source = invoice.estimateId
        ? estimates.get(invoice.estimateId)
        : invoice.salesOrderId
          ? salesOrders.get(invoice.salesOrderId)
          : undefined;
      if (source) {
        expect(source.contactId).toBe(invoice.contactId);
        expect(source.createdAt < invoice.createdAt).toBe(true);
        expect(source.dealId).toBe(invoice.dealId);
      }
    }
    for (const order of demo.salesOrders) {
      const invoices = demo.invoices.filter(
        (i) => i.salesOrderId === order.id && i.status !== 'VOID',
      );
      const invoiced = sumMoney(invoices.map((i) => i.total));
      expect(salesOrderStatusOf(order, invoiced)).toBe(order.status);
      if (order.status === 'DRAFT' || order.status === 'VOID') expect(invoices).toEqual([]);
    }
  });

  it('backs every balance with payments: an invoice’s total less its balance due is what they add up to', () => {
    const invoices = byId(demo.invoices);
    for (const invoice of demo.invoices) {
      const own = demo.payments.filter((payment) => payment.invoiceId === invoice.id);
      // Void invoices were voided with nothing paid (isVoidable), yet owe nothing.
      const paid = invoice.status === 'VOID' ? 0 : subtractMoney(invoice.total, invoice.balanceDue);
      expect({
        number: invoice.number,
        paid: sumMoney(own.map((payment) => payment.amount)),
      }).toEqual({ number: invoice.number, paid });
    }
    for (const payment of demo.payments) {
      const invoice = invoices.get(payment.invoiceId);
      if (!invoice) throw new Error(`payment ${payment.id} is of no invoice`);
      const check = { number: invoice.number, ok: true };
      expect({
        ...check,
        problems: paymentProblems(payment, { ...invoice, balanceDue: invoice.total }, TODAY_DATE),
        ok:
          payment.date === calendarDate(payment.createdAt) &&
          invoice.createdAt <= payment.createdAt &&
          // The invoice last changed with its last payment, or later (voiding aside).
          payment.createdAt <= invoice.updatedAt &&
          (invoice.status !== 'OVERDUE' || payment.date < invoice.dueOn) &&
          (payment.mode === 'CASH') === (payment.reference === null),
      }).toEqual({ ...check, problems: [] });
    }
    expect(values(demo.payments, (payment) => payment.mode)).toEqual(new Set(PAYMENT_MODES));
    const counts = [...groupCounts(demo.payments.map((payment) => payment.invoiceId)).values()];
    expect(new Set(counts)).toEqual(new Set([1, 2]));
  });

  it('has the ESTIMATES rule make one estimate per deal of a synced account, as the deal went', () => {
    const outcome = new Map(desk.crm.stages.map((stage) => [stage.id, stage.outcome]));
    const bookContactOf = new Map(
      demo.contacts
        .filter((c) => c.organizationId === books.id && c.deskAccountId)
        .map((c) => [c.deskAccountId, c.id]),
    );
    const expected = ruledDeals(desk).filter((deal) => bookContactOf.has(deal.accountId));
    const linked = demo.estimates.filter((estimate) => estimate.dealId !== null);
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.map((e) => e.dealId).sort()).toEqual(expected.map((deal) => deal.id).sort());
    for (const deal of expected) {
      const estimate = linked.find((e) => e.dealId === deal.id);
      expect(estimate?.contactId).toBe(bookContactOf.get(deal.accountId));
      expect(estimate?.createdBy).toBeNull();
      expect(estimate && estimate.createdAt > deal.createdAt).toBe(true);
      const allowed = {
        OPEN: ['DRAFT', 'SENT', 'EXPIRED'],
        WON: ['ACCEPTED', 'INVOICED'],
        LOST: ['DECLINED'],
      }[outcome.get(deal.stageId) ?? 'OPEN'];
      expect(allowed).toContain(estimate?.status);
    }
    // BKS-9 never links a deal: only the rule and the documents made from its estimates do.
    for (const { document } of documents) {
      if (document.dealId !== null) expect(document.createdBy).toBeNull();
    }
  });

  it('has agents create documents from desk only for synced contacts, once connected (BKS-9)', () => {
    const fromDesk = documents.filter(({ document }) => document.createdBy !== null);
    expect(fromDesk.length).toBeGreaterThan(0);
    expect(values(fromDesk, (d) => d.kind)).toEqual(new Set(TRANSACTION_KINDS));
    for (const { document } of fromDesk) {
      const contact = contacts.get(document.contactId);
      expect(contact?.deskAccountId ?? contact?.deskContactId).toBeTruthy();
      expect(document.createdAt >= CONNECTED_AT).toBe(true);
    }
  });

  it('gives the showcase contact every kind, deal-linked ones, credits and something due', () => {
    const own = documents.filter(({ document }) => document.contactId === showcaseId);
    expect(values(own, (d) => d.kind)).toEqual(new Set(TRANSACTION_KINDS));
    expect(own.some(({ document }) => document.dealId !== null)).toBe(true);
    expect(contacts.get(showcaseId)?.unusedCredits).toBeGreaterThan(0);
    expect(contacts.get(showcaseId)?.deskAccountId).not.toBeNull();
  });

  it('numbers each organization’s documents by creation and continues after the highest', () => {
    for (const organization of demo.organizations) {
      for (const [kind, rows] of [
        ['EST', demo.estimates],
        ['INV', demo.invoices],
        ['SO', demo.salesOrders],
      ] as const) {
        const own = [...rows.filter((row) => row.organizationId === organization.id)].sort(
          (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
        );
        expect(own.map((row) => row.number)).toEqual(
          own.map((_, index) => `${kind}-${String(index + 1).padStart(5, '0')}`),
        );
        expect(
          demo.documentSequences.find(
            (s) => s.organizationId === organization.id && s.kind === kind,
          )?.nextValue,
        ).toBe(own.length + 1);
      }
    }
    expect(demo.documentSequences).toHaveLength(2 * 3);
  });
});

describe('seedBooks', () => {
  let dataSource: DataSource;
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;

  // A database of its own: the migration is undone and redone, and the seed starts from empty,
  // which in the shared test database would wipe the demo the books suites read.
  beforeAll(async () => {
    scratch = await scratchDatabase();
    dataSource = createBooksDataSource(scratch.url, logger('test'));
    await openAndMigrate(dataSource, BOOKS_SCHEMA);
  });

  afterAll(async () => {
    await dataSource.destroy();
    await scratch.drop();
  });

  const tables = async (): Promise<string[]> =>
    (
      (await dataSource.query(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1
         ORDER BY table_name`,
        [BOOKS_SCHEMA],
      )) as { name: string }[]
    ).map((row) => row.name);

  it('undoes the migration completely and applies it again', async () => {
    const migrated = await tables();
    await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual(['migrations']);
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(migrated);
  });

  it('inserts rows that satisfy every table constraint and continues the numbering', async () => {
    expect(await booksIsSeeded(dataSource)).toBe(false);
    await seedBooks(dataSource, { scale: SCALE });
    expect(await booksIsSeeded(dataSource)).toBe(true);
    for (const table of [
      'organization',
      'organization_admin',
      'service_key',
      'service_key_organization',
      'profile_permission',
      'contact',
      'item',
      'email_template',
      'estimate',
      'estimate_line',
      'invoice',
      'invoice_line',
      'payment',
      'sales_order',
      'sales_order_line',
      'document_sequence',
    ]) {
      const [{ count }] = (await dataSource.query(
        `SELECT count(*)::integer AS count FROM books.${table}`,
      )) as { count: number }[];
      expect({ table, count: count > 0 }).toEqual({ table, count: true });
    }
    const [{ status, organization_id: organizationId }] = (await dataSource.query(
      'SELECT status, organization_id FROM books.connection',
    )) as { status: string; organization_id: string }[];
    expect([status, organizationId]).toEqual(['ENABLED', books.id]);

    // Other suites may create documents later, which only moves the sequences further on.
    const sequences = (await dataSource.query(
      'SELECT organization_id, kind, next_value FROM books.document_sequence',
    )) as { organization_id: string; kind: string; next_value: number }[];
    for (const expected of demo.documentSequences) {
      const stored = sequences.find(
        (s) => s.organization_id === expected.organizationId && s.kind === expected.kind,
      );
      expect(stored?.next_value).toBeGreaterThanOrEqual(expected.nextValue);
    }
    const next = await dataSource
      .transaction(async (manager) => {
        const number = await nextNumber(manager, BOOKS_SCHEMA, books.id, 'INV');
        throw Object.assign(new Error('roll back'), { number });
      })
      .catch((error: { number?: string }) => error.number);
    const seeded = demo.invoices.filter((i) => i.organizationId === books.id).length;
    expect(Number(next?.slice(4))).toBeGreaterThan(seeded);
  });

  it("lists a contact's transactions through the view, newest first", async () => {
    const own = documents.filter(({ document }) => document.contactId === showcaseId);
    const listed = await dataSource
      .getRepository(Transaction)
      .find({ where: { contactId: showcaseId }, order: { date: 'DESC', id: 'DESC' } });
    // Other suites may add documents to this contact, so the seeded ones must all be there.
    expect(listed.length).toBeGreaterThanOrEqual(own.length);
    const [first] = own;
    expect(listed.find((row) => row.id === first.document.id)).toEqual({
      id: first.document.id,
      kind: first.kind,
      organizationId: books.id,
      contactId: showcaseId,
      number: first.document.number,
      date: first.document.date,
      status: (first.document as BooksDocument & { status: string }).status,
      total: first.document.total,
      currency: 'JPY',
      dealId: first.document.dealId,
      createdAt: first.document.createdAt,
    });
    const deal = own.find(({ document }) => document.dealId !== null)?.document.dealId ?? '';
    const ofDeal = await dataSource.getRepository(Transaction).findBy({ dealId: deal });
    expect(ofDeal.map((row) => row.id).sort()).toEqual(
      documents
        .filter(({ document }) => document.dealId === deal)
        .map(({ document }) => document.id)
        .sort(),
    );
    const [{ outstanding }] = (await dataSource.query(
      `SELECT COALESCE(sum(balance_due), 0)::float8 AS outstanding FROM books.invoice
       WHERE contact_id = $1 AND status = ANY($2)`,
      [showcaseId, OUTSTANDING_INVOICE_STATUSES],
    )) as { outstanding: number }[];
    expect(outstanding).toBeGreaterThanOrEqual(
      sumMoney(
        demo.invoices
          .filter((i) => i.contactId === showcaseId)
          .filter((i) => OUTSTANDING_INVOICE_STATUSES.includes(i.status))
          .map((i) => i.balanceDue),
      ),
    );
  });

  it('refuses rows that break the rules one row can show', async () => {
    const [agentKey] = demo.serviceKeys.slice(1);
    const refused = (sql: string, parameters: unknown[] = []) =>
      expect(dataSource.transaction((manager) => manager.query(sql, parameters))).rejects.toThrow(
        /violates (check|foreign key) constraint/,
      );
    // BKS-1: estimates without invoices view.
    await refused(
      `INSERT INTO books.profile_permission VALUES
         (gen_random_uuid(), false, false, false, true, false, false, false, false, false)`,
    );
    // An account and a contact at once.
    await refused(
      `INSERT INTO books.contact (organization_id, name, currency, desk_account_id, desk_contact_id)
       VALUES ($1, 'Both', 'JPY', gen_random_uuid(), gen_random_uuid())`,
      [books.id],
    );
    // A line whose amount is not quantity × rate.
    await refused(
      `INSERT INTO books.invoice_line (invoice_id, position, description, quantity, rate, tax_rate, amount)
       VALUES ($1, 99, 'Wrong', 2, 10, 10, 21)`,
      [demo.invoices[0].id],
    );
    // A payment of nothing.
    await refused(
      `INSERT INTO books.payment (invoice_id, amount, date, mode) VALUES ($1, 0, $2, 'CASH')`,
      [demo.payments[0].invoiceId, demo.payments[0].date],
    );
    // A payment of no invoice.
    await refused(
      `INSERT INTO books.payment (invoice_id, amount, date, mode)
       VALUES (gen_random_uuid(), 1, $1, 'CASH')`,
      [demo.payments[0].date],
    );
    // A paid invoice with something still due.
    await refused(`UPDATE books.invoice SET status = 'PAID' WHERE id = $1 AND balance_due > 0`, [
      demo.invoices.find((i) => i.balanceDue > 0)?.id,
    ]);
    // The agent's key does not reach the labs.
    await refused(
      `UPDATE books.connection SET service_key_id = $1, connected_email = $2, organization_id = $3`,
      [agentKey.id, agentKey.email, labs.id],
    );
    // Deleting earlier records is for accounts only.
    await refused(
      `UPDATE books.contact_sync_setting SET module = 'CONTACTS', delete_earlier_records = true`,
    );
  });
});

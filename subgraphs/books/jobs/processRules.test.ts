import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { openAndMigrate } from '../../../shared/database/dataSource';
import type { DealPayload, DomainEvent, EventType } from '../../../shared/events';
import { config } from '../../../shared/config';
import type { JobQueue } from '../../../shared/jobs/queue';
import { logger } from '../../../shared/logger';
import { BOOKS_SCHEMA, createBooksDataSource } from '../database';
import type { ProcessRule } from '../domain/status';
import { Estimate, EstimateLine, Invoice, InvoiceLine } from '../entities';
import { processRulesConsumer } from './processRules';

/*
 * Each test sets up its own organization, contact and connection inside a transaction that is
 * rolled back, so nothing is left behind and the seeded connection is untouched for other tests.
 */

let dataSource: DataSource;

beforeAll(async () => {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest');
  dataSource = createBooksDataSource(url, logger('test'));
  // Books may not be registered with the platform yet, in which case setup has not migrated it.
  await openAndMigrate(dataSource, BOOKS_SCHEMA);
});

afterAll(async () => {
  await dataSource.destroy();
});

// The process rules call no other subgraph and queue nothing: the dependencies are only there to
// be passed, the job queue not even opened.
const handle = (event: DomainEvent, manager: EntityManager) =>
  processRulesConsumer.handle(event, manager, {
    config: config(),
    log: logger('test'),
    jobs: {} as JobQueue,
  });

interface Fixture {
  manager: EntityManager;
  organizationId: string;
  accountId: string;
  contactId: string;
}

async function rolledBack(
  rule: ProcessRule,
  test: (fixture: Fixture) => Promise<void>,
  connectionStatus: 'ENABLED' | 'DISABLED' = 'ENABLED',
): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    const { manager } = runner;
    const [{ id: organizationId }] = (await manager.query(
      `INSERT INTO books.organization (name, currency) VALUES ('Process Rules Ltd', 'USD')
       RETURNING id`,
    )) as { id: string }[];
    const email = `rules-${randomUUID()}@example.com`;
    const [{ id: keyId }] = (await manager.query(
      `INSERT INTO books.service_key (email, key_hash) VALUES ($1, $2) RETURNING id`,
      [email, createHash('sha256').update(email).digest('hex')],
    )) as { id: string }[];
    await manager.query(
      `INSERT INTO books.service_key_organization (service_key_id, organization_id)
       VALUES ($1, $2)`,
      [keyId, organizationId],
    );
    await manager.query(
      `UPDATE books.connection SET status = $1, edition = 'INVOICE', connected_email = $2,
         service_key_id = $3, organization_id = $4, process_rule = $5 WHERE id = 1`,
      [connectionStatus, email, keyId, organizationId, rule],
    );
    const accountId = randomUUID();
    const [{ id: contactId }] = (await manager.query(
      `INSERT INTO books.contact (organization_id, name, currency, desk_account_id)
       VALUES ($1, 'Acme (synced)', 'USD', $2) RETURNING id`,
      [organizationId, accountId],
    )) as { id: string }[];
    await test({ manager, organizationId, accountId, contactId });
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

const DEAL_TYPES = {
  CREATED: 'desk.deal.created',
  WON: 'desk.deal.won',
  LOST: 'desk.deal.lost',
} as const satisfies Record<string, EventType>;

function dealEvent(
  kind: keyof typeof DEAL_TYPES,
  deal: Pick<DealPayload, 'dealId' | 'accountId'> & Partial<DealPayload>,
  occurredAt = '2026-03-10T15:00:00.000Z',
): DomainEvent {
  return {
    id: randomUUID(),
    type: DEAL_TYPES[kind],
    source: 'desk',
    aggregateId: deal.dealId,
    occurredAt,
    causedBy: { kind: 'agent', agentId: randomUUID() },
    payload: {
      name: 'Annual support (renewal)',
      contactId: null,
      amount: 1250.5,
      currency: 'USD',
      stageId: randomUUID(),
      stageName: kind === 'CREATED' ? 'Qualification' : kind,
      outcome: kind === 'CREATED' ? 'OPEN' : kind,
      ownerId: randomUUID(),
      closingDate: null,
      ...deal,
    },
  };
}

const estimatesOf = (manager: EntityManager, dealId: string) =>
  manager.find(Estimate, { where: { dealId }, order: { createdAt: 'ASC' } });
const invoicesOf = (manager: EntityManager, dealId: string) =>
  manager.find(Invoice, { where: { dealId }, order: { createdAt: 'ASC' } });

describe('processRulesConsumer', () => {
  it('consumes the three deal events in the books schema', () => {
    expect(processRulesConsumer.schema).toBe(BOOKS_SCHEMA);
    expect([...processRulesConsumer.events].sort()).toEqual([
      'desk.deal.created',
      'desk.deal.lost',
      'desk.deal.won',
    ]);
  });

  it('ESTIMATES: created makes a numbered draft estimate of the deal, won accepts it', () =>
    rolledBack('ESTIMATES', async ({ manager, organizationId, accountId, contactId }) => {
      const deal = { dealId: randomUUID(), accountId };
      await handle(dealEvent('CREATED', deal), manager);
      const [estimate] = await estimatesOf(manager, deal.dealId);
      expect(estimate).toMatchObject({
        organizationId,
        contactId,
        number: 'EST-00001',
        date: '2026-03-10',
        expiresOn: '2026-04-09',
        status: 'DRAFT',
        subTotal: 1250.5,
        tax: 0,
        total: 1250.5,
        currency: 'USD',
        createdBy: null,
      });
      const lines = await manager.findBy(EstimateLine, { estimateId: estimate.id });
      expect(lines).toEqual([
        expect.objectContaining({
          position: 1,
          description: 'Annual support (renewal)',
          quantity: 1,
          rate: 1250.5,
          taxRate: 0,
          amount: 1250.5,
        }),
      ]);

      await handle(dealEvent('WON', deal), manager);
      const estimates = await estimatesOf(manager, deal.dealId);
      expect(estimates.map((e) => [e.number, e.status])).toEqual([['EST-00001', 'ACCEPTED']]);
    }));

  it('ESTIMATES: lost declines the estimate; a second created event makes no second one', () =>
    rolledBack('ESTIMATES', async ({ manager, accountId }) => {
      const deal = { dealId: randomUUID(), accountId };
      await handle(dealEvent('CREATED', deal), manager);
      await handle(dealEvent('CREATED', deal), manager);
      await handle(dealEvent('LOST', deal), manager);
      const estimates = await estimatesOf(manager, deal.dealId);
      expect(estimates.map((e) => e.status)).toEqual(['DECLINED']);
      expect(await invoicesOf(manager, deal.dealId)).toEqual([]);
    }));

  it('ESTIMATES: won before created makes an accepted estimate, which created leaves alone', () =>
    rolledBack('ESTIMATES', async ({ manager, accountId }) => {
      const deal = { dealId: randomUUID(), accountId };
      await handle(dealEvent('WON', deal), manager);
      await handle(dealEvent('CREATED', deal), manager);
      const estimates = await estimatesOf(manager, deal.dealId);
      expect(estimates.map((e) => [e.number, e.status])).toEqual([['EST-00001', 'ACCEPTED']]);
    }));

  it('INVOICES: won makes one draft invoice due in 30 days, however often it arrives', () =>
    rolledBack('INVOICES', async ({ manager, accountId, contactId }) => {
      const deal = { dealId: randomUUID(), accountId };
      await handle(dealEvent('CREATED', deal), manager);
      await handle(dealEvent('WON', deal), manager);
      await handle(dealEvent('WON', deal), manager);
      const invoices = await invoicesOf(manager, deal.dealId);
      expect(invoices).toHaveLength(1);
      expect(invoices[0]).toMatchObject({
        contactId,
        number: 'INV-00001',
        date: '2026-03-10',
        dueOn: '2026-04-09',
        status: 'DRAFT',
        total: 1250.5,
        balanceDue: 1250.5,
      });
      const lines = await manager.findBy(InvoiceLine, { invoiceId: invoices[0].id });
      expect(lines.map((line) => [line.description, line.amount])).toEqual([
        ['Annual support (renewal)', 1250.5],
      ]);
      expect(await estimatesOf(manager, deal.dealId)).toEqual([]);
    }));

  it('INVOICES: lost voids the unpaid invoice, but not a paid one', () =>
    rolledBack('INVOICES', async ({ manager, accountId }) => {
      const unpaid = { dealId: randomUUID(), accountId };
      await handle(dealEvent('WON', unpaid), manager);
      await handle(dealEvent('LOST', unpaid), manager);
      expect(await invoicesOf(manager, unpaid.dealId)).toEqual([
        expect.objectContaining({ status: 'VOID', balanceDue: 0 }),
      ]);

      const paid = { dealId: randomUUID(), accountId };
      await handle(dealEvent('WON', paid), manager);
      await manager.update(Invoice, { dealId: paid.dealId }, { status: 'PAID', balanceDue: 0 });
      await handle(dealEvent('LOST', paid), manager);
      expect((await invoicesOf(manager, paid.dealId)).map((i) => i.status)).toEqual(['PAID']);
    }));

  it('NONE, or a disabled connection, makes nothing', async () => {
    for (const [rule, status] of [
      ['NONE', 'ENABLED'],
      ['INVOICES', 'DISABLED'],
    ] as const) {
      await rolledBack(
        rule,
        async ({ manager, accountId }) => {
          const deal = { dealId: randomUUID(), accountId };
          for (const kind of ['CREATED', 'WON', 'LOST'] as const) {
            await handle(dealEvent(kind, deal), manager);
          }
          expect(await estimatesOf(manager, deal.dealId)).toEqual([]);
          expect(await invoicesOf(manager, deal.dealId)).toEqual([]);
        },
        status,
      );
    }
  });

  it('makes nothing, without failing, for an account with no books contact', () =>
    rolledBack('INVOICES', async ({ manager }) => {
      const deal = { dealId: randomUUID(), accountId: randomUUID() };
      await expect(handle(dealEvent('WON', deal), manager)).resolves.toBeUndefined();
      expect(await invoicesOf(manager, deal.dealId)).toEqual([]);
    }));

  it('bills the books contact synced with the deal contact where the account has none', () =>
    rolledBack('INVOICES', async ({ manager, organizationId }) => {
      const deskContactId = randomUUID();
      await manager.query(
        `INSERT INTO books.contact (organization_id, name, currency, desk_contact_id)
         VALUES ($1, 'Jo Person', 'USD', $2)`,
        [organizationId, deskContactId],
      );
      const deal = { dealId: randomUUID(), accountId: randomUUID(), contactId: deskContactId };
      await handle(dealEvent('WON', deal), manager);
      expect(await invoicesOf(manager, deal.dealId)).toHaveLength(1);
    }));

  it('leaves a deal in another currency than the contact alone', () =>
    rolledBack('INVOICES', async ({ manager, accountId }) => {
      const deal = { dealId: randomUUID(), accountId, currency: 'EUR' };
      await handle(dealEvent('WON', deal), manager);
      expect(await invoicesOf(manager, deal.dealId)).toEqual([]);
    }));
});

import { randomUUID } from 'node:crypto';
import type { DomainEvent } from '../shared/events';
import { consumerQueue } from '../shared/jobs/consumer';
import { JOB_QUEUE_SCHEMA } from '../shared/jobs/queue';
import { DEMO_SERVICE_KEY, DEMO_SERVICE_KEY_EMAIL } from '../subgraphs/books/seed/organizations';
import { processRulesConsumer } from '../subgraphs/books/jobs/processRules';
import type { DocumentSequence } from '../shared/integration/numbering';
import { booksState, type ConnectionRow } from './booksState';
import {
  errorCodes,
  expectError,
  expectNoErrors,
  mutateOk,
  sqlOn,
  stageNamed,
  unique,
  waitFor,
} from './expectations';
import { DemoAgent, Graph, startGraph } from './harness';

/**
 * BKS-3 end to end, with every subgraph's workers: an administrator sets the process rule through
 * the gateway, an agent creates and moves desk deals, desk's outbox relay publishes the deal
 * events, books' worker applies them, and the deal's books panel shows what the rule made. Each
 * event is then delivered again, once as the identical event (same id, under another job) and once
 * as a copy with a new event id and the same content, which must change nothing.
 *
 * The deals are made for a seeded desk account already synced to a books contact. afterAll puts
 * the connection row (rule, status, who changed it) and the numbering back, and removes the
 * deals, their documents and what the consumer remembered of their events.
 */

const DELIVERY_TIMEOUT_MS = 30_000;
const TEST_TIMEOUT_MS = 90_000;
const QUEUE = consumerQueue(processRulesConsumer);
/** A whole amount: the seeded organization bills in JPY, which has no minor unit. */
const AMOUNT = 187_000;

const SET_RULE = `mutation($rule: BooksProcessRule!) { setBooksProcessRule(rule: $rule) { status processRule } }`;
const CREATE_DEAL = `mutation($input: CreateDealInput!) {
  createDeal(input: $input) { id name amount currency outcome }
}`;
const MOVE_DEAL = `mutation($dealId: ID!, $stageId: ID!) {
  moveDealToStage(dealId: $dealId, stageId: $stageId) { id outcome }
}`;
const DEAL_PANEL = `query($id: ID!) {
  deal(id: $id) { id books { transactions(first: 20) { totalCount nodes {
    __typename id kind number date status subTotal tax total currency
    contact { id } deal { id }
    lineItems { description quantity rate taxRate amount }
    ... on BooksInvoice { invoiceStatus dueOn balanceDue }
    ... on BooksEstimate { estimateStatus expiresOn }
  } } } }
}`;

interface Deal {
  id: string;
  name: string;
  amount: number;
  currency: string;
  outcome: string;
}

interface PanelTransaction {
  __typename: 'BooksInvoice' | 'BooksEstimate' | 'BooksSalesOrder';
  id: string;
  kind: string;
  number: string;
  date: string;
  status: string;
  subTotal: number;
  tax: number;
  total: number;
  currency: string;
  contact: { id: string };
  deal: { id: string } | null;
  lineItems: {
    description: string;
    quantity: number;
    rate: number;
    taxRate: number;
    amount: number;
  }[];
  invoiceStatus?: string;
  dueOn?: string;
  balanceDue?: number;
  estimateStatus?: string;
  expiresOn?: string | null;
}

interface OutboxRow {
  id: string;
  type: string;
  /** The UTC day the event happened: the day the rule dates its documents. */
  day: string;
}

/** `day` plus `days`, as YYYY-MM-DD. */
function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

describe('BKS-3: process rules through the gateway, with workers', () => {
  let graph: Graph;
  const books = sqlOn(() => graph.dataSources.books);
  const desk = sqlOn(() => graph.dataSources.desk);
  const state = booksState(() => graph.dataSources.books);
  let stages: { id: string; name: string }[];
  let connectionBefore: ConnectionRow;
  let sequencesBefore: DocumentSequence[];
  let organizationId: string;
  /** A seeded desk account synced to a books contact of the connected organization. */
  let synced: { accountId: string; contactId: string; currency: string };
  const createdDeals: string[] = [];
  /** Event ids the tests delivered themselves (copies), for cleaning up processed_event. */
  const copiedEvents: string[] = [];

  const stageId = (name: string) => stageNamed(stages, name);

  const setRule = (rule: string, as: DemoAgent = 'admin') =>
    graph.query<{ setBooksProcessRule: { status: string; processRule: string } }>(as, SET_RULE, {
      rule,
    });

  async function useRule(rule: 'ESTIMATES' | 'INVOICES' | 'NONE'): Promise<void> {
    const set = await mutateOk<{ processRule: string }>(graph, 'admin', SET_RULE, { rule });
    expect(set.processRule).toBe(rule);
  }

  async function createDeal(input: Record<string, unknown> = {}): Promise<Deal> {
    const deal = await mutateOk<Deal>(graph, 'agent', CREATE_DEAL, {
      input: {
        name: unique('Process rule deal'),
        accountId: synced.accountId,
        amount: AMOUNT,
        currency: synced.currency,
        ...input,
      },
    });
    createdDeals.push(deal.id);
    return deal;
  }

  const move = (dealId: string, stage: string) =>
    mutateOk<{ id: string; outcome: string }>(graph, 'agent', MOVE_DEAL, {
      dealId,
      stageId: stageId(stage),
    });

  /** Desk's committed events of the deal, oldest first. */
  const outbox = (dealId: string) =>
    desk.sql<OutboxRow>(
      `SELECT id, type, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
         FROM desk.outbox_event WHERE aggregate_id = $1 ORDER BY occurred_at, id`,
      [dealId],
    );

  const timesRemembered = (eventId: string) =>
    books.count('SELECT 1 FROM books.processed_event WHERE consumer = $1 AND event_id = $2', [
      processRulesConsumer.name,
      eventId,
    ]);

  /**
   * Waits until books' worker has applied each of the deal's events desk committed (there must be
   * `expected` of them, by type, in order) and returns them.
   */
  async function applied(dealId: string, expected: string[]): Promise<OutboxRow[]> {
    const events = await outbox(dealId);
    expect(events.map((event) => event.type)).toEqual(expected);
    await waitFor(
      `books to apply ${expected.join(', ')} of deal ${dealId}`,
      async () => {
        for (const event of events) if ((await timesRemembered(event.id)) !== 1) return false;
        return true;
      },
      DELIVERY_TIMEOUT_MS,
    );
    return events;
  }

  /** The deal's transactions as the agent sees them on the deal's books panel. */
  async function panel(dealId: string): Promise<PanelTransaction[]> {
    const res = await graph.query<{
      deal: { books: { transactions: { totalCount: number; nodes: PanelTransaction[] } } };
    }>('agent', DEAL_PANEL, { id: dealId });
    expectNoErrors(res);
    const { totalCount, nodes } = res.data?.deal.books.transactions ?? {
      totalCount: -1,
      nodes: [],
    };
    expect(nodes).toHaveLength(totalCount);
    return nodes;
  }

  /** The event as books' queue received it from desk's relay: the job id is the event id. */
  async function deliveredEvent(eventId: string): Promise<DomainEvent> {
    const job = await graph.jobs.books.getJobById<DomainEvent>(QUEUE, eventId);
    expect(job?.state).toBe('completed');
    expect(job?.data.id).toBe(eventId);
    return job?.data as DomainEvent;
  }

  /** Hands `event` to books' consumer queue under a new job id and waits until it is worked. */
  async function deliverAgain(event: DomainEvent): Promise<void> {
    const jobId = randomUUID();
    expect(await graph.jobs.books.send(QUEUE, event, { id: jobId })).toBe(jobId);
    const job = await waitFor(
      `job ${jobId} to be worked`,
      async () => {
        const current = await graph.jobs.books.getJobById(QUEUE, jobId);
        return current && ['completed', 'failed'].includes(current.state) && current;
      },
      DELIVERY_TIMEOUT_MS,
    );
    expect(job.state).toBe('completed');
  }

  /** The same event, delivered again with its own id: the consumer must skip it. */
  async function redeliverIdentical(event: DomainEvent): Promise<void> {
    await deliverAgain(event);
    expect(await timesRemembered(event.id)).toBe(1);
  }

  /** The same content under a new event id, as a second publication: it is applied, to no effect. */
  async function redeliverCopy(event: DomainEvent): Promise<string> {
    const copyId = randomUUID();
    copiedEvents.push(copyId);
    await deliverAgain({ ...event, id: copyId });
    expect(await timesRemembered(copyId)).toBe(1);
    return copyId;
  }

  /** What the rule must make of the deal: one line, the deal itself, at its amount, no tax. */
  const dealDocument = (deal: Deal, day: string) => ({
    date: day,
    subTotal: deal.amount,
    tax: 0,
    total: deal.amount,
    currency: synced.currency,
    contact: { id: synced.contactId },
    deal: { id: deal.id },
    lineItems: [
      { description: deal.name, quantity: 1, rate: deal.amount, taxRate: 0, amount: deal.amount },
    ],
  });

  beforeAll(async () => {
    graph = await startGraph({
      workers: true,
      configure: (settings) => ({
        ...settings,
        jobs: { ...settings.jobs, pollIntervalSeconds: 0.5 },
      }),
    });
    connectionBefore = await state.connection();
    expect(connectionBefore).toMatchObject({ status: 'ENABLED', process_rule: 'ESTIMATES' });
    organizationId = connectionBefore.organization_id as string;
    sequencesBefore = await state.sequences(organizationId);
    [synced] = await books.sql<typeof synced>(
      `SELECT c.desk_account_id AS "accountId", c.id AS "contactId", c.currency
         FROM books.contact c JOIN desk.account a ON a.id = c.desk_account_id
        WHERE c.organization_id = $1 ORDER BY c.id LIMIT 1`,
      [organizationId],
    );
    if (!synced) throw new Error('the seed has no desk account synced to a books contact');
    const res = await graph.query<{ dealStages: { id: string; name: string }[] }>(
      'agent',
      '{ dealStages { id name } }',
    );
    expectNoErrors(res);
    stages = res.data?.dealStages ?? [];
    // Deal events other suites left behind are applied now, under the seeded rule, so that none
    // of them meets a rule set here.
    await waitFor(
      'earlier deal events to be applied',
      async () => {
        const unpublished = await desk.count(
          'SELECT 1 FROM desk.outbox_event WHERE published_at IS NULL',
        );
        const waiting = await books.count(
          `SELECT 1 FROM ${JOB_QUEUE_SCHEMA}.job WHERE name = $1
            AND state IN ('created', 'retry', 'active')`,
          [QUEUE],
        );
        return unpublished === 0 && waiting === 0;
      },
      DELIVERY_TIMEOUT_MS,
    );
  }, TEST_TIMEOUT_MS);

  afterAll(async () => {
    if (!graph) return;
    try {
      if (connectionBefore) await state.restoreConnection(connectionBefore);
      if (createdDeals.length > 0) {
        const eventIds = (
          await desk.sql<{ id: string }>(
            'SELECT id FROM desk.outbox_event WHERE aggregate_id = ANY($1)',
            [createdDeals],
          )
        ).map((row) => row.id);
        await books.sql(
          'DELETE FROM books.processed_event WHERE consumer = $1 AND event_id = ANY($2::uuid[])',
          [processRulesConsumer.name, [...eventIds, ...copiedEvents]],
        );
        const documents = await books.sql<{ id: string }>(
          'SELECT id FROM books.transaction WHERE deal_id = ANY($1)',
          [createdDeals],
        );
        await state.deleteDocuments(documents.map((row) => row.id));
        await desk.sql('DELETE FROM desk.deal WHERE id = ANY($1)', [createdDeals]);
      }
      await state.restoreSequences(sequencesBefore ?? []);
    } finally {
      await graph.stop();
    }
  });

  describe('setBooksProcessRule', () => {
    it('is refused to every profile but administrators, and to a value that is no rule, changing nothing', async () => {
      const stored = () =>
        books.sql('SELECT process_rule, changed_by, changed_at::text FROM books.connection');
      const before = await stored();
      for (const as of ['agent', 'newAgent', 'light'] as const) {
        const res = await setRule('INVOICES', as);
        expectError(res, 'FORBIDDEN', ['setBooksProcessRule']);
        expect(res.data ?? null).toBeNull();
      }
      for (const rule of ['SOMETIMES', 'invoices', null, 3]) {
        const res = await graph.query('admin', SET_RULE, { rule });
        expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
        expect(res.data ?? null).toBeNull();
      }
      expect(await stored()).toEqual(before);

      const set = await setRule('NONE');
      expectNoErrors(set);
      expect(set.data?.setBooksProcessRule).toEqual({ status: 'ENABLED', processRule: 'NONE' });
      // Every profile that may see books sees the rule in force.
      const seen = await graph.query<{ booksIntegration: { processRule: string } }>(
        'newAgent',
        '{ booksIntegration { processRule } }',
      );
      expectNoErrors(seen);
      expect(seen.data?.booksIntegration.processRule).toBe('NONE');
      const [admin] = await desk.sql<{ email: string }>(
        'SELECT email FROM desk.agent WHERE id = $1',
        [graph.agentIds.admin],
      );
      expect(await books.sql('SELECT process_rule, changed_by FROM books.connection')).toEqual([
        { process_rule: 'NONE', changed_by: admin.email },
      ]);
    });
  });

  describe('INVOICES', () => {
    it(
      'a deal won through desk gets exactly one draft invoice of its amount, however often the won event arrives',
      async () => {
        await useRule('INVOICES');
        const deal = await createDeal();
        await applied(deal.id, ['desk.deal.created']);
        // Under INVOICES a new deal makes nothing.
        expect(await panel(deal.id)).toEqual([]);

        await move(deal.id, 'Closed Won');
        const [, won] = await applied(deal.id, ['desk.deal.created', 'desk.deal.won']);
        const [invoice] = await panel(deal.id);
        expect(await panel(deal.id)).toHaveLength(1);
        expect(invoice).toMatchObject({
          __typename: 'BooksInvoice',
          kind: 'INVOICE',
          number: expect.stringMatching(/^INV-\d{5}$/),
          status: 'DRAFT',
          invoiceStatus: 'DRAFT',
          dueOn: addDays(won.day, 30),
          balanceDue: deal.amount,
          ...dealDocument(deal, won.day),
        });

        const event = await deliveredEvent(won.id);
        expect(event).toMatchObject({
          type: 'desk.deal.won',
          payload: { dealId: deal.id, outcome: 'WON' },
        });
        await redeliverIdentical(event);
        expect(await panel(deal.id)).toEqual([invoice]);
        await redeliverCopy(event);
        expect(await panel(deal.id)).toEqual([invoice]);

        // Reopened and won again in desk: a second won event, and still the one invoice.
        await move(deal.id, 'Negotiation');
        await move(deal.id, 'Closed Won');
        await applied(deal.id, ['desk.deal.created', 'desk.deal.won', 'desk.deal.won']);
        expect(await panel(deal.id)).toEqual([invoice]);
        expect(
          await books.count('SELECT 1 FROM books.estimate WHERE deal_id = $1', [deal.id]),
        ).toBe(0);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'a deal created straight into a won stage gets one invoice; lost voids it, and neither event delivered again changes that',
      async () => {
        await useRule('INVOICES');
        const deal = await createDeal({ stageId: stageId('Closed Won') });
        const [, won] = await applied(deal.id, ['desk.deal.created', 'desk.deal.won']);
        const [invoice] = await panel(deal.id);
        expect(await panel(deal.id)).toHaveLength(1);
        expect(invoice).toMatchObject({
          invoiceStatus: 'DRAFT',
          balanceDue: deal.amount,
          ...dealDocument(deal, won.day),
        });

        await move(deal.id, 'Closed Lost');
        const [, , lost] = await applied(deal.id, [
          'desk.deal.created',
          'desk.deal.won',
          'desk.deal.lost',
        ]);
        const voided = { ...invoice, status: 'VOID', invoiceStatus: 'VOID', balanceDue: 0 };
        expect(await panel(deal.id)).toEqual([voided]);

        const lostEvent = await deliveredEvent(lost.id);
        await redeliverIdentical(lostEvent);
        await redeliverCopy(lostEvent);
        expect(await panel(deal.id)).toEqual([voided]);
        // The won event itself delivered again after the lost one: skipped by its id (a copy under
        // a new id is the next test's).
        await redeliverIdentical(await deliveredEvent(won.id));
        expect(await panel(deal.id)).toEqual([voided]);
      },
      TEST_TIMEOUT_MS,
    );

    /*
     * Desk may publish one change twice under different ids, and a retry may reorder events: an
     * older event applied after a newer one of the same deal must not undo it (a void invoice
     * must not come back as a new draft for a lost deal).
     */
    it(
      'a copy of the won event that arrives after the deal was lost makes no second invoice; winning it again does',
      async () => {
        await useRule('INVOICES');
        const deal = await createDeal();
        await move(deal.id, 'Closed Won');
        await move(deal.id, 'Closed Lost');
        const [, won] = await applied(deal.id, [
          'desk.deal.created',
          'desk.deal.won',
          'desk.deal.lost',
        ]);
        const [invoice] = await panel(deal.id);
        const voided = { ...invoice, status: 'VOID', invoiceStatus: 'VOID', balanceDue: 0 };
        expect(await panel(deal.id)).toEqual([voided]);

        await redeliverCopy(await deliveredEvent(won.id));
        expect(await panel(deal.id)).toEqual([voided]);

        // Won again after it was lost: a new change of the deal, so a new invoice.
        await move(deal.id, 'Closed Won');
        await applied(deal.id, [
          'desk.deal.created',
          'desk.deal.won',
          'desk.deal.lost',
          'desk.deal.won',
        ]);
        const documents = await panel(deal.id);
        expect(documents).toHaveLength(2);
        expect(documents).toContainEqual(voided);
        expect(documents).toContainEqual(expect.objectContaining({ invoiceStatus: 'DRAFT' }));
      },
      TEST_TIMEOUT_MS,
    );
  });

  describe('ESTIMATES', () => {
    it(
      'a new deal gets one draft estimate of its amount, which winning accepts; repeated events change nothing',
      async () => {
        await useRule('ESTIMATES');
        const deal = await createDeal();
        const [created] = await applied(deal.id, ['desk.deal.created']);
        const [estimate] = await panel(deal.id);
        expect(await panel(deal.id)).toHaveLength(1);
        expect(estimate).toMatchObject({
          __typename: 'BooksEstimate',
          kind: 'ESTIMATE',
          number: expect.stringMatching(/^EST-\d{5}$/),
          status: 'DRAFT',
          estimateStatus: 'DRAFT',
          expiresOn: addDays(created.day, 30),
          ...dealDocument(deal, created.day),
        });
        const createdEvent = await deliveredEvent(created.id);
        await redeliverIdentical(createdEvent);
        await redeliverCopy(createdEvent);
        expect(await panel(deal.id)).toEqual([estimate]);

        await move(deal.id, 'Closed Won');
        const [, won] = await applied(deal.id, ['desk.deal.created', 'desk.deal.won']);
        const accepted = { ...estimate, status: 'ACCEPTED', estimateStatus: 'ACCEPTED' };
        expect(await panel(deal.id)).toEqual([accepted]);

        const wonEvent = await deliveredEvent(won.id);
        await redeliverIdentical(wonEvent);
        await redeliverCopy(wonEvent);
        // A late copy of the created event neither adds an estimate nor reopens the accepted one.
        await redeliverCopy(createdEvent);
        expect(await panel(deal.id)).toEqual([accepted]);
        expect(await books.count('SELECT 1 FROM books.invoice WHERE deal_id = $1', [deal.id])).toBe(
          0,
        );
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'losing declines the estimate, even an accepted one, and a late won event leaves it declined; a deal created won starts accepted',
      async () => {
        await useRule('ESTIMATES');
        const lostDeal = await createDeal();
        await move(lostDeal.id, 'Closed Won');
        await move(lostDeal.id, 'Closed Lost');
        const [created, won] = await applied(lostDeal.id, [
          'desk.deal.created',
          'desk.deal.won',
          'desk.deal.lost',
        ]);
        const [declined] = await panel(lostDeal.id);
        expect(await panel(lostDeal.id)).toHaveLength(1);
        expect(declined).toMatchObject({
          __typename: 'BooksEstimate',
          status: 'DECLINED',
          estimateStatus: 'DECLINED',
          ...dealDocument(lostDeal, created.day),
        });
        // The won event arriving again after the lost one (published twice, or reordered).
        await redeliverCopy(await deliveredEvent(won.id));
        expect(await panel(lostDeal.id)).toEqual([declined]);

        const wonDeal = await createDeal({ stageId: stageId('Closed Won') });
        const [wonCreated] = await applied(wonDeal.id, ['desk.deal.created', 'desk.deal.won']);
        expect(await panel(wonDeal.id)).toEqual([
          expect.objectContaining({
            __typename: 'BooksEstimate',
            estimateStatus: 'ACCEPTED',
            ...dealDocument(wonDeal, wonCreated.day),
          }),
        ]);
      },
      TEST_TIMEOUT_MS,
    );
  });

  describe('nothing is made', () => {
    it(
      'under NONE, whether the deal is created, won or lost',
      async () => {
        await useRule('NONE');
        const won = await createDeal();
        await move(won.id, 'Closed Won');
        const lost = await createDeal({ stageId: stageId('Closed Lost') });
        await applied(won.id, ['desk.deal.created', 'desk.deal.won']);
        await applied(lost.id, ['desk.deal.created', 'desk.deal.lost']);
        expect(await panel(won.id)).toEqual([]);
        expect(await panel(lost.id)).toEqual([]);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'under INVOICES for a deal in another currency than its books contact',
      async () => {
        await useRule('INVOICES');
        const currency = synced.currency === 'USD' ? 'EUR' : 'USD';
        const deal = await createDeal({ currency, stageId: stageId('Closed Won') });
        await applied(deal.id, ['desk.deal.created', 'desk.deal.won']);
        expect(await panel(deal.id)).toEqual([]);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'while books is disabled, where setting a rule is refused too; connected again, the rule goes on',
      async () => {
        await useRule('INVOICES');
        await mutateOk(graph, 'admin', 'mutation { disableBooks { status } }', {});
        const deal = await createDeal({ stageId: stageId('Closed Won') });
        await applied(deal.id, ['desk.deal.created', 'desk.deal.won']);
        const documents = () =>
          books.count(
            `SELECT 1 FROM books.invoice WHERE deal_id = $1
             UNION ALL SELECT 1 FROM books.estimate WHERE deal_id = $1`,
            [deal.id],
          );
        expect(await documents()).toBe(0);
        // BKS-8: the panel itself is refused while disabled.
        expectError(await graph.query('agent', DEAL_PANEL, { id: deal.id }), 'FORBIDDEN', [
          'deal',
          'books',
        ]);
        const refused = await setRule('ESTIMATES');
        expectError(refused, 'BAD_USER_INPUT', ['setBooksProcessRule']);
        expect(await books.sql('SELECT status, process_rule FROM books.connection')).toEqual([
          { status: 'DISABLED', process_rule: 'INVOICES' },
        ]);

        await mutateOk(
          graph,
          'admin',
          `mutation($input: ConnectBooksInput!) { connectBooks(input: $input) { status } }`,
          {
            input: {
              email: DEMO_SERVICE_KEY_EMAIL,
              serviceKey: DEMO_SERVICE_KEY,
              edition: connectionBefore.edition,
            },
          },
        );
        const chosen = await mutateOk<{ status: string; processRule: string }>(
          graph,
          'admin',
          'mutation($id: ID!) { chooseBooksOrganization(organizationId: $id) { status processRule } }',
          { id: organizationId },
        );
        expect(chosen).toEqual({ status: 'ENABLED', processRule: 'INVOICES' });
        // What was applied while disabled stays applied: nothing is made after the fact.
        expect(await panel(deal.id)).toEqual([]);
        const later = await createDeal({ stageId: stageId('Closed Won') });
        const [, won] = await applied(later.id, ['desk.deal.created', 'desk.deal.won']);
        expect(await panel(later.id)).toEqual([
          expect.objectContaining({ invoiceStatus: 'DRAFT', ...dealDocument(later, won.day) }),
        ]);
      },
      TEST_TIMEOUT_MS,
    );
  });
});

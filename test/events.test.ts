import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { config } from '../shared/config';
import type { DealPayload, DomainEvent, EventType } from '../shared/events';
import { consumerQueue, type EventConsumer, startEventConsumer } from '../shared/jobs/consumer';
import { recordEvent } from '../shared/jobs/outbox';
import { logger } from '../shared/logger';
import { SubgraphCallFailed, subgraphClient } from '../shared/subgraphClient';
import { expectNoErrors, mutateOk, sqlOn, stageNamed, unique } from './expectations';
import { DemoAgent, Graph, startGraph } from './harness';

/**
 * Desk's domain events end to end: a change made through the gateway is recorded in desk's outbox
 * in its own transaction, the in-process relay publishes it to pg-boss, and a consumer subscribed
 * here applies it exactly once, whatever retries and redeliveries happen on the way.
 */

// Retries wait for pg-boss's backoff (1–2 s for the first) plus a worker poll (1 s).
const TEST_TIMEOUT_MS = 60_000;
const DELIVERY_TIMEOUT_MS = 20_000;

// A Record, so that the compiler complains here when a desk event type is added to the catalog.
const DESK_EVENTS: Record<Extract<EventType, `desk.${string}`>, true> = {
  'desk.deal.created': true,
  'desk.deal.won': true,
  'desk.deal.lost': true,
  'desk.crm_task.created': true,
  'desk.crm_task.updated': true,
  'desk.crm_task.commented': true,
};

const PROBE_SCHEMA = 'event_probe';
const PROBE: Pick<EventConsumer, 'name' | 'schema'> = { name: 'event-probe', schema: PROBE_SCHEMA };
const PROBE_QUEUE = consumerQueue(PROBE);

interface DealStage {
  id: string;
  name: string;
}

const CREATE_ACCOUNT =
  'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }';
const CREATE_DEAL = `mutation($input: CreateDealInput!) { createDeal(input: $input) { id name } }`;
const MOVE_DEAL = `mutation($dealId: ID!, $stageId: ID!) {
  moveDealToStage(dealId: $dealId, stageId: $stageId) { id stage { name } }
}`;
const CREATE_TASK = `mutation($input: CreateCrmTaskInput!) {
  createCrmTask(input: $input) { id subject owner { id } }
}`;
const UPDATE_TASK = `mutation($id: ID!, $input: UpdateCrmTaskInput!) {
  updateCrmTask(id: $id, input: $input) { id subject priority status }
}`;
const ADD_COMMENT = `mutation($taskId: ID!, $body: String!) {
  addCrmTaskComment(taskId: $taskId, body: $body) { id body author { id } }
}`;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` yields something, so a test waits only as long as delivery takes. */
async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = DELIVERY_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

function isType<T extends EventType>(type: T) {
  return (event: DomainEvent): event is DomainEvent<T> => event.type === type;
}

describe('events: desk publishes its changes, a subscribed consumer applies each once', () => {
  let graph: Graph;
  let stages: DealStage[];
  /** Attempts to handle each event, failed ones included, by event id. */
  const attempts = new Map<string, number>();
  /** Names of deals whose created event the probe fails to apply the first time it gets it. */
  const flakyDeals = new Set<string>();

  const stageId = (name: string): string => stageNamed(stages, name);
  const { sql, count } = sqlOn(() => graph.dataSources.desk);

  /** Everything the probe applied for one aggregate, in the order it applied it. */
  async function received(aggregateId: string): Promise<DomainEvent[]> {
    const rows = await sql<{ event: DomainEvent }>(
      `SELECT event FROM ${PROBE_SCHEMA}.received WHERE aggregate_id = $1 ORDER BY seq`,
      [aggregateId],
    );
    return rows.map((row) => row.event);
  }

  async function receivedOf<T extends EventType>(
    aggregateId: string,
    type: T,
  ): Promise<DomainEvent<T>[]> {
    return (await received(aggregateId)).filter(isType(type));
  }

  /** Waits until the probe applied `atLeast` events of `type` for the aggregate; returns them. */
  async function delivered<T extends EventType>(
    aggregateId: string,
    type: T,
    atLeast = 1,
  ): Promise<DomainEvent<T>[]> {
    return waitFor(`${atLeast} × ${type} for ${aggregateId}`, async () => {
      const events = await receivedOf(aggregateId, type);
      return events.length >= atLeast && events;
    });
  }

  const timesApplied = (eventId: string) =>
    count(`SELECT 1 FROM ${PROBE_SCHEMA}.received WHERE event_id = $1`, [eventId]);

  const timesRemembered = (eventId: string) =>
    count(`SELECT 1 FROM ${PROBE_SCHEMA}.processed_event WHERE consumer = $1 AND event_id = $2`, [
      PROBE.name,
      eventId,
    ]);

  /** Desk's outbox rows for an aggregate: what was committed, whether or not yet published. */
  const outbox = (aggregateId: string) =>
    sql<{ id: string; type: EventType; published: boolean }>(
      `SELECT id, type, published_at IS NOT NULL AS published FROM desk.outbox_event
        WHERE aggregate_id = $1 ORDER BY occurred_at, id`,
      [aggregateId],
    );

  /** The probe's pg-boss job once it is completed: its id and retries are the delivery record. */
  const completedJob = (jobId: string) =>
    waitFor(`job ${jobId} to complete`, async () => {
      const job = await graph.jobs.desk.getJobById<DomainEvent>(PROBE_QUEUE, jobId);
      return job?.state === 'completed' && job;
    });

  const mutate = <T>(as: DemoAgent, mutation: string, variables: Record<string, unknown>) =>
    mutateOk<T>(graph, as, mutation, variables);

  const newAccount = async (as: DemoAgent = 'agent'): Promise<string> =>
    (
      await mutate<{ id: string }>(as, CREATE_ACCOUNT, {
        input: { name: unique('Events account') },
      })
    ).id;

  const createDeal = (input: Record<string, unknown>, as: DemoAgent = 'agent') =>
    mutate<{ id: string; name: string }>(as, CREATE_DEAL, {
      input: { name: unique('Events deal'), amount: 1000, ...input },
    });

  const createTask = (input: Record<string, unknown>, as: DemoAgent = 'agent') =>
    mutate<{ id: string; subject: string; owner: { id: string } }>(as, CREATE_TASK, {
      input: { subject: unique('Events task'), ...input },
    });

  const updateTask = (id: string, input: Record<string, unknown>) =>
    mutate<{ id: string }>('agent', UPDATE_TASK, { id, input });

  async function handle(event: DomainEvent, manager: EntityManager): Promise<void> {
    const attempt = (attempts.get(event.id) ?? 0) + 1;
    attempts.set(event.id, attempt);
    // No key on event_id: a second application must show up as a second row, not as an error.
    await manager.query(
      `INSERT INTO ${PROBE_SCHEMA}.received (event_id, type, aggregate_id, event)
       VALUES ($1, $2, $3, $4)`,
      [event.id, event.type, event.aggregateId, event],
    );
    // Fails after its effect, so the retry also proves the failed attempt's effect rolled back.
    const flaky = isType('desk.deal.created')(event) && flakyDeals.has(event.payload.name);
    if (flaky && attempt === 1) throw new Error('event probe: first attempt fails on purpose');
  }

  beforeAll(async () => {
    graph = await startGraph({ workers: true });
    await graph.dataSources.desk.query(`
      CREATE SCHEMA IF NOT EXISTS ${PROBE_SCHEMA};
      CREATE TABLE IF NOT EXISTS ${PROBE_SCHEMA}.processed_event (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      );
      CREATE TABLE IF NOT EXISTS ${PROBE_SCHEMA}.received (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id uuid NOT NULL,
        type text NOT NULL,
        aggregate_id text NOT NULL,
        event jsonb NOT NULL
      );
    `);
    await startEventConsumer({
      boss: graph.jobs.desk,
      dataSource: graph.dataSources.desk,
      consumer: { ...PROBE, events: Object.keys(DESK_EVENTS) as EventType[], handle },
      config: config(),
      // The probe's one deliberate failure would otherwise log a warning in every run.
      log: logger('event-probe').child({}, { level: 'error' }),
    });
    const res = await graph.query<{ dealStages: DealStage[] }>(
      'agent',
      '{ dealStages { id name } }',
    );
    expectNoErrors(res);
    stages = res.data?.dealStages ?? [];
  });

  afterAll(async () => {
    if (!graph) return;
    // Unsubscribed, the relay (ours or another suite's) stops filling a queue no one works.
    for (const type of Object.keys(DESK_EVENTS)) {
      await graph.jobs.desk.unsubscribe(type, PROBE_QUEUE);
    }
    await graph.jobs.desk.offWork(PROBE_QUEUE);
    await graph.dataSources.desk.query(`DROP SCHEMA IF EXISTS ${PROBE_SCHEMA} CASCADE`);
    await graph.stop();
  });

  it(
    'a deal created through the gateway reaches the consumer once, with its payload and cause',
    async () => {
      const accountId = await newAccount('admin');
      const deal = await createDeal({ accountId, amount: 2500.75 }, 'admin');

      const [event] = await delivered(deal.id, 'desk.deal.created');
      expect(event).toEqual({
        id: expect.any(String),
        type: 'desk.deal.created',
        source: 'desk',
        aggregateId: deal.id,
        occurredAt: expect.any(String),
        causedBy: { kind: 'agent', agentId: graph.agentIds.admin },
        payload: {
          dealId: deal.id,
          name: deal.name,
          accountId,
          contactId: null,
          amount: 2500.75,
          currency: 'USD',
          stageId: stageId('Qualification'),
          stageName: 'Qualification',
          outcome: 'OPEN',
          ownerId: graph.agentIds.admin,
          closingDate: null,
        },
      });
      expect(Number.isNaN(Date.parse(event.occurredAt))).toBe(false);

      // The outbox row is the event: same id, published, and the only one an open deal causes.
      expect(await outbox(deal.id)).toEqual([
        { id: event.id, type: 'desk.deal.created', published: true },
      ]);
      // The relay used the event id as the job id, and the first attempt applied it.
      const job = await completedJob(event.id);
      expect(job.retryCount).toBe(0);
      expect(job.data).toEqual(event);
      expect(attempts.get(event.id)).toBe(1);
      expect(await timesApplied(event.id)).toBe(1);
      expect(await timesRemembered(event.id)).toBe(1);
      expect(await received(deal.id)).toHaveLength(1);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a consumer that fails is retried with backoff and applies the event once; a redelivered copy is skipped',
    async () => {
      const accountId = await newAccount();
      // By name: the deal's id is only known after its event may already be on its way.
      const name = unique('Flaky deal');
      flakyDeals.add(name);
      const deal = await createDeal({ accountId, name });

      const [event] = await delivered(deal.id, 'desk.deal.created');
      const job = await completedJob(event.id);
      // Once failed and rolled back, once applied: the retry went through the queue.
      expect(attempts.get(event.id)).toBe(2);
      expect(job.retryCount).toBe(1);
      expect(await timesApplied(event.id)).toBe(1);
      expect(await timesRemembered(event.id)).toBe(1);

      // At-least-once delivery may hand over the same event again under another job id.
      const copyId = randomUUID();
      expect(await graph.jobs.desk.send(PROBE_QUEUE, event, { id: copyId })).toBe(copyId);
      const copy = await completedJob(copyId);
      expect(copy.data.id).toBe(event.id);
      expect(attempts.get(event.id)).toBe(2);
      expect(await timesApplied(event.id)).toBe(1);
      expect(await timesRemembered(event.id)).toBe(1);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'an event recorded in a transaction that rolls back is never published nor delivered',
    async () => {
      const ghostId = randomUUID();
      const ghost: DealPayload = {
        dealId: ghostId,
        name: unique('Rolled back deal'),
        accountId: randomUUID(),
        contactId: null,
        amount: 1,
        currency: 'USD',
        stageId: stageId('Qualification'),
        stageName: 'Qualification',
        outcome: 'OPEN',
        ownerId: graph.agentIds.agent,
        closingDate: null,
      };
      await expect(
        graph.dataSources.desk.transaction(async (manager) => {
          await recordEvent(manager, 'desk', {
            type: 'desk.deal.created',
            aggregateId: ghostId,
            causedBy: { kind: 'agent', agentId: graph.agentIds.agent },
            payload: ghost,
          });
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      expect(await outbox(ghostId)).toEqual([]);

      // A change committed after the rollback: once its event arrives, the relay has read the
      // outbox since, and the rolled-back event, had it been kept, would have gone out first.
      const started = Date.now();
      const deal = await createDeal({ accountId: await newAccount() });
      await delivered(deal.id, 'desk.deal.created');
      const deliveryMs = Date.now() - started;
      // Then give it longer again than that delivery took, to leave a slow relay no excuse.
      await sleep(Math.max(3_000, 2 * deliveryMs));
      expect(await received(ghostId)).toEqual([]);
      expect(await outbox(ghostId)).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );

  describe('deal outcomes', () => {
    const move = (dealId: string, stage: string) =>
      mutate<{ id: string }>('agent', MOVE_DEAL, { dealId, stageId: stageId(stage) });

    it(
      'into a won stage publishes desk.deal.won, into a lost one desk.deal.lost, between open stages nothing',
      async () => {
        const accountId = await newAccount();
        const deal = await createDeal({ accountId, amount: 4200 });
        await move(deal.id, 'Negotiation');
        await move(deal.id, 'Closed Won');
        await move(deal.id, 'Closed Lost');

        const expected = (stage: string, outcome: DealPayload['outcome']): DealPayload => ({
          dealId: deal.id,
          name: deal.name,
          accountId,
          contactId: null,
          amount: 4200,
          currency: 'USD',
          stageId: stageId(stage),
          stageName: stage,
          outcome,
          ownerId: graph.agentIds.agent,
          closingDate: null,
        });
        const [won] = await delivered(deal.id, 'desk.deal.won');
        expect(won).toMatchObject({
          source: 'desk',
          aggregateId: deal.id,
          causedBy: { kind: 'agent', agentId: graph.agentIds.agent },
        });
        expect(won.payload).toEqual(expected('Closed Won', 'WON'));
        const [lost] = await delivered(deal.id, 'desk.deal.lost');
        expect(lost.payload).toEqual(expected('Closed Lost', 'LOST'));
        await delivered(deal.id, 'desk.deal.created');

        // Committed before the moves returned: the move to Negotiation left no event behind.
        const committed = await outbox(deal.id);
        expect(committed.map((row) => row.type)).toEqual([
          'desk.deal.created',
          'desk.deal.won',
          'desk.deal.lost',
        ]);
        const applied = await received(deal.id);
        expect(applied.map((event) => event.id).sort()).toEqual(
          committed.map((row) => row.id).sort(),
        );
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'a deal created straight into a won stage publishes created and won',
      async () => {
        const deal = await createDeal({
          accountId: await newAccount(),
          stageId: stageId('Closed Won'),
        });
        const [created] = await delivered(deal.id, 'desk.deal.created');
        const [won] = await delivered(deal.id, 'desk.deal.won');
        expect(created.payload).toMatchObject({ outcome: 'WON', stageName: 'Closed Won' });
        expect(won.payload).toEqual(created.payload);
        expect((await outbox(deal.id)).map((row) => row.type)).toEqual([
          'desk.deal.created',
          'desk.deal.won',
        ]);
        expect(await received(deal.id)).toHaveLength(2);
      },
      TEST_TIMEOUT_MS,
    );
  });

  describe('CRM tasks', () => {
    let accountId: string;
    beforeAll(async () => {
      accountId = await newAccount();
    });

    it(
      'createCrmTask publishes desk.crm_task.created with the task',
      async () => {
        const task = await createTask({
          accountId,
          description: 'Send the renewal quote',
          dueDate: '2026-03-01',
          priority: 'LOW',
          ownerId: graph.agentIds.admin,
        });
        const [event] = await delivered(task.id, 'desk.crm_task.created');
        expect(event).toMatchObject({
          source: 'desk',
          aggregateId: task.id,
          causedBy: { kind: 'agent', agentId: graph.agentIds.agent },
        });
        expect(event.payload).toEqual({
          taskId: task.id,
          subject: task.subject,
          description: 'Send the renewal quote',
          dueDate: '2026-03-01',
          priority: 'LOW',
          status: 'OPEN',
          ownerId: graph.agentIds.admin,
          createdById: graph.agentIds.agent,
          accountId,
          contactId: null,
          dealId: null,
        });
        expect(await received(task.id)).toHaveLength(1);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'updateCrmTask publishes desk.crm_task.updated naming exactly the changed fields; no change, no event',
      async () => {
        const task = await createTask({ accountId, priority: 'LOW', dueDate: '2026-03-01' });
        const subject = unique('Renamed task');
        await updateTask(task.id, { subject, priority: 'HIGH' });
        // Writing back what is already there, as a sync would, changes nothing.
        await updateTask(task.id, {
          subject,
          priority: 'HIGH',
          description: null,
          dueDate: '2026-03-01',
          ownerId: graph.agentIds.agent,
        });
        await updateTask(task.id, { status: 'COMPLETED' });

        const updates = await delivered(task.id, 'desk.crm_task.updated', 2);
        const byChange = new Map(updates.map((event) => [event.payload.changed.join(','), event]));
        expect([...byChange.keys()].sort()).toEqual(['status', 'subject,priority']);
        expect(byChange.get('subject,priority')?.payload).toMatchObject({
          taskId: task.id,
          subject,
          priority: 'HIGH',
          status: 'OPEN',
          changed: ['subject', 'priority'],
        });
        expect(byChange.get('status')?.payload).toMatchObject({
          subject,
          priority: 'HIGH',
          status: 'COMPLETED',
          changed: ['status'],
        });
        // The no-op update committed no outbox row, so there is nothing that could arrive later.
        expect((await outbox(task.id)).map((row) => row.type)).toEqual([
          'desk.crm_task.created',
          'desk.crm_task.updated',
          'desk.crm_task.updated',
        ]);
        expect(await receivedOf(task.id, 'desk.crm_task.updated')).toHaveLength(2);
      },
      TEST_TIMEOUT_MS,
    );

    it(
      'addCrmTaskComment publishes desk.crm_task.commented with the comment',
      async () => {
        const task = await createTask({ accountId });
        const comment = await mutate<{ id: string; body: string; author: { id: string } }>(
          'admin',
          ADD_COMMENT,
          { taskId: task.id, body: '  Called, no answer  ' },
        );
        const [event] = await delivered(task.id, 'desk.crm_task.commented');
        expect(event.causedBy).toEqual({ kind: 'agent', agentId: graph.agentIds.admin });
        expect(event.payload).toEqual({
          taskId: task.id,
          commentId: comment.id,
          authorId: graph.agentIds.admin,
          body: 'Called, no answer',
        });
        expect(await receivedOf(task.id, 'desk.crm_task.commented')).toHaveLength(1);
      },
      TEST_TIMEOUT_MS,
    );
  });

  describe('a peer service writing to desk through its API', () => {
    let accountId: string;
    beforeAll(async () => {
      accountId = await newAccount();
    });

    const projects = (onBehalfOf: string, auth = config().auth) =>
      subgraphClient({
        target: 'desk',
        url: graph.subgraphUrls.desk,
        identity: { kind: 'service', service: 'projects', onBehalfOf },
        auth,
        timeoutMs: 5000,
      });

    /** The refusal a call ends in; fails the test when the call succeeds or fails otherwise. */
    async function refusal(call: Promise<unknown>): Promise<SubgraphCallFailed> {
      const error = await call.then(
        () => null,
        (failure: unknown) => failure,
      );
      expect(error).toBeInstanceOf(SubgraphCallFailed);
      return error as SubgraphCallFailed;
    }

    const tasksWithSubject = (subject: string) =>
      count('SELECT 1 FROM desk.crm_task WHERE subject = $1', [subject]);
    const outboxWithSubject = (subject: string) =>
      count(`SELECT 1 FROM desk.outbox_event WHERE payload->>'subject' = $1`, [subject]);

    it(
      'on behalf of an agent: the task is that agent’s, and its event names the service and the agent',
      async () => {
        const agentId = graph.agentIds.agent;
        const subject = unique('Task from projects');
        const { createCrmTask: task } = await projects(agentId).request<{
          createCrmTask: { id: string; subject: string; owner: { id: string } };
        }>(CREATE_TASK, { input: { subject, accountId } });
        expect(task).toEqual({ id: task.id, subject, owner: { id: agentId } });
        const [row] = await sql<{ createdById: string }>(
          'SELECT created_by_id AS "createdById" FROM desk.crm_task WHERE id = $1',
          [task.id],
        );
        expect(row.createdById).toBe(agentId);

        const [event] = await delivered(task.id, 'desk.crm_task.created');
        expect(event.causedBy).toEqual({
          kind: 'service',
          service: 'projects',
          onBehalfOf: agentId,
        });
        expect(event.payload).toMatchObject({
          taskId: task.id,
          subject,
          createdById: agentId,
          ownerId: agentId,
          accountId,
        });
      },
      TEST_TIMEOUT_MS,
    );

    it.each<DemoAgent>(['newAgent', 'light'])(
      'on behalf of %s, who may not create CRM tasks: FORBIDDEN, nothing written',
      async (as) => {
        const subject = unique('Refused task from projects');
        const error = await refusal(
          projects(graph.agentIds[as]).request(CREATE_TASK, { input: { subject, accountId } }),
        );
        expect(error.codes).toEqual(['FORBIDDEN']);
        expect(await tasksWithSubject(subject)).toBe(0);
        expect(await outboxWithSubject(subject)).toBe(0);
      },
    );

    it('signed with another secret than the shared one: 401, nothing written', async () => {
      const subject = unique('Forged task');
      const forged = projects(graph.agentIds.admin, {
        ...config().auth,
        subgraphSecret: 'not-the-shared-secret',
      });
      const error = await refusal(forged.request(CREATE_TASK, { input: { subject, accountId } }));
      expect(error.status).toBe(401);
      expect(error.codes).toEqual(['UNAUTHENTICATED']);
      expect(await tasksWithSubject(subject)).toBe(0);
    });
  });
});

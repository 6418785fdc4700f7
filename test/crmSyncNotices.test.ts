import { randomUUID } from 'node:crypto';
import { config } from '../shared/config';
import { SubgraphCallFailed, subgraphClient } from '../shared/subgraphClient';
import { expectError, expectNoErrors, mutateOk, sqlOn, unique } from './expectations';
import { type Graph, startGraph } from './harness';

/**
 * PRJ-6/PRJ-7, desk's side: a peer service that did not apply an update of a CRM task tells desk
 * with refuseCrmTaskUpdate, which puts the refused fields back to the service's values and keeps
 * a notice on the task, once per event. Only a service on its own behalf may; agents read the
 * notices like the task.
 */

const TASK_FIELDS = `id subject dueDate priority status updatedAt
  syncNotices { id source message restoredFields createdAt }`;
const CREATE_TASK = `mutation($input: CreateCrmTaskInput!) { createCrmTask(input: $input) { ${TASK_FIELDS} } }`;
const UPDATE_TASK = `mutation($id: ID!, $input: UpdateCrmTaskInput!) {
  updateCrmTask(id: $id, input: $input) { ${TASK_FIELDS} }
}`;
const READ_TASK = `query($id: ID!) { crmTask(id: $id) { ${TASK_FIELDS} } }`;
const REFUSE = `mutation($taskId: ID!, $input: RefuseCrmTaskUpdateInput!) {
  refuseCrmTaskUpdate(taskId: $taskId, input: $input) { ${TASK_FIELDS} }
}`;

interface Notice {
  id: string;
  source: string;
  message: string;
  restoredFields: string[];
  createdAt: string;
}
interface CrmTask {
  id: string;
  subject: string;
  dueDate: string | null;
  priority: string;
  status: string;
  updatedAt: string;
  syncNotices: Notice[];
}
interface EventRow {
  causedBy: unknown;
  changed: string[];
  dueDate: string | null;
}

const DUE = '2031-01-10';
const LATE = '2031-02-01';

describe('refuseCrmTaskUpdate: a peer service did not apply a CRM task update (PRJ-6/PRJ-7)', () => {
  let graph: Graph;
  const { sql, count } = sqlOn(() => graph.dataSources.desk);
  let accountId: string;
  const taskIds: string[] = [];

  /** Desk's API as a service; on its own behalf unless `onBehalfOf` is given. */
  const service = (onBehalfOf?: string) =>
    subgraphClient({
      target: 'desk',
      url: graph.subgraphUrls.desk,
      identity: { kind: 'service', service: 'projects', onBehalfOf },
      auth: config().auth,
      timeoutMs: 5000,
    });

  const refuse = (taskId: string, input: Record<string, unknown>, onBehalfOf?: string) =>
    service(onBehalfOf).request<{ refuseCrmTaskUpdate: CrmTask }>(REFUSE, { taskId, input });

  /** The refusal a call ends in; fails the test when the call succeeds. */
  async function failure(call: Promise<unknown>): Promise<SubgraphCallFailed> {
    const error = await call.then(
      () => null,
      (failed: unknown) => failed,
    );
    expect(error).toBeInstanceOf(SubgraphCallFailed);
    return error as SubgraphCallFailed;
  }

  /** A new task due DUE whose due date an agent then moved to LATE, as desk's agents do. */
  async function movedTask(): Promise<CrmTask> {
    const created = await mutateOk<CrmTask>(graph, 'agent', CREATE_TASK, {
      input: { subject: unique('Refused update'), accountId, dueDate: DUE },
    });
    taskIds.push(created.id);
    return mutateOk<CrmTask>(graph, 'agent', UPDATE_TASK, {
      id: created.id,
      input: { dueDate: LATE, priority: 'HIGH' },
    });
  }

  const updatedEvents = (taskId: string) =>
    sql<EventRow>(
      `SELECT caused_by AS "causedBy", payload->'changed' AS changed, payload->>'dueDate' AS "dueDate"
         FROM desk.outbox_event WHERE aggregate_id = $1 AND type = 'desk.crm_task.updated'
        ORDER BY occurred_at, id`,
      [taskId],
    );
  const noticesOf = (taskId: string) =>
    count('SELECT 1 FROM desk.crm_task_sync_notice WHERE task_id = $1', [taskId]);

  beforeAll(async () => {
    graph = await startGraph();
    ({ id: accountId } = await mutateOk<{ id: string }>(
      graph,
      'agent',
      'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
      { input: { name: unique('Sync notice account') } },
    ));
  });

  afterAll(async () => {
    // The notices go with their tasks.
    await sql('DELETE FROM desk.crm_task WHERE id = ANY($1)', [taskIds]);
    await sql('DELETE FROM desk.account WHERE id = $1', [accountId]);
    await graph.stop();
  });

  it('puts the refused fields back as the service, keeps a notice, and is applied once per event', async () => {
    const task = await movedTask();
    const eventId = randomUUID();
    const input = {
      eventId,
      reason: '  Project PRJ-1 has a fixed schedule ending 2031-01-13.  ',
      restore: { dueDate: DUE },
    };
    const { refuseCrmTaskUpdate: restored } = await refuse(task.id, input);
    expect(restored).toMatchObject({ id: task.id, dueDate: DUE, priority: 'HIGH' });

    const read = await graph.query<{ crmTask: CrmTask }>('agent', READ_TASK, { id: task.id });
    expectNoErrors(read);
    const notices = read.data?.crmTask.syncNotices as Notice[];
    expect(notices).toEqual([
      {
        id: expect.any(String),
        source: 'projects',
        message: 'Project PRJ-1 has a fixed schedule ending 2031-01-13.',
        restoredFields: ['dueDate'],
        createdAt: expect.any(String),
      },
    ]);
    expect(restored.syncNotices).toEqual(notices);

    // The restore is an ordinary update caused by the service, which it ignores as its echo.
    const events = await updatedEvents(task.id);
    expect(events).toHaveLength(2);
    expect(events[1]).toEqual({
      causedBy: { kind: 'service', service: 'projects', onBehalfOf: null },
      changed: ['dueDate'],
      dueDate: DUE,
    });

    // The service's retry of the same event: nothing more is written.
    const { refuseCrmTaskUpdate: again } = await refuse(task.id, {
      ...input,
      restore: { dueDate: '2031-01-05' },
    });
    expect(again).toEqual({ ...restored, syncNotices: notices });
    expect(await noticesOf(task.id)).toBe(1);
    expect(await updatedEvents(task.id)).toHaveLength(2);
  });

  it('lists the notices newest first; a restore that finds desk agreeing restores nothing', async () => {
    const task = await movedTask();
    await refuse(task.id, { eventId: randomUUID(), reason: 'First', restore: { dueDate: DUE } });
    const { refuseCrmTaskUpdate: second } = await refuse(task.id, {
      eventId: randomUUID(),
      reason: 'Second',
      restore: { dueDate: DUE },
    });
    expect(second.syncNotices.map((notice) => [notice.message, notice.restoredFields])).toEqual([
      ['Second', []],
      ['First', ['dueDate']],
    ]);
    expect(await updatedEvents(task.id)).toHaveLength(2);
  });

  it.each(['admin', 'agent'] as const)(
    'an agent (%s) calling it through the gateway is FORBIDDEN; nothing changes',
    async (as) => {
      const task = await movedTask();
      const res = await graph.query(as, REFUSE, {
        taskId: task.id,
        input: { eventId: randomUUID(), reason: 'Not mine to say', restore: { dueDate: DUE } },
      });
      expectError(res, 'FORBIDDEN', ['refuseCrmTaskUpdate']);
      expect(await noticesOf(task.id)).toBe(0);
      const [row] = await sql<{ due: string }>(
        `SELECT to_char(due_date, 'YYYY-MM-DD') AS due FROM desk.crm_task WHERE id = $1`,
        [task.id],
      );
      expect(row.due).toBe(LATE);
    },
  );

  it('a service acting on behalf of an agent is FORBIDDEN too', async () => {
    const task = await movedTask();
    const error = await failure(
      refuse(
        task.id,
        { eventId: randomUUID(), reason: 'For an agent', restore: { dueDate: DUE } },
        graph.agentIds.admin,
      ),
    );
    expect(error.codes).toEqual(['FORBIDDEN']);
    expect(await noticesOf(task.id)).toBe(0);
  });

  it('an unknown task is NOT_FOUND', async () => {
    const error = await failure(
      refuse(randomUUID(), { eventId: randomUUID(), reason: 'Gone', restore: { dueDate: DUE } }),
    );
    expect(error.codes).toEqual(['NOT_FOUND']);
  });

  /** A refused call whose restore or other input is wrong: desk says so and writes nothing. */
  async function expectBadInput(taskId: string, input: Record<string, unknown>): Promise<void> {
    const error = await failure(
      refuse(taskId, { eventId: randomUUID(), reason: 'Refused', ...input }),
    );
    expect(error.codes).toEqual(['BAD_USER_INPUT']);
    expect(await noticesOf(taskId)).toBe(0);
    expect(await updatedEvents(taskId)).toHaveLength(1);
  }

  it.each([
    ['an empty subject', { restore: { subject: '  ' } }],
    ['no field at all', { restore: {} }],
    ['an eventId that is not a desk event id', { eventId: 'event-1', restore: { dueDate: DUE } }],
    ['an empty reason', { reason: ' ', restore: { dueDate: DUE } }],
  ])('%s is BAD_USER_INPUT, and nothing changes', async (_label, input) => {
    const task = await movedTask();
    await expectBadInput(task.id, input);
  });

  it('an inactive owner to restore is BAD_USER_INPUT, and nothing changes', async () => {
    const task = await movedTask();
    const [inactive] = await sql<{ id: string }>(
      'SELECT id FROM desk.agent WHERE NOT active ORDER BY email LIMIT 1',
    );
    await expectBadInput(task.id, { restore: { dueDate: DUE, ownerId: inactive.id } });
  });
});

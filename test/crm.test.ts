import { randomUUID } from 'node:crypto';
import { config } from '../shared/config';
import { IDENTITY_HEADER, signForwardedIdentity } from '../shared/identity';
import { DemoAgent, Graph, postGraphQL, startGraph } from './harness';
import {
  errorCodes,
  expectError,
  expectNoErrors,
  mutateOk,
  sqlOn,
  stageNamed,
  unique,
} from './expectations';

/** DSK-2: desk is the CRM side — deals moving through stages, CRM tasks with comments. */

type Outcome = 'OPEN' | 'WON' | 'LOST';

interface DealStage {
  id: string;
  name: string;
  position: number;
  probability: number;
  outcome: Outcome;
}

interface Deal {
  id: string;
  name: string;
  amount: number;
  currency: string;
  stage: { id: string; name: string };
  outcome: Outcome;
  account: { id: string };
  contact: { id: string } | null;
  owner: { id: string };
  closingDate: string | null;
  closedAt: string | null;
}

interface Comment {
  body: string;
  author: { id: string };
  createdAt: string;
}

interface CrmTask {
  id: string;
  subject: string;
  description: string | null;
  dueDate: string | null;
  priority: 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH';
  status: 'OPEN' | 'IN_PROGRESS' | 'COMPLETED';
  owner: { id: string };
  account: { id: string } | null;
  contact: { id: string } | null;
  deal: { id: string } | null;
  comments: Comment[];
  updatedAt: string;
}

interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const STAGE_FIELDS = 'id name position probability outcome';
const DEAL_FIELDS = `id name amount currency stage { id name } outcome account { id }
  contact { id } owner { id } closingDate closedAt`;
const TASK_FIELDS = `id subject description dueDate priority status owner { id } account { id }
  contact { id } deal { id } comments { body author { id } createdAt } updatedAt`;

const CREATE_DEAL = `mutation($input: CreateDealInput!) { createDeal(input: $input) { ${DEAL_FIELDS} } }`;
const MOVE_DEAL = `mutation($dealId: ID!, $stageId: ID!) {
  moveDealToStage(dealId: $dealId, stageId: $stageId) { ${DEAL_FIELDS} }
}`;
const CREATE_TASK = `mutation($input: CreateCrmTaskInput!) {
  createCrmTask(input: $input) { ${TASK_FIELDS} }
}`;
const UPDATE_TASK = `mutation($id: ID!, $input: UpdateCrmTaskInput!) {
  updateCrmTask(id: $id, input: $input) { ${TASK_FIELDS} }
}`;
const ADD_COMMENT = `mutation($taskId: ID!, $body: String!) {
  addCrmTaskComment(taskId: $taskId, body: $body) { body author { id } createdAt }
}`;

/** A timestamp taken within the last minute, as a sanity bound that survives clock jitter. */
function expectRecent(iso: string | null): void {
  expect(iso).not.toBeNull();
  const age = Date.now() - new Date(iso as string).getTime();
  expect(age).toBeGreaterThanOrEqual(-5_000);
  expect(age).toBeLessThan(60_000);
}

describe('DSK-2: desk is the CRM side', () => {
  let graph: Graph;
  let stages: DealStage[];
  const stageId = (name: string): string => stageNamed(stages, name);
  const { sql, count } = sqlOn(() => graph.dataSources.desk);

  const mutate = <T>(as: DemoAgent, mutation: string, variables: Record<string, unknown>) =>
    mutateOk<T>(graph, as, mutation, variables);

  /** A fresh account, with one contact whose primary account it is. */
  async function newCustomer(): Promise<{ accountId: string; contactId: string }> {
    const account = await mutate<{ id: string }>(
      'agent',
      'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
      { input: { name: unique('CRM test account') } },
    );
    const contact = await mutate<{ id: string }>(
      'agent',
      'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }',
      {
        input: {
          firstName: 'Crm',
          lastName: 'Tester',
          email: `${randomUUID()}@example.test`,
          primaryAccountId: account.id,
        },
      },
    );
    return { accountId: account.id, contactId: contact.id };
  }

  const createDeal = (input: Record<string, unknown>, as: DemoAgent = 'agent') =>
    mutate<Deal>(as, CREATE_DEAL, { input: { name: unique('Deal'), amount: 1000, ...input } });

  const createTask = (input: Record<string, unknown>, as: DemoAgent = 'agent') =>
    mutate<CrmTask>(as, CREATE_TASK, { input: { subject: unique('Task'), ...input } });

  /** An agent who has left the company: seeded, inactive, unable to sign in. */
  async function inactiveAgentId(): Promise<string> {
    const [row] = await sql<{ id: string }>(
      'SELECT id FROM desk.agent WHERE NOT active ORDER BY email LIMIT 1',
    );
    return row.id;
  }

  const dealsNamed = (name: string) => count('SELECT 1 FROM desk.deal WHERE name = $1', [name]);
  const tasksWithSubject = (subject: string) =>
    count('SELECT 1 FROM desk.crm_task WHERE subject = $1', [subject]);

  beforeAll(async () => {
    graph = await startGraph();
    const res = await graph.query<{ dealStages: DealStage[] }>(
      'agent',
      `{ dealStages { ${STAGE_FIELDS} } }`,
    );
    expectNoErrors(res);
    stages = res.data?.dealStages ?? [];
  });
  afterAll(() => graph.stop());

  describe('deal stages', () => {
    it('lists the pipeline in position order, each stage with its outcome', () => {
      expect(stages.map((s) => [s.name, s.outcome])).toEqual([
        ['Qualification', 'OPEN'],
        ['Needs Analysis', 'OPEN'],
        ['Proposal', 'OPEN'],
        ['Negotiation', 'OPEN'],
        ['Closed Won', 'WON'],
        ['Closed Lost', 'LOST'],
      ]);
      const positions = stages.map((s) => s.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(positions).size).toBe(positions.length);
    });

    it('is readable by a new agent and refused to a light agent', async () => {
      expectNoErrors(await graph.query('newAgent', '{ dealStages { name } }'));
      expectError(await graph.query('light', '{ dealStages { name } }'), 'FORBIDDEN', [
        'dealStages',
      ]);
    });
  });

  describe('createDeal', () => {
    let customer: { accountId: string; contactId: string };
    beforeAll(async () => {
      customer = await newCustomer();
    });

    it('defaults to the first open stage, the caller as owner, USD, and is open', async () => {
      const name = unique('Default deal');
      const deal = await mutate<Deal>('agent', CREATE_DEAL, {
        input: { name, accountId: customer.accountId, amount: 1500.5 },
      });
      expect(deal).toMatchObject({
        name,
        amount: 1500.5,
        currency: 'USD',
        stage: { name: 'Qualification' },
        outcome: 'OPEN',
        account: { id: customer.accountId },
        contact: null,
        owner: { id: graph.agentIds.agent },
        closingDate: null,
        closedAt: null,
      });
    });

    it('keeps the given contact of the account, owner, currency, stage and closing date', async () => {
      const deal = await createDeal({
        accountId: customer.accountId,
        contactId: customer.contactId,
        ownerId: graph.agentIds.admin,
        currency: 'EUR',
        stageId: stageId('Proposal'),
        closingDate: '2026-12-31',
      });
      expect(deal).toMatchObject({
        contact: { id: customer.contactId },
        owner: { id: graph.agentIds.admin },
        currency: 'EUR',
        stage: { name: 'Proposal' },
        outcome: 'OPEN',
        closingDate: '2026-12-31',
        closedAt: null,
      });
    });

    it('created straight into Closed Won is won and closed', async () => {
      const deal = await createDeal({
        accountId: customer.accountId,
        stageId: stageId('Closed Won'),
      });
      expect(deal.outcome).toBe('WON');
      expectRecent(deal.closedAt);
    });

    describe('refusals write nothing', () => {
      const refusals: [string, string, () => Record<string, unknown>][] = [
        ['an unknown account', 'NOT_FOUND', () => ({ accountId: randomUUID() })],
        ['a negative amount', 'BAD_USER_INPUT', () => ({ amount: -0.01 })],
        // numeric(14,2): anything from 10^12 up would overflow the column.
        ['an amount too large to store', 'BAD_USER_INPUT', () => ({ amount: 1e12 })],
        // The column would round it to 10.01 while the answer said 10.005.
        ['an amount with a third decimal', 'BAD_USER_INPUT', () => ({ amount: 10.005 })],
        ['a two-letter currency', 'BAD_USER_INPUT', () => ({ currency: 'US' })],
        ['a currency that is not letters', 'BAD_USER_INPUT', () => ({ currency: '$$$' })],
        ['an empty name', 'BAD_USER_INPUT', () => ({ name: '  ' })],
        ['an unknown stage', 'NOT_FOUND', () => ({ stageId: randomUUID() })],
        ['an unknown owner', 'NOT_FOUND', () => ({ ownerId: randomUUID() })],
      ];

      it.each(refusals)('%s → %s', async (_label, code, override) => {
        const name = unique('Refused deal');
        const res = await graph.query('agent', CREATE_DEAL, {
          input: { name, accountId: customer.accountId, amount: 100, ...override() },
        });
        expectError(res, code, ['createDeal']);
        expect(await dealsNamed(name)).toBe(0);
      });

      it('a contact who does not belong to the account → BAD_USER_INPUT', async () => {
        const other = await newCustomer();
        const name = unique('Deal with a stranger');
        const res = await graph.query('agent', CREATE_DEAL, {
          input: { name, accountId: customer.accountId, contactId: other.contactId, amount: 100 },
        });
        expectError(res, 'BAD_USER_INPUT', ['createDeal']);
        expect(await dealsNamed(name)).toBe(0);
      });

      it('an owner who has left the company (inactive) → BAD_USER_INPUT', async () => {
        const name = unique('Deal for a former agent');
        const res = await graph.query('agent', CREATE_DEAL, {
          input: {
            name,
            accountId: customer.accountId,
            ownerId: await inactiveAgentId(),
            amount: 100,
          },
        });
        expectError(res, 'BAD_USER_INPUT', ['createDeal']);
        expect(await dealsNamed(name)).toBe(0);
      });

      it('a new agent (deals: view only) → FORBIDDEN', async () => {
        const name = unique('New agent deal');
        const res = await graph.query('newAgent', CREATE_DEAL, {
          input: { name, accountId: customer.accountId, amount: 100 },
        });
        expectError(res, 'FORBIDDEN', ['createDeal']);
        expect(await dealsNamed(name)).toBe(0);
      });
    });
  });

  describe('moveDealToStage: won and lost close a deal, an open stage reopens it', () => {
    let deal: Deal;
    beforeAll(async () => {
      const { accountId } = await newCustomer();
      deal = await createDeal({ accountId });
    });

    const move = (stage: string) =>
      mutate<Deal>('agent', MOVE_DEAL, { dealId: deal.id, stageId: stageId(stage) });

    it('to Closed Won: outcome WON and closedAt set', async () => {
      const won = await move('Closed Won');
      expect(won).toMatchObject({ stage: { name: 'Closed Won' }, outcome: 'WON' });
      expectRecent(won.closedAt);
    });

    it('to Closed Lost: outcome LOST and still closed', async () => {
      const lost = await move('Closed Lost');
      expect(lost).toMatchObject({ stage: { name: 'Closed Lost' }, outcome: 'LOST' });
      expectRecent(lost.closedAt);
    });

    it('back to an open stage: outcome OPEN and closedAt cleared', async () => {
      const reopened = await move('Negotiation');
      expect(reopened).toMatchObject({
        stage: { name: 'Negotiation' },
        outcome: 'OPEN',
        closedAt: null,
      });
      const [row] = await sql<{ closedAt: Date | null }>(
        'SELECT closed_at AS "closedAt" FROM desk.deal WHERE id = $1',
        [deal.id],
      );
      expect(row.closedAt).toBeNull();
    });

    it('an unknown deal or stage is NOT_FOUND', async () => {
      const unknownDeal = await graph.query('agent', MOVE_DEAL, {
        dealId: randomUUID(),
        stageId: stageId('Closed Won'),
      });
      expectError(unknownDeal, 'NOT_FOUND', ['moveDealToStage']);
      const unknownStage = await graph.query('agent', MOVE_DEAL, {
        dealId: deal.id,
        stageId: randomUUID(),
      });
      expectError(unknownStage, 'NOT_FOUND', ['moveDealToStage']);
    });

    it('a new agent may not move a deal; its stage stays', async () => {
      const res = await graph.query('newAgent', MOVE_DEAL, {
        dealId: deal.id,
        stageId: stageId('Closed Won'),
      });
      expectError(res, 'FORBIDDEN', ['moveDealToStage']);
      const [row] = await sql<{ stageId: string }>(
        'SELECT stage_id AS "stageId" FROM desk.deal WHERE id = $1',
        [deal.id],
      );
      expect(row.stageId).toBe(stageId('Negotiation'));
    });
  });

  describe("Account.deals and deals(accountId:) list an account's deals, page by page", () => {
    let accountId: string;
    let newestFirst: string[];
    beforeAll(async () => {
      ({ accountId } = await newCustomer());
      const created: string[] = [];
      for (let n = 0; n < 3; n += 1) created.push((await createDeal({ accountId })).id);
      newestFirst = created.reverse();
    });

    const PAGE = 'nodes { id account { id } } pageInfo { hasNextPage endCursor } totalCount';

    it('Account.deals: newest first, two pages, nothing skipped or repeated', async () => {
      const query = `query($id: ID!, $after: String) {
        account(id: $id) { deals(first: 2, after: $after) { ${PAGE} } }
      }`;
      const first = await graph.query<{ account: { deals: Page<Deal> } }>('agent', query, {
        id: accountId,
      });
      expectNoErrors(first);
      const page1 = first.data?.account.deals as Page<Deal>;
      expect(page1.totalCount).toBe(3);
      expect(page1.pageInfo.hasNextPage).toBe(true);

      const second = await graph.query<{ account: { deals: Page<Deal> } }>('agent', query, {
        id: accountId,
        after: page1.pageInfo.endCursor,
      });
      expectNoErrors(second);
      const page2 = second.data?.account.deals as Page<Deal>;
      expect(page2.pageInfo.hasNextPage).toBe(false);
      expect([...page1.nodes, ...page2.nodes].map((d) => d.id)).toEqual(newestFirst);
    });

    it('deals(accountId:) lists the same deals and only them', async () => {
      const res = await graph.query<{ deals: Page<Deal> }>(
        'newAgent',
        `query($accountId: ID) { deals(first: 10, accountId: $accountId) { ${PAGE} } }`,
        { accountId },
      );
      expectNoErrors(res);
      expect(res.data?.deals.nodes.map((d) => d.id)).toEqual(newestFirst);
      expect(res.data?.deals.totalCount).toBe(3);
    });

    it('a light agent may read neither deals nor a single deal', async () => {
      expectError(await graph.query('light', '{ deals(first: 1) { nodes { id } } }'), 'FORBIDDEN', [
        'deals',
      ]);
      const single = await graph.query<{ deal: unknown }>(
        'light',
        'query($id: ID!) { deal(id: $id) { name } }',
        { id: newestFirst[0] },
      );
      expect(errorCodes(single)).toEqual(['FORBIDDEN']);
      expect(single.data?.deal ?? null).toBeNull();
    });
  });

  describe('createCrmTask', () => {
    let customer: { accountId: string; contactId: string };
    let deal: Deal;
    beforeAll(async () => {
      customer = await newCustomer();
      deal = await createDeal({ accountId: customer.accountId, contactId: customer.contactId });
    });

    it('on an account: open, no priority, owned by the caller, no comments yet', async () => {
      const subject = unique('Call back');
      const task = await createTask({ subject, accountId: customer.accountId });
      expect(task).toMatchObject({
        subject,
        description: null,
        dueDate: null,
        priority: 'NONE',
        status: 'OPEN',
        owner: { id: graph.agentIds.agent },
        account: { id: customer.accountId },
        contact: null,
        deal: null,
        comments: [],
      });
    });

    it("on a deal: the task takes the deal's account", async () => {
      const task = await createTask({ dealId: deal.id, priority: 'HIGH', dueDate: '2026-06-30' });
      expect(task).toMatchObject({
        deal: { id: deal.id },
        account: { id: customer.accountId },
        priority: 'HIGH',
        dueDate: '2026-06-30',
      });
    });

    it('on a contact, for another owner', async () => {
      const task = await createTask({
        contactId: customer.contactId,
        ownerId: graph.agentIds.admin,
        description: 'Ask about the renewal',
      });
      expect(task).toMatchObject({
        contact: { id: customer.contactId },
        owner: { id: graph.agentIds.admin },
        description: 'Ask about the renewal',
      });
    });

    const refusals: [string, string, () => Record<string, unknown>][] = [
      ['no account, contact or deal', 'BAD_USER_INPUT', () => ({})],
      [
        'an empty subject',
        'BAD_USER_INPUT',
        () => ({ subject: ' ', accountId: customer.accountId }),
      ],
      ['an unknown account', 'NOT_FOUND', () => ({ accountId: randomUUID() })],
      ['an unknown contact', 'NOT_FOUND', () => ({ contactId: randomUUID() })],
      ['an unknown deal', 'NOT_FOUND', () => ({ dealId: randomUUID() })],
      [
        'an unknown owner',
        'NOT_FOUND',
        () => ({ accountId: customer.accountId, ownerId: randomUUID() }),
      ],
      [
        'an invalid due date',
        'BAD_USER_INPUT',
        () => ({ accountId: customer.accountId, dueDate: 'next Tuesday' }),
      ],
    ];

    it.each(refusals)('%s → %s, nothing written', async (_label, code, input) => {
      const subject = unique('Refused task');
      const res = await graph.query('agent', CREATE_TASK, { input: { subject, ...input() } });
      expect(errorCodes(res)).toEqual([code]);
      expect(await tasksWithSubject(subject)).toBe(0);
    });

    it("a deal together with another account than the deal's → BAD_USER_INPUT", async () => {
      const other = await newCustomer();
      const subject = unique('Task on two accounts');
      const res = await graph.query('agent', CREATE_TASK, {
        input: { subject, dealId: deal.id, accountId: other.accountId },
      });
      expectError(res, 'BAD_USER_INPUT', ['createCrmTask']);
      expect(await tasksWithSubject(subject)).toBe(0);
    });

    it("a contact outside the task's account → BAD_USER_INPUT", async () => {
      const other = await newCustomer();
      const subject = unique('Task with a stranger');
      const res = await graph.query('agent', CREATE_TASK, {
        input: { subject, accountId: customer.accountId, contactId: other.contactId },
      });
      expectError(res, 'BAD_USER_INPUT', ['createCrmTask']);
      expect(await tasksWithSubject(subject)).toBe(0);
    });

    it('an owner who has left the company (inactive) → BAD_USER_INPUT', async () => {
      const subject = unique('Task for a former agent');
      const res = await graph.query('agent', CREATE_TASK, {
        input: { subject, accountId: customer.accountId, ownerId: await inactiveAgentId() },
      });
      expectError(res, 'BAD_USER_INPUT', ['createCrmTask']);
      expect(await tasksWithSubject(subject)).toBe(0);
    });

    it('a new agent (CRM tasks: view only) → FORBIDDEN, nothing written', async () => {
      const subject = unique('New agent task');
      const res = await graph.query('newAgent', CREATE_TASK, {
        input: { subject, accountId: customer.accountId },
      });
      expectError(res, 'FORBIDDEN', ['createCrmTask']);
      expect(await tasksWithSubject(subject)).toBe(0);
    });
  });

  describe('updateCrmTask', () => {
    let task: CrmTask;
    beforeAll(async () => {
      const { accountId } = await newCustomer();
      task = await createTask({ accountId, dueDate: '2026-03-01', priority: 'LOW' });
    });

    const update = (input: Record<string, unknown>) =>
      mutate<CrmTask>('agent', UPDATE_TASK, { id: task.id, input });

    it('completes a task and reopens it', async () => {
      expect((await update({ status: 'COMPLETED' })).status).toBe('COMPLETED');
      const reopened = await update({ status: 'OPEN' });
      expect(reopened.status).toBe('OPEN');
      expect(new Date(reopened.updatedAt).getTime()).toBeGreaterThan(
        new Date(task.updatedAt).getTime(),
      );
    });

    it('changes priority, subject and owner, leaving the rest alone', async () => {
      const subject = unique('Renamed task');
      const updated = await update({ priority: 'HIGH', subject, ownerId: graph.agentIds.admin });
      expect(updated).toMatchObject({
        subject,
        priority: 'HIGH',
        owner: { id: graph.agentIds.admin },
        dueDate: '2026-03-01',
        account: task.account,
      });
    });

    it('moves the due date and clears it with null', async () => {
      expect((await update({ dueDate: '2026-04-15' })).dueDate).toBe('2026-04-15');
      expect((await update({ dueDate: null })).dueDate).toBeNull();
    });

    const storedDueDate = async (): Promise<string> => {
      const [row] = await sql<{ dueDate: string }>(
        `SELECT to_char(due_date, 'YYYY-MM-DD') AS "dueDate" FROM desk.crm_task WHERE id = $1`,
        [task.id],
      );
      return row.dueDate;
    };
    const INVALID_DATES = ['tomorrow', '2026-13-01', '2026-02-30', '15/04/2026'];

    it.each(INVALID_DATES)(
      'refuses the due date "%s" with BAD_USER_INPUT through the gateway',
      async (dueDate) => {
        await update({ dueDate: '2026-05-01' });
        const res = await graph.query('agent', UPDATE_TASK, { id: task.id, input: { dueDate } });
        expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
        expect(await storedDueDate()).toBe('2026-05-01');
      },
    );

    // The same straight at the desk subgraph, to tell a desk fault from a gateway one.
    it.each(INVALID_DATES)(
      'the desk subgraph itself refuses the due date "%s" with BAD_USER_INPUT',
      async (dueDate) => {
        await update({ dueDate: '2026-05-01' });
        const identity = signForwardedIdentity(
          { kind: 'agent', agentId: graph.agentIds.agent, email: 'agent@demo.customer-graph.dev' },
          config().auth,
        );
        const res = await postGraphQL(
          graph.subgraphUrls.desk,
          { [IDENTITY_HEADER]: identity },
          { query: UPDATE_TASK, variables: { id: task.id, input: { dueDate } } },
        );
        expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
        expect(await storedDueDate()).toBe('2026-05-01');
      },
    );

    it('refuses an owner who has left the company (inactive) with BAD_USER_INPUT', async () => {
      const before = await update({ ownerId: graph.agentIds.agent });
      const res = await graph.query('agent', UPDATE_TASK, {
        id: task.id,
        input: { ownerId: await inactiveAgentId() },
      });
      expectError(res, 'BAD_USER_INPUT', ['updateCrmTask']);
      const [row] = await sql<{ ownerId: string }>(
        'SELECT owner_id AS "ownerId" FROM desk.crm_task WHERE id = $1',
        [task.id],
      );
      expect(row.ownerId).toBe(before.owner.id);
    });

    it('refuses an empty subject with BAD_USER_INPUT', async () => {
      const res = await graph.query('agent', UPDATE_TASK, {
        id: task.id,
        input: { subject: '' },
      });
      expectError(res, 'BAD_USER_INPUT', ['updateCrmTask']);
    });

    it('an unknown task is NOT_FOUND', async () => {
      const res = await graph.query('agent', UPDATE_TASK, {
        id: randomUUID(),
        input: { status: 'COMPLETED' },
      });
      expectError(res, 'NOT_FOUND', ['updateCrmTask']);
    });

    it('a new agent may not update a task; it stays as it was', async () => {
      const before = await update({ status: 'IN_PROGRESS' });
      const res = await graph.query('newAgent', UPDATE_TASK, {
        id: task.id,
        input: { status: 'COMPLETED' },
      });
      expectError(res, 'FORBIDDEN', ['updateCrmTask']);
      const [row] = await sql<{ status: string }>(
        'SELECT status FROM desk.crm_task WHERE id = $1',
        [task.id],
      );
      expect(row.status).toBe(before.status);
    });
  });

  describe('CRM task comments', () => {
    let task: CrmTask;
    beforeAll(async () => {
      const { accountId } = await newCustomer();
      task = await createTask({ accountId });
    });

    const comment = (body: string, as: DemoAgent = 'agent') =>
      graph.query<{ addCrmTaskComment: Comment }>(as, ADD_COMMENT, { taskId: task.id, body });

    it('lists comments in the order they were added, each with its author', async () => {
      const first = await comment('  Left a voicemail  ');
      expectNoErrors(first);
      expect(first.data?.addCrmTaskComment).toMatchObject({
        body: 'Left a voicemail',
        author: { id: graph.agentIds.agent },
      });
      expectNoErrors(await comment('They called back, meeting on Friday', 'admin'));

      const res = await graph.query<{ crmTask: CrmTask }>(
        'newAgent',
        `query($id: ID!) { crmTask(id: $id) { ${TASK_FIELDS} } }`,
        { id: task.id },
      );
      expectNoErrors(res);
      expect(res.data?.crmTask.comments.map((c) => [c.body, c.author.id])).toEqual([
        ['Left a voicemail', graph.agentIds.agent],
        ['They called back, meeting on Friday', graph.agentIds.admin],
      ]);
    });

    it('refuses an empty body with BAD_USER_INPUT', async () => {
      expectError(await comment(' \n '), 'BAD_USER_INPUT', ['addCrmTaskComment']);
      expect(await count('SELECT 1 FROM desk.crm_task_comment WHERE task_id = $1', [task.id])).toBe(
        2,
      );
    });

    it('a comment on an unknown task is NOT_FOUND', async () => {
      const res = await graph.query('agent', ADD_COMMENT, { taskId: randomUUID(), body: 'Hello?' });
      expectError(res, 'NOT_FOUND', ['addCrmTaskComment']);
    });

    it('a new agent may not comment', async () => {
      expectError(await comment('Can I help?', 'newAgent'), 'FORBIDDEN', ['addCrmTaskComment']);
      expect(await count('SELECT 1 FROM desk.crm_task_comment WHERE task_id = $1', [task.id])).toBe(
        2,
      );
    });
  });

  describe('crmTasks filters by account and by deal', () => {
    let accountId: string;
    let dealTask: CrmTask;
    let accountTask: CrmTask;
    let otherDealTask: CrmTask;
    beforeAll(async () => {
      ({ accountId } = await newCustomer());
      const deal = await createDeal({ accountId });
      const otherDeal = await createDeal({ accountId });
      accountTask = await createTask({ accountId });
      dealTask = await createTask({ dealId: deal.id });
      otherDealTask = await createTask({ dealId: otherDeal.id });
      // Unrelated work elsewhere must not show up.
      await createTask({ accountId: (await newCustomer()).accountId });
    });

    const LIST = `query($accountId: ID, $dealId: ID) {
      crmTasks(first: 50, accountId: $accountId, dealId: $dealId) {
        nodes { id account { id } deal { id } } totalCount
      }
    }`;
    const list = async (filter: { accountId?: string; dealId?: string }) => {
      const res = await graph.query<{ crmTasks: Page<CrmTask> }>('newAgent', LIST, filter);
      expectNoErrors(res);
      return res.data?.crmTasks as Page<CrmTask>;
    };
    const idsOf = (page: Page<CrmTask>) => page.nodes.map((t) => t.id).sort();

    it("by account: the account's own tasks and its deals' tasks", async () => {
      const page = await list({ accountId });
      expect(idsOf(page)).toEqual([accountTask.id, dealTask.id, otherDealTask.id].sort());
      expect(page.totalCount).toBe(3);
    });

    it("by deal: only that deal's tasks", async () => {
      const page = await list({ dealId: dealTask.deal?.id });
      expect(idsOf(page)).toEqual([dealTask.id]);
      expect(page.totalCount).toBe(1);
    });

    it('by account and deal together', async () => {
      const page = await list({ accountId, dealId: otherDealTask.deal?.id });
      expect(idsOf(page)).toEqual([otherDealTask.id]);
    });

    it('refuses a malformed id with BAD_USER_INPUT', async () => {
      const res = await graph.query('newAgent', LIST, { accountId: 'not-an-id' });
      expectError(res, 'BAD_USER_INPUT', ['crmTasks']);
    });

    it('is refused to a light agent', async () => {
      expectError(await graph.query('light', LIST, { accountId }), 'FORBIDDEN', ['crmTasks']);
    });
  });

  describe('seeded CRM data', () => {
    it('has deals in every outcome, closed exactly when won or lost', async () => {
      const samples = await sql<{ id: string; outcome: Outcome }>(
        `SELECT DISTINCT ON (s.outcome) d.id, s.outcome
           FROM desk.deal d JOIN desk.deal_stage s ON s.id = d.stage_id
          ORDER BY s.outcome, d.created_at`,
      );
      expect(samples.map((s) => s.outcome).sort()).toEqual(['LOST', 'OPEN', 'WON']);
      for (const sample of samples) {
        const res = await graph.query<{ deal: Deal }>(
          'newAgent',
          `query($id: ID!) { deal(id: $id) { ${DEAL_FIELDS} } }`,
          { id: sample.id },
        );
        expectNoErrors(res);
        expect(res.data?.deal.outcome).toBe(sample.outcome);
        expect(res.data?.deal.closedAt === null).toBe(sample.outcome === 'OPEN');
      }
    });

    it('has CRM tasks with comments, listed oldest first', async () => {
      const [busiest] = await sql<{ taskId: string; n: string }>(
        `SELECT task_id AS "taskId", count(*) AS n FROM desk.crm_task_comment
          GROUP BY task_id ORDER BY count(*) DESC, task_id LIMIT 1`,
      );
      expect(Number(busiest.n)).toBeGreaterThan(1);
      const res = await graph.query<{ crmTask: CrmTask }>(
        'agent',
        `query($id: ID!) { crmTask(id: $id) { ${TASK_FIELDS} } }`,
        { id: busiest.taskId },
      );
      expectNoErrors(res);
      const times = res.data?.crmTask.comments.map((c) => new Date(c.createdAt).getTime()) ?? [];
      expect(times).toHaveLength(Number(busiest.n));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    });
  });
});

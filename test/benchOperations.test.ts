import fs from 'node:fs';
import path from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, validate } from 'graphql';
import { config } from '../shared/config';
import { statementCount } from '../shared/database/dataSource';
import { apiSchema } from '../scripts/apiSchema';
import {
  OPERATION_FILES,
  OPERATION_NAMES,
  operationDocument,
  OperationName,
} from '../scripts/bench/operations';
import { deskModule } from '../subgraphs/desk/module';
import { logger } from '../shared/logger';
import { closeAll, migrateAll, seedWhereEmpty } from '../scripts/platform';
import { TEST_SEED_SCALE } from './globalSetup';
import { Graph, startGraph } from './harness';
import { scratchDatabase } from './scratchDatabase';
import { expectNoErrors } from './expectations';

const root = config().projectRoot;

describe('the benchmark operations (operations/bench)', () => {
  const schema = apiSchema();

  it('are every file of the folder, and each is valid against the supergraph', () => {
    const files = fs.readdirSync(path.join(root, 'operations/bench')).sort();
    expect(files).toEqual(Object.values(OPERATION_FILES).sort());
    for (const name of OPERATION_NAMES) {
      const errors = validate(schema, parse(operationDocument(root, name)));
      expect({ name, errors: errors.map((e) => e.message) }).toEqual({ name, errors: [] });
    }
  });

  it('include the ticket by id, which is also valid against desk alone (the direct call)', () => {
    const desk = buildSubgraphSchema({
      typeDefs: deskModule.typeDefs,
      resolvers: deskModule.resolvers,
    });
    expect(validate(desk, parse(operationDocument(root, 'ticket')))).toEqual([]);
  });
});

/**
 * The benchmark counts statements on the database side at its own scale; this counts them per
 * subgraph here, on the test data, for the two operations whose lists it multiplies by ten.
 */
describe('the benchmark operations: SQL statements do not grow with their lists', () => {
  let graph: Graph;
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  // The demo data as seeded: suites before this one change the shared database's tickets,
  // contacts, integrations and permissions, and with them which relations a list fills.
  beforeAll(async () => {
    scratch = await scratchDatabase();
    const migrated = await migrateAll(scratch.url, logger('test'));
    await seedWhereEmpty(migrated, TEST_SEED_SCALE, logger('test'));
    await closeAll(migrated);
    graph = await startGraph({
      databaseUrl: scratch.url,
      configure: (settings) => ({
        ...settings,
        pagination: { ...settings.pagination, maxPageSize: 500 },
      }),
    });
  });
  afterAll(async () => {
    await graph.stop();
    await scratch.drop();
  });

  interface QueueTicket {
    account: unknown;
    billing: { subscriptions: { nodes: unknown[] }; invoices: { totalCount: number } } | null;
  }

  interface AccountContact {
    contact: {
      inventory: {
        salesOrders: { totalCount: number };
        invoices: { totalCount: number };
      } | null;
      billing: unknown;
    };
  }

  /** Statements each subgraph sent for one run of the operation, and its list. */
  async function statements(name: OperationName, variables: Record<string, unknown>) {
    const before = Object.entries(graph.dataSources).map(
      ([subgraph, db]) => [subgraph, statementCount(db)] as const,
    );
    const res = await graph.query<{
      tickets?: { nodes: QueueTicket[] };
      account?: { contacts: { nodes: AccountContact[] } };
    }>('agent', operationDocument(root, name), variables);
    expectNoErrors(res);
    const counts = Object.fromEntries(
      before.map(([subgraph, count]) => [
        subgraph,
        statementCount(graph.dataSources[subgraph]) - count,
      ]),
    );
    return {
      counts,
      tickets: res.data?.tickets?.nodes ?? [],
      contacts: res.data?.account?.contacts.nodes ?? [],
    };
  }

  /**
   * A page with no rows skips loading its rows: a list whose tickets have no subscription or no
   * overdue invoice costs a statement less. So the shorter list is the shortest whose tickets
   * fill every relation (which one that is depends on the demo data), and the whole
   * queue, at least twice as long, must cost exactly what it does.
   */
  it('the agent queue: the whole queue costs each subgraph what a shorter filled one does', async () => {
    const all = await statements('agentQueue', { first: 500 });
    const filled = (tickets: QueueTicket[]) =>
      tickets.some((t) => t.account) &&
      tickets.some((t) => (t.billing?.subscriptions.nodes.length ?? 0) > 0) &&
      tickets.some((t) => (t.billing?.invoices.totalCount ?? 0) > 0);
    expect(filled(all.tickets)).toBe(true);
    let shorter: Awaited<ReturnType<typeof statements>> | undefined;
    for (let first = 2; first * 2 <= all.tickets.length && !shorter; first += 2) {
      const candidate = await statements('agentQueue', { first });
      if (filled(candidate.tickets)) shorter = candidate;
    }
    expect(shorter).toBeDefined();
    expect(all.tickets.length).toBeGreaterThanOrEqual(2 * (shorter?.tickets.length ?? 0));
    expect(all.counts).toEqual(shorter?.counts);
  });

  it("the account overview: all the big account's contacts cost each subgraph what a few do", async () => {
    const [{ account_id: accountId }] = await graph.dataSources.desk.query<
      { account_id: string }[]
    >(
      `SELECT account_id FROM desk.contact_account
       GROUP BY account_id ORDER BY count(*) DESC, account_id LIMIT 1`,
    );
    const all = await statements('accountOverview', { accountId, first: 500 });
    const filled = (contacts: AccountContact[]) =>
      contacts.some((c) => (c.contact.inventory?.salesOrders.totalCount ?? 0) > 0) &&
      contacts.some((c) => (c.contact.inventory?.invoices.totalCount ?? 0) > 0) &&
      contacts.some((c) => c.contact.billing !== null);
    expect(filled(all.contacts)).toBe(true);
    let shorter: Awaited<ReturnType<typeof statements>> | undefined;
    for (let first = 1; first * 2 <= all.contacts.length && !shorter; first += 1) {
      const candidate = await statements('accountOverview', { accountId, first });
      if (filled(candidate.contacts)) shorter = candidate;
    }
    expect(shorter).toBeDefined();
    expect(all.contacts.length).toBeGreaterThanOrEqual(2 * (shorter?.contacts.length ?? 0));
    expect(all.counts).toEqual(shorter?.counts);
    expect(all.counts.inventory).toBeGreaterThan(0);
    expect(all.counts.billing).toBeGreaterThan(0);
  });
});

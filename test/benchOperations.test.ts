import fs from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, validate } from 'graphql';
import { config } from '../shared/config';
import { statementCount } from '../shared/database/dataSource';
import { SUPERGRAPH_FILE } from '../gateway/server';
import {
  OPERATION_FILES,
  OPERATION_NAMES,
  operationDocument,
  OperationName,
} from '../scripts/bench/operations';
import { deskModule } from '../subgraphs/desk/module';
import { Graph, startGraph } from './harness';
import { expectNoErrors } from './expectations';

const root = config().projectRoot;

describe('the benchmark operations (operations/bench)', () => {
  const apiSchema = Supergraph.build(fs.readFileSync(path.join(root, SUPERGRAPH_FILE), 'utf8'))
    .apiSchema()
    .toGraphQLJSSchema();

  it('are every file of the folder, and each is valid against the supergraph', () => {
    const files = fs.readdirSync(path.join(root, 'operations/bench')).sort();
    expect(files).toEqual(Object.values(OPERATION_FILES).sort());
    for (const name of OPERATION_NAMES) {
      const errors = validate(apiSchema, parse(operationDocument(root, name)));
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
  beforeAll(async () => {
    graph = await startGraph({
      configure: (settings) => ({
        ...settings,
        pagination: { ...settings.pagination, maxPageSize: 500 },
      }),
    });
  });
  afterAll(() => graph.stop());

  /** Statements each subgraph sent for one run of the operation, and the length of its list. */
  async function statements(name: OperationName, variables: Record<string, unknown>) {
    const before = Object.entries(graph.dataSources).map(
      ([subgraph, db]) => [subgraph, statementCount(db)] as const,
    );
    const res = await graph.query<{
      tickets?: { nodes: unknown[] };
      account?: { contacts: { nodes: unknown[] } };
    }>('agent', operationDocument(root, name), variables);
    expectNoErrors(res);
    const counts = Object.fromEntries(
      before.map(([subgraph, count]) => [
        subgraph,
        statementCount(graph.dataSources[subgraph]) - count,
      ]),
    );
    const list = res.data?.tickets?.nodes ?? res.data?.account?.contacts.nodes ?? [];
    return { counts, length: list.length };
  }

  // Ten tickets already take in an overdue invoice, so the shorter list fills every relation the
  // longer one does (with five, billing skips loading invoices: one statement fewer). The test
  // data has fewer than 100 open tickets; the benchmark compares 50 with 500.
  it('the agent queue: the whole queue costs each subgraph what 10 tickets do', async () => {
    const ten = await statements('agentQueue', { first: 10 });
    const all = await statements('agentQueue', { first: 100 });
    expect(ten.length).toBe(10);
    expect(all.length).toBeGreaterThanOrEqual(25);
    expect(all.counts).toEqual(ten.counts);
    expect(ten.counts.billing).toBeGreaterThan(0);
  });

  it("the account overview: ten contacts' panels cost each subgraph what one contact's do", async () => {
    const [{ account_id: accountId }] = await graph.dataSources.desk.query<
      { account_id: string }[]
    >(
      `SELECT account_id FROM desk.contact_account
       GROUP BY account_id ORDER BY count(*) DESC, account_id LIMIT 1`,
    );
    const one = await statements('accountOverview', { accountId, first: 1 });
    const ten = await statements('accountOverview', { accountId, first: 10 });
    expect([one.length, ten.length]).toEqual([1, 10]);
    expect(ten.counts).toEqual(one.counts);
    expect(one.counts.inventory).toBeGreaterThan(0);
    expect(one.counts.billing).toBeGreaterThan(0);
  });
});

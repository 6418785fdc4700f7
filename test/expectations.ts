import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { DemoAgent, Graph, GraphQLResponse } from './harness';

export type Path = (string | number)[];

export function errorCodes(res: GraphQLResponse<unknown>): unknown[] {
  return (res.errors ?? []).map((error) => error.extensions?.code);
}

/** Exactly one error, with this code and (when given) at this path. */
export function expectError(res: GraphQLResponse<unknown>, code: string, path?: Path): void {
  expect(errorCodes(res)).toEqual([code]);
  if (path) expect(res.errors?.[0].path).toEqual(path);
}

export function expectNoErrors(res: GraphQLResponse<unknown>): void {
  expect(res.errors ?? []).toEqual([]);
  expect(res.status).toBe(200);
}

/** A unique name, so that reruns and other test files never collide with what one writes. */
export const unique = (label: string): string => `${label} ${randomUUID().slice(0, 8)}`;

/** SQL against a subgraph's data source, for checking what a request wrote. */
export function sqlOn(dataSource: () => DataSource) {
  const sql = <Row>(text: string, params: unknown[] = []): Promise<Row[]> =>
    dataSource().query(text, params);
  const count = async (text: string, params: unknown[] = []): Promise<number> => {
    const [row] = await sql<{ n: string }>(`SELECT count(*) AS n FROM (${text}) rows`, params);
    return Number(row.n);
  };
  return { sql, count };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `probe` every 100 ms until it yields something, and returns it; fails after timeoutMs. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** The id of the deal stage with this name, from a `dealStages` answer. */
export function stageNamed(stages: readonly { id: string; name: string }[], name: string): string {
  const stage = stages.find((s) => s.name === name);
  if (!stage) throw new Error(`no deal stage named ${name}`);
  return stage.id;
}

/** Runs a mutation through the gateway that must succeed and returns its single root field. */
export async function mutateOk<T>(
  graph: Graph,
  as: DemoAgent,
  mutation: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const res = await graph.query<Record<string, T>>(as, mutation, variables);
  expectNoErrors(res);
  return Object.values(res.data ?? {})[0];
}

/**
 * A new desk account with `size` new contacts whose primary account it is, created as the
 * administrator through desk's API; batching suites build their panels' customers on them.
 */
export async function accountWithContacts(
  graph: Graph,
  options: { name: string; size: number; lastName: string; emailOf: (index: number) => string },
): Promise<{ accountId: string; contactIds: string[] }> {
  const { id: accountId } = await mutateOk<{ id: string }>(
    graph,
    'admin',
    'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }',
    { input: { name: options.name } },
  );
  const contactIds: string[] = [];
  for (let i = 0; i < options.size; i += 1) {
    const { id } = await mutateOk<{ id: string }>(
      graph,
      'admin',
      'mutation($input: CreateContactInput!) { createContact(input: $input) { id } }',
      {
        input: {
          firstName: 'Batch',
          lastName: `${options.lastName} ${i}`,
          email: options.emailOf(i),
          primaryAccountId: accountId,
        },
      },
    );
    contactIds.push(id);
  }
  return { accountId, contactIds };
}

/**
 * The SQL statements `subgraph` runs while the administrator asks `query` about one account,
 * after `check` has looked at the answer: what the batching suites compare across list lengths.
 */
export function statementsForAccount<T>(
  graph: Graph,
  subgraph: string,
  query: string,
  accountId: string,
  check: (data: T) => void,
): Promise<number> {
  return graph.countStatements(subgraph, async () => {
    const res = await graph.query<T>('admin', query, { id: accountId });
    expectNoErrors(res);
    check(res.data as T);
  });
}

import type { Config } from '../shared/config';
import type { RunningService } from '../shared/subgraph';
import { Graph, GraphQLResponse, postGraphQL, startGraph } from './harness';

/** Small enough to trip with short queries; every operation of this suite stays under the others. */
const LIMITS = {
  maxDepth: 4,
  maxAliases: 2,
  maxTokens: 40,
  maxCost: 50,
  maxListArgumentLength: 3,
};

const withLimits =
  (edge: Partial<Config['edge']>) =>
  (config: Config): Config => ({ ...config, edge: { ...config.edge, ...LIMITS, ...edge } });

const NO_TICKET = '00000000-0000-4000-8000-000000000000';
const UPDATE_PRODUCTS = `mutation ($ids: [ID!]) {
  updateTicket(id: "${NO_TICKET}", input: { productIds: $ids }) { id }
}`;

/** `{ viewer { id __typename … } }` with this many tokens (and a cost of four less). */
const queryOfTokens = (tokens: number) =>
  `{ viewer { id ${Array.from({ length: tokens - 6 }, () => '__typename').join(' ')} } }`;

function expectRefused(res: GraphQLResponse, code: string): void {
  expect(res.status).toBe(400);
  expect(res.data).toBeUndefined();
  expect(res.errors).toHaveLength(1);
  expect(res.errors?.[0].extensions).toMatchObject({ code, requestId: expect.any(String) });
}

function expectPassed(res: GraphQLResponse): void {
  expect(res.status).toBe(200);
  expect(res.errors).toBeUndefined();
}

describe('limits on what one operation may ask, through the gateway', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph({ configure: withLimits({ exposeLimits: true }) });
  });
  afterAll(() => graph.stop());

  describe('depth', () => {
    it('lets an operation as deep as the limit through', async () => {
      expectPassed(
        await graph.query('light', '{ tickets(first: 1) { nodes { contact { id } } } }'),
      );
    });

    it('refuses one field deeper, saying by how much outside production', async () => {
      const res = await graph.query(
        'light',
        '{ tickets(first: 1) { nodes { contact { primaryAccount { id } } } } }',
      );
      expectRefused(res, 'QUERY_TOO_DEEP');
      expect(res.errors?.[0].message).toBe(
        'The query is nested too deeply: depth 5 exceeds the limit of 4',
      );
    });

    it('counts the fields of a fragment where it is spread', async () => {
      const res = await graph.query(
        'light',
        `{ tickets(first: 1) { ...Deep } }
         fragment Deep on TicketConnection { nodes { contact { primaryAccount { id } } } }`,
      );
      expectRefused(res, 'QUERY_TOO_DEEP');
    });
  });

  describe('aliases', () => {
    it('lets as many aliases as the limit through and refuses one more', async () => {
      expectPassed(await graph.query('light', '{ a: viewer { id } b: viewer { id } }'));
      const res = await graph.query(
        'light',
        '{ a: viewer { id } b: viewer { id } c: viewer { id } }',
      );
      expectRefused(res, 'TOO_MANY_ALIASES');
      expect(res.errors?.[0].message).toContain('3 aliases exceed the limit of 2');
    });
  });

  describe('cost', () => {
    // 1 + first × (nodes + id + subject): 49 for a page of 16, 52 for 17.
    const PAGE = 'query ($first: Int) { tickets(first: $first) { nodes { id subject } } }';

    it('lets an operation that costs just under the limit through', async () => {
      expectPassed(await graph.query('light', '{ tickets(first: 16) { nodes { id subject } } }'));
      expectPassed(await graph.query('light', PAGE, { first: 16 }));
    });

    it('refuses a larger page, written in the query or sent as a variable', async () => {
      const literal = await graph.query('light', '{ tickets(first: 17) { nodes { id subject } } }');
      expectRefused(literal, 'QUERY_TOO_COMPLEX');
      expect(literal.errors?.[0].message).toContain('cost 52 exceeds the limit of 50');
      expectRefused(await graph.query('light', PAGE, { first: 17 }), 'QUERY_TOO_COMPLEX');
    });
  });

  describe('list arguments', () => {
    it('lets a list as long as the limit reach the subgraph', async () => {
      const res = await graph.query('light', UPDATE_PRODUCTS, { ids: ['a', 'b', 'c'] });
      expect(res.errors?.[0].extensions?.code).not.toBe('LIST_ARGUMENT_TOO_LONG');
    });

    it('refuses a longer list written in the query', async () => {
      const res = await graph.query(
        'light',
        `mutation { updateTicket(id: "${NO_TICKET}", input: { productIds: ["a", "b", "c", "d"] }) { id } }`,
      );
      expectRefused(res, 'LIST_ARGUMENT_TOO_LONG');
      expect(res.errors?.[0].message).toContain('a list of 4 items exceeds the limit of 3');
    });

    it('refuses a longer list sent as a variable, also inside an input object', async () => {
      const direct = await graph.query('light', UPDATE_PRODUCTS, { ids: ['a', 'b', 'c', 'd'] });
      expectRefused(direct, 'LIST_ARGUMENT_TOO_LONG');
      expect(direct.errors?.[0].message).toContain('$ids holds 4 items, over the limit of 3');
      const nested = await graph.query(
        'light',
        'mutation ($input: UpdateTicketInput!) { updateTicket(id: "x", input: $input) { id } }',
        { input: { productIds: ['a', 'b', 'c', 'd'] } },
      );
      expectRefused(nested, 'LIST_ARGUMENT_TOO_LONG');
      expect(nested.errors?.[0].message).toContain('$input.productIds holds 4 items');
    });
  });

  describe('tokens', () => {
    it('parses a document of as many tokens as the limit and refuses a longer one', async () => {
      expectPassed(await graph.query('light', queryOfTokens(40)));
      const res = await graph.query('light', queryOfTokens(41));
      expectRefused(res, 'QUERY_TOO_LARGE');
      expect(res.errors?.[0].message).toBe(
        'The query document is too large: it has more than 40 tokens',
      );
    });
  });

  describe('where limits are not exposed (production)', () => {
    let hidden: RunningService;
    beforeAll(async () => {
      hidden = await graph.startGateway({ configure: withLimits({ exposeLimits: false }) });
    });

    const refusal = async (query: string, variables?: Record<string, unknown>) => {
      const res = await postGraphQL(
        hidden.url,
        { authorization: `Bearer ${graph.tokens.light}` },
        { query, variables },
      );
      expect(res.status).toBe(400);
      const [error] = res.errors ?? [];
      // Neither the limit nor the measured value.
      expect(error.message).not.toMatch(/\d/);
      expect(JSON.stringify(error.extensions)).not.toMatch(/\d+ tokens|limit of/);
      return error;
    };

    it('refuses each limit with its code and a message without numbers', async () => {
      expect(
        await refusal('{ tickets(first: 1) { nodes { contact { primaryAccount { id } } } } }'),
      ).toMatchObject({
        message: 'The query is nested too deeply',
        extensions: { code: 'QUERY_TOO_DEEP' },
      });
      expect(
        (await refusal('{ a: viewer { id } b: viewer { id } c: viewer { id } }')).extensions?.code,
      ).toBe('TOO_MANY_ALIASES');
      expect(
        (await refusal('{ tickets(first: 17) { nodes { id subject } } }')).extensions?.code,
      ).toBe('QUERY_TOO_COMPLEX');
      expect((await refusal(UPDATE_PRODUCTS, { ids: ['a', 'b', 'c', 'd'] })).extensions?.code).toBe(
        'LIST_ARGUMENT_TOO_LONG',
      );
      const tooLarge = await refusal(queryOfTokens(41));
      expect(tooLarge).toMatchObject({
        message: 'The query document is too large',
        extensions: { code: 'QUERY_TOO_LARGE' },
      });
      // Where graphql-js stopped parsing would tell the limit too.
      expect(tooLarge).not.toHaveProperty('locations');
    });
  });
});

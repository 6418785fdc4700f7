import { Writable } from 'node:stream';
import pino from 'pino';
import { type Config, loadConfig } from '../shared/config';
import type { RunningService } from '../shared/subgraph';
import { freePort, Graph, GraphQLResponse, postGraphQL, startGraph } from './harness';

const STRONG = 'a-production-secret-that-is-long-enough-0123456789';
const PRODUCTION = {
  NODE_ENV: 'production',
  AGENT_JWT_SECRET: STRONG,
  SUBGRAPH_SIGNING_SECRET: STRONG,
};

const editing =
  (change: (config: Config) => Partial<Config>) =>
  (config: Config): Config => ({ ...config, ...change(config) });

/** A POST whose response keeps its headers, for what the harness's query does not show. */
async function post(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ response: Response; json: GraphQLResponse }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const json = (await response.json()) as GraphQLResponse;
  return { response, json: { ...json, status: response.status } };
}

/** Every error carries a code and the id the response header names. */
function expectIdentified(response: Response, json: GraphQLResponse, code: string): void {
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toMatch(/^[\w.-]{1,64}$/);
  expect(json.errors?.length).toBeGreaterThan(0);
  for (const error of json.errors ?? []) {
    expect(error.extensions).toMatchObject({ code, requestId });
  }
}

describe('the public edge of the gateway', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  const bearer = () => ({ authorization: `Bearer ${graph.tokens.light}` });
  const viewer = JSON.stringify({ query: '{ viewer { id } }' });

  describe('HTTP batching', () => {
    const batch = JSON.stringify([{ query: '{ viewer { id } }' }, { query: '{ __typename }' }]);

    it('is refused by default, with a code and the request id', async () => {
      const { response, json } = await post(graph.gatewayUrl, batch, bearer());
      expect(response.status).toBe(400);
      expectIdentified(response, json, 'BAD_REQUEST');
      expect(json.errors?.[0].message).toMatch(/batching disabled/i);
    });

    it('answers each operation when configured', async () => {
      const batching = await graph.startGateway({
        configure: editing((c) => ({ edge: { ...c.edge, batching: true } })),
      });
      const response = await fetch(batching.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer() },
        body: batch,
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual([
        { data: { viewer: { id: graph.agentIds.light } } },
        { data: { __typename: 'Query' } },
      ]);
    });
  });

  describe('CSRF prevention', () => {
    const getViewer = () => `${graph.gatewayUrl}?query=${encodeURIComponent('{ viewer { id } }')}`;

    it('refuses a GET a browser could send without a preflight', async () => {
      const response = await fetch(getViewer(), { headers: bearer() });
      const json = (await response.json()) as GraphQLResponse;
      expect(response.status).toBe(400);
      expectIdentified(response, json, 'BAD_REQUEST');
      expect(json.errors?.[0].message).toMatch(/Cross-Site Request Forgery/);
    });

    it('answers a GET that carries apollo-require-preflight', async () => {
      const response = await fetch(getViewer(), {
        headers: { ...bearer(), 'apollo-require-preflight': 'true' },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { viewer: { id: graph.agentIds.light } } });
    });
  });

  describe('CORS', () => {
    const preflight = (url: string, origin: string) =>
      fetch(url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization,apollo-require-preflight',
        },
      });

    it('lets any origin call in development and test', async () => {
      const response = await preflight(graph.gatewayUrl, 'http://localhost:3000');
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
    });

    describe('with configured origins', () => {
      let gateway: RunningService;
      beforeAll(async () => {
        gateway = await graph.startGateway({
          configure: editing((c) => ({
            edge: { ...c.edge, corsOrigins: ['https://app.example.com'] },
          })),
        });
      });

      it('answers the preflight of an allowed origin with the headers it may send', async () => {
        const response = await preflight(gateway.url, 'https://app.example.com');
        expect(response.status).toBe(204);
        expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
        const allowed = response.headers.get('access-control-allow-headers') ?? '';
        for (const header of [
          'content-type',
          'authorization',
          'x-api-key',
          'apollo-require-preflight',
          'x-request-id',
        ]) {
          expect(allowed.split(',')).toContain(header);
        }
        expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      });

      it('gives another origin no CORS headers, so its browser blocks the call', async () => {
        const response = await preflight(gateway.url, 'https://evil.example.com');
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
        const { response: answer } = await post(gateway.url, viewer, {
          ...bearer(),
          origin: 'https://evil.example.com',
        });
        expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      });
    });

    it('allows no origin in production unless configured', () => {
      expect(loadConfig(PRODUCTION).edge.corsOrigins).toEqual([]);
      expect(
        loadConfig({ ...PRODUCTION, CORS_ORIGINS: 'https://a.example, https://b.example' }).edge
          .corsOrigins,
      ).toEqual(['https://a.example', 'https://b.example']);
      expect(loadConfig({ CORS_ORIGINS: '*' }).edge.corsOrigins).toBe('*');
      expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example/path' })).toThrow(/CORS_ORIGINS/);
    });
  });

  describe('security headers', () => {
    const expectSecurityHeaders = (response: Response) => {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(response.headers.get('x-powered-by')).toBeNull();
    };

    it('are on the landing page, whose policy still lets Sandbox load', async () => {
      const response = await fetch(graph.gatewayUrl, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('https://embeddable-sandbox.cdn.apollographql.com/');
      expectSecurityHeaders(response);
      const policy = response.headers.get('content-security-policy') ?? '';
      const directive = (name: string) =>
        policy
          .split(';')
          .find((d) => d.startsWith(`${name} `))
          ?.split(' ')
          .slice(1) ?? [];
      expect(directive('script-src')).toContain('https://embeddable-sandbox.cdn.apollographql.com');
      expect(directive('frame-src')).toContain('https://sandbox.embed.apollographql.com');
      expect(policy).not.toContain('upgrade-insecure-requests');
    });

    it('are on GraphQL answers and on errors before GraphQL', async () => {
      expectSecurityHeaders((await post(graph.gatewayUrl, viewer, bearer())).response);
      expectSecurityHeaders((await post(graph.gatewayUrl, '{ not json', bearer())).response);
    });
  });

  describe('request ids', () => {
    it('keeps a safe id the client sends and replaces an unsafe one', async () => {
      const kept = await post(graph.gatewayUrl, '{ "query": "{ nope }" }', {
        ...bearer(),
        'x-request-id': 'client-42.a_b',
      });
      expect(kept.response.headers.get('x-request-id')).toBe('client-42.a_b');
      expect(kept.json.errors?.[0].extensions?.requestId).toBe('client-42.a_b');

      const replaced = await post(graph.gatewayUrl, viewer, {
        ...bearer(),
        'x-request-id': 'has spaces <and> "quotes"',
      });
      expect(replaced.response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('gives every request its own id', async () => {
      const [a, b] = await Promise.all([
        post(graph.gatewayUrl, viewer, bearer()),
        post(graph.gatewayUrl, viewer, bearer()),
      ]);
      expect(a.response.headers.get('x-request-id')).not.toBe(
        b.response.headers.get('x-request-id'),
      );
    });
  });

  describe('every kind of error carries a code and the request id', () => {
    it('a validation error', async () => {
      const { response, json } = await post(graph.gatewayUrl, '{ "query": "{ nope }" }', bearer());
      expect(response.status).toBe(400);
      expectIdentified(response, json, 'GRAPHQL_VALIDATION_FAILED');
    });

    it('a missing or invalid Authorization header, still 401', async () => {
      const missing = await post(graph.gatewayUrl, viewer);
      expect(missing.response.status).toBe(401);
      expectIdentified(missing.response, missing.json, 'UNAUTHENTICATED');
      const invalid = await post(graph.gatewayUrl, viewer, { authorization: 'Bearer not-a-jwt' });
      expect(invalid.response.status).toBe(401);
      expectIdentified(invalid.response, invalid.json, 'UNAUTHENTICATED');
    });

    it('a body that is not JSON', async () => {
      const { response, json } = await post(graph.gatewayUrl, '{ not json', bearer());
      expect(response.status).toBe(400);
      expectIdentified(response, json, 'BAD_REQUEST');
    });

    it('a body over the size limit, with 413', async () => {
      const small = await graph.startGateway({
        configure: editing(() => ({ requestBodyLimitBytes: 1024 })),
      });
      const body = JSON.stringify({
        query: '{ viewer { id } }',
        variables: { pad: 'x'.repeat(2048) },
      });
      const { response, json } = await post(small.url, body, bearer());
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      expectIdentified(response, json, 'PAYLOAD_TOO_LARGE');
    });

    describe('a subgraph that cannot answer', () => {
      const lines: Record<string, unknown>[] = [];
      let broken: RunningService;
      beforeAll(async () => {
        const nowhere = `http://localhost:${await freePort()}/graphql`;
        const capture = new Writable({
          write(chunk, _encoding, done) {
            lines.push(JSON.parse(String(chunk)));
            done();
          },
        });
        broken = await graph.startGateway({
          subgraphUrls: { desk: nowhere },
          log: pino({ level: 'info' }, capture),
        });
      });

      it('names the service, and the log line about it names the request', async () => {
        const { response, json } = await post(broken.url, viewer, bearer());
        expectIdentified(response, json, 'SUBGRAPH_UNAVAILABLE');
        const requestId = response.headers.get('x-request-id');
        const logged = lines.filter((line) => line.requestId === requestId);
        expect(logged).toEqual([
          expect.objectContaining({ serviceName: 'desk', msg: 'subgraph failed' }),
        ]);
        expect(JSON.stringify(lines)).not.toContain(graph.tokens.light);
      });
    });
  });

  describe('introspection, suggestions and the landing page', () => {
    const typo = JSON.stringify({ query: '{ tickes { nodes { id } } }' });

    it('are on by default in development and test', async () => {
      const introspection = await graph.query('light', '{ __schema { queryType { name } } }');
      expect(introspection.errors).toBeUndefined();
      const { json } = await post(graph.gatewayUrl, typo, bearer());
      expect(json.errors?.[0].message).toMatch(/Did you mean .*"tickets"/);
    });

    it('are off by default in production and can be set either way', () => {
      const production = loadConfig(PRODUCTION);
      expect(production.gateway).toMatchObject({ introspection: false, landingPage: false });
      expect(production.edge).toMatchObject({ fieldSuggestions: false, exposeLimits: false });
      expect(
        loadConfig({
          ...PRODUCTION,
          GRAPHQL_INTROSPECTION: 'true',
          GRAPHQL_LANDING_PAGE: 'true',
          GRAPHQL_FIELD_SUGGESTIONS: 'true',
          GRAPHQL_EXPOSE_LIMITS: 'true',
        }),
      ).toMatchObject({
        gateway: { introspection: true, landingPage: true },
        edge: { fieldSuggestions: true, exposeLimits: true },
      });
      expect(
        loadConfig({
          NODE_ENV: 'development',
          GRAPHQL_INTROSPECTION: 'false',
          GRAPHQL_LANDING_PAGE: 'false',
          GRAPHQL_FIELD_SUGGESTIONS: 'false',
        }),
      ).toMatchObject({
        gateway: { introspection: false, landingPage: false },
        edge: { fieldSuggestions: false },
      });
    });

    describe('when turned off', () => {
      let closed: RunningService;
      beforeAll(async () => {
        closed = await graph.startGateway({
          configure: editing((c) => ({
            gateway: { ...c.gateway, introspection: false, landingPage: false },
            edge: { ...c.edge, fieldSuggestions: false },
          })),
        });
      });

      it('refuses introspection', async () => {
        const res = await postGraphQL(closed.url, bearer(), {
          query: '{ __schema { queryType { name } } }',
        });
        expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(res.errors?.[0].message).toMatch(/introspection/i);
      });

      it('suggests no field names', async () => {
        const { json } = await post(closed.url, typo, bearer());
        expect(json.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(json.errors?.[0].message).not.toMatch(/did you mean/i);
      });

      it('shows no landing page', async () => {
        const response = await fetch(closed.url, { headers: { accept: 'text/html' } });
        expect(await response.text()).not.toContain('embeddable-sandbox');
      });
    });
  });
});

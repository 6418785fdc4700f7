import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from '../shared/config';
import { signAgentToken } from '../shared/identity';
import { logger } from '../shared/logger';
import type { RunningService } from '../shared/subgraph';
import { startGateway } from '../gateway/server';
import { Graph, postGraphQL, startGraph } from './harness';

const STRONG = 'a-production-secret-that-is-long-enough-0123456789';

describe('gateway', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  const base = () => graph.gatewayUrl.replace(/\/graphql$/, '');

  it('answers /health and /ready (which checks every subgraph)', async () => {
    const health = await fetch(`${base()}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${base()}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      subgraphs: { desk: 'ok', inventory: 'ok', billing: 'ok', books: 'ok', projects: 'ok' },
    });
  });

  it("lets probes reach a subgraph's /health and /ready without a signature", async () => {
    const desk = graph.subgraphUrls.desk.replace(/\/graphql$/, '');
    expect((await fetch(`${desk}/health`)).status).toBe(200);
    const ready = await fetch(`${desk}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', service: 'desk' });
  });

  it('shows Apollo Sandbox to a browser in development, without a token', async () => {
    const res = await fetch(graph.gatewayUrl, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('embeddable-sandbox');
  });

  it('answers introspection for an authenticated agent in development', async () => {
    const res = await graph.query<{ __schema: { queryType: { name: string } } }>(
      'light',
      '{ __schema { queryType { name } } __type(name: "Ticket") { fields { name } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.__schema.queryType.name).toBe('Query');
  });

  describe('a subgraph that does not answer in time', () => {
    let hanging: http.Server;
    let gateway: RunningService;
    beforeAll(async () => {
      // Accepts connections and never responds, like a stuck subgraph.
      hanging = http.createServer(() => undefined);
      await new Promise<void>((resolve) => hanging.listen(0, resolve));
      const port = (hanging.address() as AddressInfo).port;
      const config = loadConfig({ ...process.env, SUBGRAPH_TIMEOUT_MS: '300' });
      gateway = await startGateway({
        config,
        log: logger('test'),
        databaseUrl: graph.databaseUrl,
        subgraphUrls: {
          desk: `http://localhost:${port}/graphql`,
          inventory: `http://localhost:${port}/graphql`,
          billing: `http://localhost:${port}/graphql`,
          books: `http://localhost:${port}/graphql`,
          projects: `http://localhost:${port}/graphql`,
        },
        port: 0,
      });
    });
    afterAll(async () => {
      await gateway.stop();
      hanging.closeAllConnections();
      hanging.close();
    });

    it('is not ready while that subgraph does not answer its health check', async () => {
      const ready = await fetch(gateway.url.replace(/\/graphql$/, '/ready'));
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({
        status: 'degraded',
        subgraphs: {
          desk: 'unavailable',
          inventory: 'unavailable',
          billing: 'unavailable',
          books: 'unavailable',
          projects: 'unavailable',
        },
      });
    });

    it('gives the client an error naming the service instead of hanging', async () => {
      const res = await postGraphQL(
        gateway.url,
        { authorization: `Bearer ${graph.tokens.admin}` },
        { query: '{ tickets(first: 1) { nodes { id } } }' },
      );
      expect(res.status).toBe(200);
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'SUBGRAPH_UNAVAILABLE',
        serviceName: 'desk',
      });
      expect(res.errors?.[0].message).toContain('desk');
    });
  });

  describe('in production', () => {
    it('refuses to start with the development secrets', () => {
      expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
      expect(() =>
        loadConfig({
          NODE_ENV: 'production',
          AGENT_JWT_SECRET: STRONG,
          SUBGRAPH_SIGNING_SECRET: 'short',
        }),
      ).toThrow(/SUBGRAPH_SIGNING_SECRET/);
    });

    describe('with its own secrets', () => {
      let gateway: RunningService;
      beforeAll(async () => {
        const config = loadConfig({
          ...process.env,
          NODE_ENV: 'production',
          AGENT_JWT_SECRET: STRONG,
          SUBGRAPH_SIGNING_SECRET: STRONG,
        });
        gateway = await startGateway({
          config,
          log: logger('test'),
          databaseUrl: graph.databaseUrl,
          port: 0,
        });
      });
      afterAll(() => gateway.stop());

      const asAgent = async (query: string) => {
        const config = loadConfig({
          NODE_ENV: 'production',
          AGENT_JWT_SECRET: STRONG,
          SUBGRAPH_SIGNING_SECRET: STRONG,
        });
        const token = signAgentToken(
          { id: graph.agentIds.admin, email: 'admin@x.dev' },
          config.auth,
        );
        return postGraphQL(gateway.url, { authorization: `Bearer ${token}` }, { query });
      };

      it('has no landing page', async () => {
        const res = await fetch(gateway.url, { headers: { accept: 'text/html' } });
        expect(await res.text()).not.toContain('embeddable-sandbox');
      });

      it('refuses introspection', async () => {
        const res = await asAgent('{ __schema { queryType { name } } }');
        expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(res.errors?.[0].message).toMatch(/introspection/i);
      });

      it('does not suggest field names or send stack traces', async () => {
        const res = await asAgent('{ tickes { nodes { id } } }');
        expect(res.errors?.[0].message).not.toMatch(/did you mean/i);
        expect(JSON.stringify(res.errors)).not.toContain('stacktrace');
      });

      it('does not accept tokens signed with the development secret', async () => {
        const res = await postGraphQL(
          gateway.url,
          { authorization: `Bearer ${graph.tokens.admin}` },
          { query: '{ viewer { id } }' },
        );
        expect(res.status).toBe(401);
      });
    });
  });
});

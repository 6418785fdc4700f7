import jwt from 'jsonwebtoken';
import { config } from '../shared/config';
import { IDENTITY_HEADER, signAgentToken, signForwardedIdentity } from '../shared/identity';
import { Graph, postGraphQL, startGraph } from './harness';

describe('identity: the gateway authenticates, subgraphs trust only its signature', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph.stop());

  it('answers an agent with a valid token', async () => {
    const res = await graph.query('admin', '{ viewer { email profile { name isAdministrator } } }');
    expect(res.status).toBe(200);
    expect(res.data).toEqual({
      viewer: {
        email: 'admin@demo.customer-graph.dev',
        profile: { name: 'Administrator', isAdministrator: true },
      },
    });
  });

  it.each([
    ['no Authorization header', undefined],
    ['a malformed header', 'Token abc'],
    [
      'a token signed with another secret',
      `Bearer ${jwt.sign({ email: 'x@y.z' }, 'wrong', { subject: 'x' })}`,
    ],
    ['garbage', 'Bearer not-a-jwt'],
  ])('refuses %s with 401 UNAUTHENTICATED', async (_label, authorization) => {
    const res = await graph.query({ authorization }, '{ viewer { id } }');
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data ?? null).toBeNull();
  });

  it('refuses an expired token', async () => {
    const expired = signAgentToken(
      { id: graph.agentIds.admin, email: 'admin@demo.customer-graph.dev' },
      { ...config().auth, agentTokenTtl: '-1s' },
    );
    const res = await graph.query({ authorization: `Bearer ${expired}` }, '{ viewer { id } }');
    expect(res.status).toBe(401);
  });

  describe('calling the desk subgraph directly', () => {
    const operations = {
      query: '{ tickets(first: 1) { nodes { id } } }',
      _service: '{ _service { sdl } }',
      _entities:
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Ticket { subject } } }',
    };

    it.each(Object.entries(operations))(
      'without a signature, %s gets 401',
      async (_name, query) => {
        const res = await postGraphQL(
          graph.subgraphUrls.desk,
          {},
          {
            query,
            variables: { r: [{ __typename: 'Ticket', id: graph.agentIds.admin }] },
          },
        );
        expect(res.status).toBe(401);
        expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
        expect(res.data).toBeUndefined();
      },
    );

    it('with an agent JWT instead of the gateway signature gets 401', async () => {
      const res = await postGraphQL(
        graph.subgraphUrls.desk,
        { [IDENTITY_HEADER]: graph.tokens.admin, authorization: `Bearer ${graph.tokens.admin}` },
        { query: operations._service },
      );
      expect(res.status).toBe(401);
    });

    it('with an identity signed by the wrong secret gets 401', async () => {
      const forged = signForwardedIdentity(
        { kind: 'agent', agentId: graph.agentIds.admin, email: 'admin@demo.customer-graph.dev' },
        { ...config().auth, subgraphSecret: 'not-the-shared-secret' },
      );
      const res = await postGraphQL(
        graph.subgraphUrls.desk,
        { [IDENTITY_HEADER]: forged },
        { query: operations._service },
      );
      expect(res.status).toBe(401);
    });

    it('with the gateway signature answers', async () => {
      const signed = signForwardedIdentity(
        { kind: 'agent', agentId: graph.agentIds.admin, email: 'admin@demo.customer-graph.dev' },
        config().auth,
      );
      const res = await postGraphQL<{ _service: { sdl: string } }>(
        graph.subgraphUrls.desk,
        { [IDENTITY_HEADER]: signed },
        { query: operations._service },
      );
      expect(res.status).toBe(200);
      expect(res.data?._service.sdl).toContain('type Ticket');
    });
  });
});

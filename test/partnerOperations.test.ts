import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import {
  ApolloClient,
  ApolloLink,
  CombinedGraphQLErrors,
  gql,
  HttpLink,
  InMemoryCache,
} from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { generatePersistedQueryIdsFromManifest } from '@apollo/persisted-query-lists';
import pino from 'pino';
import { sha256 } from '../gateway/persistedQueryList';
import type { RunningService } from '../shared/subgraph';
import { errorCodes, expectNoErrors, sqlOn, unique, waitFor } from './expectations';
import { freePort, type Graph, type GraphQLResponse, postGraphQL, startGraph } from './harness';

/** USE-3: partners run registered operations only, by id; agents keep automatic persisted queries. */

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'operations/partners/persisted-query-manifest.json');
const OPERATIONS = path.join(ROOT, 'operations/partners');

interface Manifest {
  format: string;
  version: number;
  operations: { id: string; name: string; type: string; body: string }[];
}

const readManifest = (file = MANIFEST) => JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
const document = (file: string) => gql(fs.readFileSync(path.join(OPERATIONS, file), 'utf8'));

/** How every API key starts; what follows it is the secret. */
const KEY_MARK = 'cgp_';

/** Windows of this many seconds: the rate-limit test waits one out. */
const WINDOW_SECONDS = 2;

describe('partners through persisted operations (USE-3)', () => {
  let graph: Graph;
  let manifestFile: string;
  let profileId: string;
  const { sql } = sqlOn(() => graph.dataSources.desk);

  beforeAll(async () => {
    // The gateway watches a copy, so that a test can change the manifest it runs with.
    manifestFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-')), 'manifest.json');
    fs.copyFileSync(MANIFEST, manifestFile);
    graph = await startGraph({
      configure: (base) => ({
        ...base,
        partners: {
          ...base.partners,
          manifestFile,
          keyCacheSeconds: 0,
          rateLimitWindowSeconds: WINDOW_SECONDS,
        },
      }),
    });
    const viewer = await graph.query<{ viewer: { profile: { id: string } } }>(
      'agent',
      '{ viewer { profile { id } } }',
    );
    profileId = viewer.data?.viewer.profile.id as string;
  });
  afterAll(() => graph.stop());

  /** A new partner bound to the demo agent's (non-administrator) profile, and its API key. */
  async function createPartner(
    rateLimitPerMinute?: number,
    boundTo = profileId,
  ): Promise<{ id: string; key: string }> {
    const res = await graph.query<{ createPartner: { partner: { id: string }; apiKey: string } }>(
      'admin',
      `mutation ($input: CreatePartnerInput!) {
        createPartner(input: $input) { partner { id } apiKey }
      }`,
      { input: { name: unique('partner'), profileId: boundTo, rateLimitPerMinute } },
    );
    expectNoErrors(res);
    const created = res.data?.createPartner;
    if (!created) throw new Error('no partner created');
    return { id: created.partner.id, key: created.apiKey };
  }

  function apolloClient(apiKey: string, ids: 'runtime' | 'manifest', url = graph.gatewayUrl) {
    const persisted =
      ids === 'runtime'
        ? new PersistedQueryLink({ sha256 })
        : new PersistedQueryLink(
            generatePersistedQueryIdsFromManifest({ loadManifest: () => readManifest() }),
          );
    return new ApolloClient({
      link: ApolloLink.from([
        persisted,
        new HttpLink({ uri: url, headers: { 'x-api-key': apiKey } }),
      ]),
      cache: new InMemoryCache(),
    });
  }

  const asPartner = (key: string, body: Record<string, unknown>, url = graph.gatewayUrl) =>
    postGraphQL<Record<string, unknown>>(url, { 'x-api-key': key }, body);

  const byId = (name: string) => {
    const operation = readManifest().operations.find((o) => o.name === name);
    if (!operation) throw new Error(`${name} is not in the manifest`);
    return operation;
  };
  const persisted = (id: string) => ({ persistedQuery: { version: 1, sha256Hash: id } });

  it('runs a registered operation sent by Apollo Client with its persisted-query link', async () => {
    const { key } = await createPartner();
    for (const ids of ['runtime', 'manifest'] as const) {
      const client = apolloClient(key, ids);
      const { data } = await client.query({
        query: document('ContactSearch.graphql'),
        variables: { search: 'a', first: 3 },
      });
      const contacts = (data as { contacts: { totalCount: number; nodes: unknown[] } }).contacts;
      expect(contacts.totalCount).toBeGreaterThan(0);
      expect(contacts.nodes).toHaveLength(3);
    }
  });

  it('refuses the same client an operation that is not registered, and registers nothing', async () => {
    const { key } = await createPartner();
    const query = gql`
      query PartnerAgents {
        agents(first: 5) {
          nodes {
            id
            email
          }
        }
      }
    `;
    const error: unknown = await apolloClient(key, 'runtime')
      .query({ query })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(CombinedGraphQLErrors.is(error)).toBe(true);
    const { errors } = error as CombinedGraphQLErrors;
    expect(errors.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
    expect(await sql(`SELECT 1 FROM gateway.apq_cache WHERE value LIKE '%PartnerAgents%'`)).toEqual(
      [],
    );
  });

  it('refuses free-form text, unknown ids and text that does not match its id', async () => {
    const { key } = await createPartner();
    const search = byId('PartnerContactSearch');
    const text = '{ agents(first: 1) { nodes { email } } }';

    const free = await asPartner(key, { query: text });
    expect(free.status).toBe(400);
    expect(errorCodes(free)).toEqual(['PERSISTED_QUERY_ID_REQUIRED']);

    const unknown = await asPartner(key, { extensions: persisted(sha256(text)), query: text });
    expect(unknown.status).toBe(400);
    expect(errorCodes(unknown)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);

    const mismatch = await asPartner(key, {
      query: text,
      variables: { search: 'a' },
      extensions: persisted(search.id),
    });
    expect(mismatch.status).toBe(400);
    expect(errorCodes(mismatch)).toEqual(['PERSISTED_QUERY_HASH_MISMATCH']);

    // The partner's text was not registered: an agent sending only its hash is not served it.
    const agentApq = await postGraphQL(
      graph.gatewayUrl,
      { authorization: `Bearer ${graph.tokens.agent}` },
      { extensions: persisted(sha256(text)) },
    );
    expect(errorCodes(agentApq)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);

    // The id alone, and the id with its exact text, both run the registered operation.
    for (const body of [
      { extensions: persisted(search.id), variables: { search: 'a' } },
      { extensions: persisted(search.id), variables: { search: 'a' }, query: search.body },
    ]) {
      const ok = await asPartner(key, body);
      expectNoErrors(ok);
      expect(ok.data?.contacts).toBeDefined();
    }
  });

  it('sees what its profile lets it see, through the registered operations', async () => {
    const summary = byId('PartnerCustomerSummary');
    const [contact] = await sql<{ id: string }>(
      `SELECT c.id FROM desk.contact c WHERE EXISTS
         (SELECT 1 FROM desk.ticket t WHERE t.contact_id = c.id) ORDER BY c.id LIMIT 1`,
    );
    const body = { extensions: persisted(summary.id), variables: { contactId: contact.id } };
    type Summary = { contact: { id: string; tickets: { totalCount: number }; billing: unknown } };

    // The demo agent's profile sees the contact, its tickets and its billing panel.
    const agentLike = await asPartner((await createPartner()).key, body);
    expectNoErrors(agentLike);
    const seen = agentLike.data as unknown as Summary;
    expect(seen.contact.id).toBe(contact.id);
    expect(seen.contact.tickets.totalCount).toBeGreaterThan(0);

    // The light agent's profile sees tickets and contacts, and billing not at all.
    const light = await graph.query<{ viewer: { profile: { id: string } } }>(
      'light',
      '{ viewer { profile { id } } }',
    );
    const lightKey = (await createPartner(undefined, light.data?.viewer.profile.id)).key;
    const limited = await asPartner(lightKey, body);
    expect((limited.data as unknown as Summary).contact.id).toBe(contact.id);
    expect(limited.errors?.map((e) => [e.extensions?.code, e.path])).toEqual([
      ['FORBIDDEN', ['contact', 'billing']],
    ]);
  });

  it('refuses a revoked key and an unknown one', async () => {
    const partner = await createPartner();
    const search = byId('PartnerContactSearch');
    const body = { extensions: persisted(search.id), variables: { search: 'a' } };
    expectNoErrors(await asPartner(partner.key, body));

    const revoked = await graph.query(
      'admin',
      'mutation ($id: ID!) { revokePartner(id: $id) { id } }',
      {
        id: partner.id,
      },
    );
    expectNoErrors(revoked);
    const after = await asPartner(partner.key, body);
    expect(after.status).toBe(401);
    expect(errorCodes(after)).toEqual(['UNAUTHENTICATED']);

    const made = await asPartner(`${partner.key}x`, body);
    expect(made.status).toBe(401);
    expect(errorCodes(made)).toEqual(['UNAUTHENTICATED']);

    const both = await postGraphQL(
      graph.gatewayUrl,
      { 'x-api-key': partner.key, authorization: `Bearer ${graph.tokens.agent}` },
      body,
    );
    expect(both.status).toBe(400);
  });

  describe('with a second gateway replica on the same database', () => {
    let replica: RunningService;
    beforeAll(async () => {
      // With this suite's settings: the same manifest, key cache and rate-limit windows.
      replica = await graph.startGateway({});
    });

    it('counts a partner over its rate limit on every replica, answers 429 with Retry-After, then lets it in again', async () => {
      // 90 a minute, counted in windows of 2 s: 3 requests a window.
      const { key } = await createPartner(90);
      const search = byId('PartnerContactSearch');
      const body = { extensions: persisted(search.id), variables: { search: 'a', first: 1 } };
      const send = (url: string) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': key },
          body: JSON.stringify(body),
        });
      // Start just after a window begins, so that the three allowed requests fall in one window.
      await new Promise((resolve) =>
        setTimeout(resolve, WINDOW_SECONDS * 1000 - (Date.now() % (WINDOW_SECONDS * 1000)) + 50),
      );
      const statuses = [];
      for (const url of [graph.gatewayUrl, replica.url, graph.gatewayUrl]) {
        statuses.push((await send(url as string)).status);
      }
      expect(statuses).toEqual([200, 200, 200]);
      const refused = await send(replica.url as string);
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
      const refusal = (await refused.json()) as GraphQLResponse;
      expect(errorCodes(refusal)).toEqual(['RATE_LIMITED']);

      await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 100));
      expect((await send(graph.gatewayUrl)).status).toBe(200);
    });

    it("keeps agents' automatic persisted queries in one cache for every replica", async () => {
      const query = `query AgentApq${Date.now()} { viewer { email } }`;
      const hash = persisted(sha256(query));
      const agent = { authorization: `Bearer ${graph.tokens.agent}` };
      const first = await postGraphQL(graph.gatewayUrl, agent, { extensions: hash });
      expect(errorCodes(first)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      expectNoErrors(await postGraphQL(graph.gatewayUrl, agent, { query, extensions: hash }));
      // Registered through the first replica, found by the second with the hash alone.
      const other = await postGraphQL<{ viewer: { email: string } }>(replica.url as string, agent, {
        extensions: hash,
      });
      expectNoErrors(other);
      expect(other.data?.viewer.email).toBeTruthy();
    });
  });

  it('never writes an API key to the log, whether the request passes or is refused', async () => {
    const lines: string[] = [];
    const capture = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    // The most verbose level, and desk unreachable for one request, so that errors are logged too.
    const logged = await graph.startGateway({ log: pino({ level: 'trace' }, capture) });
    const lookupFails = await graph.startGateway({
      subgraphUrls: { desk: `http://localhost:${await freePort()}/graphql` },
      log: pino({ level: 'trace' }, capture),
    });
    const { id, key } = await createPartner();
    const search = byId('PartnerContactSearch');
    const registered = { extensions: persisted(search.id), variables: { search: 'a' } };
    expectNoErrors(await asPartner(key, registered, logged.url));
    expect((await asPartner(key, { query: '{ viewer { email } }' }, logged.url)).status).toBe(400);
    expect((await asPartner(`${key}x`, registered, logged.url)).status).toBe(401);
    const unreachable = await asPartner(key, registered, lookupFails.url);
    expect(unreachable.status).toBeGreaterThanOrEqual(500);
    const rotated = await postGraphQL<{ rotatePartnerKey: { apiKey: string } }>(
      logged.url as string,
      { authorization: `Bearer ${graph.tokens.admin}` },
      { query: 'mutation ($id: ID!) { rotatePartnerKey(id: $id) { apiKey } }', variables: { id } },
    );
    expectNoErrors(rotated);

    const log = lines.join('');
    // At least the failed lookup was logged, with the request it failed.
    expect(log).toContain('request failed before GraphQL');
    expect(log).not.toContain(key.slice(KEY_MARK.length));
    expect(log).not.toContain(rotated.data?.rotatePartnerKey.apiKey.slice(KEY_MARK.length));
  });

  it('picks up a new manifest without a restart, and keeps the old one when the new is broken', async () => {
    const { key } = await createPartner();
    const body =
      'query PartnerContactCount {\n  contacts(first: 1) {\n    totalCount\n    __typename\n  }\n}';
    const id = sha256(body);
    const call = () => asPartner(key, { extensions: persisted(id) });
    expect(errorCodes(await call())).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);

    const manifest = readManifest(manifestFile);
    manifest.operations.push({ id, name: 'PartnerContactCount', type: 'query', body });
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    const served = await waitFor(
      'the new manifest',
      async () => {
        const res = await call();
        return res.status === 200 ? res : null;
      },
      10_000,
    );
    expect(served.errors).toBeUndefined();
    expect(served.data?.contacts).toEqual({
      totalCount: expect.any(Number),
      __typename: 'ContactConnection',
    });

    // A tampered entry: the whole file is refused and the operations in use stay.
    manifest.operations.push({ id: sha256('other'), name: 'Tampered', type: 'query', body });
    fs.writeFileSync(manifestFile, JSON.stringify(manifest));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await call()).status).toBe(200);
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { AgentDirectory } from './agentDirectory';
import { loadConfig } from './config';
import { IDENTITY_HEADER, verifyForwardedIdentity } from './identity';

const auth = loadConfig({}).auth;
const AGENT = { kind: 'agent', agentId: '11111111-1111-4111-8111-111111111111', email: 'a@x.dev' };

/** A stand-in for desk's GraphQL endpoint that answers `viewer` and counts the questions. */
async function fakeDesk(answer: () => { status: number; body: unknown }) {
  const seen: unknown[] = [];
  const server = http.createServer((req, res) => {
    seen.push(verifyForwardedIdentity(String(req.headers[IDENTITY_HEADER]), auth));
    req.resume();
    req.on('end', () => {
      const { status, body } = answer();
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const url = `http://localhost:${(server.address() as AddressInfo).port}/graphql`;
  const close = () => {
    // Keep-alive sockets of the client would otherwise hold the server, and jest, open.
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  };
  return { url, seen, close };
}

const viewer = (active: boolean, profileId = 'p1') => ({
  status: 200,
  body: {
    data: {
      viewer: {
        id: AGENT.agentId,
        email: AGENT.email,
        active,
        profile: { id: profileId, isAdministrator: false },
      },
    },
  },
});

describe('AgentDirectory', () => {
  it('asks desk as the agent and keeps the answer for the cache period', async () => {
    let profileId = 'p1';
    const desk = await fakeDesk(() => viewer(true, profileId));
    try {
      const directory = new AgentDirectory({
        deskUrl: desk.url,
        auth,
        cacheSeconds: 60,
        timeoutMs: 2000,
      });
      const identity = { kind: 'agent' as const, agentId: AGENT.agentId, email: AGENT.email };
      expect(await directory.lookup(identity)).toEqual({
        agentId: AGENT.agentId,
        email: AGENT.email,
        profileId: 'p1',
        isAdministrator: false,
      });
      profileId = 'p2';
      expect((await directory.lookup(identity)).profileId).toBe('p1');
      expect(desk.seen).toEqual([identity]);

      const uncached = new AgentDirectory({
        deskUrl: desk.url,
        auth,
        cacheSeconds: 0,
        timeoutMs: 2000,
      });
      expect((await uncached.lookup(identity)).profileId).toBe('p2');
      expect((await uncached.lookup(identity)).profileId).toBe('p2');
      expect(desk.seen).toHaveLength(3);
    } finally {
      await desk.close();
    }
  });

  it('refuses an inactive agent as UNAUTHENTICATED and does not keep a failed answer', async () => {
    let answer: { status: number; body: unknown } = viewer(false);
    const desk = await fakeDesk(() => answer);
    try {
      const directory = new AgentDirectory({
        deskUrl: desk.url,
        auth,
        cacheSeconds: 60,
        timeoutMs: 2000,
      });
      const identity = { kind: 'agent' as const, agentId: AGENT.agentId, email: AGENT.email };
      const refusal = await directory.lookup(identity).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(GraphQLError);
      expect((refusal as GraphQLError).extensions.code).toBe('UNAUTHENTICATED');

      answer = { status: 500, body: { errors: [{ message: 'database down' }] } };
      await expect(directory.lookup(identity)).rejects.toThrow(/desk could not say/);

      answer = viewer(true);
      expect((await directory.lookup(identity)).profileId).toBe('p1');
      expect(desk.seen).toHaveLength(3);
    } finally {
      await desk.close();
    }
  });

  it('asks on behalf of the agent a service acts for, and refuses a service acting for nobody', async () => {
    const desk = await fakeDesk(() => viewer(true));
    try {
      const directory = new AgentDirectory({
        deskUrl: desk.url,
        auth,
        cacheSeconds: 0,
        timeoutMs: 2000,
      });
      const service = { kind: 'service' as const, service: 'jobs', onBehalfOf: AGENT.agentId };
      expect((await directory.lookup(service)).agentId).toBe(AGENT.agentId);
      expect(desk.seen).toEqual([service]);
      expect(() => directory.lookup({ kind: 'service', service: 'jobs' })).toThrow(
        /no agent profile/,
      );
    } finally {
      await desk.close();
    }
  });
});

import { GraphQLError } from 'graphql';
import type { Config } from '../../../shared/config';
import { REFUSAL_CODES } from '../../../shared/errors';
import type { Identity } from '../../../shared/identity';
import {
  type SubgraphClient,
  SubgraphCallFailed,
  subgraphClient,
} from '../../../shared/subgraphClient';
import { PROJECTS_SERVICE } from '../domain/taskSync';

/**
 * Desk's API as projects writes to it: always as the service `projects`, so desk's events for
 * those writes say so in causedBy and projects does not take its own changes back (PRJ-3). With
 * an agent, on that agent's behalf: desk then applies the agent's own CRM permissions and records
 * the agent as creator or comment author.
 */
export function deskAsProjects(config: Config, agentId: string | null): SubgraphClient {
  const identity: Identity = agentId
    ? { kind: 'service', service: PROJECTS_SERVICE, onBehalfOf: agentId }
    : { kind: 'service', service: PROJECTS_SERVICE };
  return subgraphClient({
    target: 'desk',
    url: config.subgraphs.desk.url,
    identity,
    auth: config.auth,
    timeoutMs: config.gateway.subgraphTimeoutMs,
  });
}

/** The agent a request acts for: the signed-in agent, or the agent a peer service acts for. */
export function actingAgentId(identity: Identity): string | null {
  return identity.kind === 'agent' ? identity.agentId : (identity.onBehalfOf ?? null);
}

/**
 * Desk's refusal (its permissions, its validation) relayed to the client with desk's own code,
 * saying it was desk; anything else (desk unreachable, a bug) stays an internal error.
 */
export function relayDeskRefusal(error: unknown, what: string): never {
  if (error instanceof SubgraphCallFailed && error.status < 500) {
    const refusal = error.errors.find((e) => REFUSAL_CODES.has(String(e.extensions?.code)));
    if (refusal) {
      throw new GraphQLError(`The CRM refused ${what}: ${refusal.message}`, {
        extensions: { code: refusal.extensions?.code },
      });
    }
  }
  throw error;
}

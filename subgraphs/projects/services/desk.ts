import { GraphQLError } from 'graphql';
import type { Config } from '../../../shared/config';
import { forbidden } from '../../../shared/errors';
import type { Identity } from '../../../shared/identity';
import type { Logger } from '../../../shared/logger';
import { refusalsOf, type SubgraphClient, subgraphClient } from '../../../shared/subgraphClient';
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

/**
 * The agent a request acts for, for deskAsProjects: the signed-in agent, the agent a peer service
 * acts for, or none for a peer service on its own. A partner application has no agent, and desk
 * called as projects on its own would give it projects' powers there: `what` it asked for is
 * refused.
 */
export function actingAgentId(identity: Identity, what: string): string | null {
  switch (identity.kind) {
    case 'agent':
      return identity.agentId;
    case 'service':
      return identity.onBehalfOf ?? null;
    case 'partner':
      throw forbidden(`Only an agent can ${what}`);
  }
}

/**
 * Desk's refusal (its permissions, its validation) relayed to the client with desk's own code,
 * saying it was desk; anything else (desk unreachable, a bug) stays an internal error.
 */
export function relayDeskRefusal(error: unknown, what: string): never {
  const [refusal] = refusalsOf(error);
  if (!refusal) throw error;
  throw new GraphQLError(`The CRM refused ${what}: ${refusal.message}`, {
    extensions: { code: refusal.extensions?.code },
  });
}

/**
 * For a job's write to desk: desk refusing it for good (the desk task is gone, the author may no
 * longer comment) is logged and the job goes on, since retrying cannot help; desk being down or
 * failing is thrown, and the event is retried.
 */
export function logDeskRefusal(
  error: unknown,
  log: Logger,
  what: Record<string, unknown>,
): undefined {
  const refusals = refusalsOf(error);
  if (!refusals.length) throw error;
  log.warn(
    { ...what, refusal: refusals.map((e) => e.message).join('; ') },
    'desk refused a write from projects; not retried',
  );
  return undefined;
}

import { ShortLivedAnswers } from './shortLivedAnswers';
import { GraphQLError } from 'graphql';
import type { Config } from './config';
import { unauthenticated } from './errors';
import type { AgentIdentity, ServiceIdentity } from './identity';
import { SubgraphCallFailed, subgraphClient } from './subgraphClient';

/** Who an agent is in desk's terms: what every other subgraph's permissions are keyed by. */
export interface AgentProfileRef {
  agentId: string;
  email: string;
  profileId: string;
  isAdministrator: boolean;
}

const VIEWER = /* GraphQL */ `
  query AgentProfileOfViewer {
    viewer {
      id
      email
      active
      profile {
        id
        isAdministrator
      }
    }
  }
`;

interface ViewerAnswer {
  viewer: {
    id: string;
    email: string;
    active: boolean;
    profile: { id: string; isAdministrator: boolean };
  };
}

/**
 * Desk owns agents and their profiles; other subgraphs ask desk's API which profile an agent has
 * (with the agent's own identity, so desk applies its own rules) and keep the answer for a few
 * seconds. Permission levels themselves live in each subgraph and apply at once; only moving an
 * agent to another profile takes up to `agentProfileCacheSeconds` to reach the other subgraphs.
 */
export class AgentDirectory {
  private readonly answers: ShortLivedAnswers<AgentProfileRef>;

  constructor(
    private readonly options: {
      deskUrl: string;
      auth: Config['auth'];
      cacheSeconds: number;
      timeoutMs: number;
    },
  ) {
    this.answers = new ShortLivedAnswers(options.cacheSeconds);
  }

  /**
   * The agent a request acts for: the signed-in agent, or the one a service acts on behalf of. A
   * partner is no agent: its identity carries its profile, and desk's `viewer` would refuse it.
   */
  lookup(identity: AgentIdentity | ServiceIdentity): Promise<AgentProfileRef> {
    const agentId = identity.kind === 'agent' ? identity.agentId : identity.onBehalfOf;
    if (!agentId) throw new Error('A service acting on its own behalf has no agent profile');
    return this.answers.get(agentId, () => this.ask(identity));
  }

  private async ask(identity: AgentIdentity | ServiceIdentity): Promise<AgentProfileRef> {
    const desk = subgraphClient({
      target: 'desk',
      url: this.options.deskUrl,
      identity,
      auth: this.options.auth,
      timeoutMs: this.options.timeoutMs,
    });
    try {
      const { viewer } = await desk.request<ViewerAnswer>(VIEWER);
      if (!viewer.active) throw unauthenticated('The agent behind this token is not active');
      return {
        agentId: viewer.id,
        email: viewer.email,
        profileId: viewer.profile.id,
        isAdministrator: viewer.profile.isAdministrator,
      };
    } catch (error) {
      if (error instanceof SubgraphCallFailed && error.codes.includes('UNAUTHENTICATED')) {
        throw unauthenticated('The agent behind this token is not active');
      }
      if (error instanceof GraphQLError) throw error;
      // Without desk nobody's permissions can be known; the client sees an internal error.
      throw new Error(`desk could not say which profile the caller has: ${String(error)}`, {
        cause: error,
      });
    }
  }
}

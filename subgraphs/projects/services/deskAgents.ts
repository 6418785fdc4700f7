import type { EntityManager } from 'typeorm';
import type { SubgraphClient } from '../../../shared/subgraphClient';
import { ProjectsUser } from '../entities';

/** A desk agent as desk's API gives it: projects never reads desk's tables. */
export interface DeskAgent {
  id: string;
  name: string;
  email: string;
}

const AGENT = /* GraphQL */ `
  query DeskAgent($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on Agent {
        id
        name
        email
      }
    }
  }
`;

/** The desk agent; desk answers NOT_FOUND (a thrown SubgraphCallFailed) for one it lacks. */
export async function deskAgent(desk: SubgraphClient, agentId: string): Promise<DeskAgent> {
  const { _entities: agents } = await desk.request<{ _entities: DeskAgent[] }>(AGENT, {
    representations: [{ __typename: 'Agent', id: agentId }],
  });
  return agents[0];
}

export const internalUserOfAgent = (manager: EntityManager, agentId: string) =>
  manager.findOneBy(ProjectsUser, { kind: 'INTERNAL', deskAgentId: agentId });

/**
 * The INTERNAL projects user of a desk agent, imported now from desk's Agent when PRJ-1 has not
 * brought it over yet (a desk task given to an agent who joined since the last import). An
 * INTERNAL user made in projects with the agent's e-mail is that agent: it is linked rather than
 * duplicated, which the unique e-mail would refuse anyway.
 */
export async function importedInternalUser(
  manager: EntityManager,
  desk: SubgraphClient,
  agentId: string,
): Promise<ProjectsUser> {
  const imported = await internalUserOfAgent(manager, agentId);
  if (imported) return imported;
  const agent = await deskAgent(desk, agentId);
  const email = agent.email.trim().toLowerCase();
  const sameEmail = await manager.findOneBy(ProjectsUser, { email });
  if (sameEmail && (sameEmail.kind !== 'INTERNAL' || sameEmail.deskAgentId !== null)) {
    // Not something a retry cures; the event fails and is logged until the users are sorted out.
    throw new Error(
      `desk agent ${agentId}'s e-mail ${email} belongs to projects user ${sameEmail.id}`,
    );
  }
  return manager.save(
    Object.assign(sameEmail ?? manager.create(ProjectsUser, { kind: 'INTERNAL', active: true }), {
      name: agent.name,
      email,
      deskAgentId: agent.id,
      importedAt: new Date(),
    }),
  );
}

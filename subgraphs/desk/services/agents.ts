import type { DataSource } from 'typeorm';
import { Agent } from '../entities';
import type { AgentCredential } from '../generated/resolvers';

/** The active agent with this e-mail (stored lower-case); null for an inactive or unknown one. */
export async function agentCredential(
  db: DataSource,
  email: string,
): Promise<AgentCredential | null> {
  const agent = await db
    .getRepository(Agent)
    .findOneBy({ email: email.trim().toLowerCase(), active: true });
  return agent ? { agentId: agent.id, email: agent.email, name: agent.name } : null;
}

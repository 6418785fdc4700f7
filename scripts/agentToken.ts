import type { DataSource } from 'typeorm';
import type { Config } from '../shared/config';
import { signAgentToken } from '../shared/identity';
import { Agent } from '../subgraphs/desk/entities';

/** A development token for a seeded agent, looked up by e-mail in desk's data. */
export async function agentToken(
  desk: DataSource,
  email: string,
  auth: Config['auth'],
): Promise<string> {
  const agent = await desk.getRepository(Agent).findOneBy({ email: email.toLowerCase() });
  if (!agent) throw new Error(`No agent has the e-mail ${email}`);
  return signAgentToken(agent, auth);
}

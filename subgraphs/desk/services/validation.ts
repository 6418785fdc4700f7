import type { EntityManager } from 'typeorm';
import { badUserInput } from '../../../shared/errors';
import { Agent } from '../entities';
import { existingOne } from '../../../shared/validation';

export {
  email,
  existing,
  existingOne,
  isUniqueViolation,
  optionalText,
  requiredText,
} from '../../../shared/validation';

/**
 * An agent who has left (inactive) cannot be given work nobody would then act on: assigned
 * tickets, owned deals or tasks. `cannot` finishes the refusal's sentence.
 */
export async function activeAgent(
  manager: EntityManager,
  agentId: string,
  field: string,
  cannot: string,
): Promise<string> {
  const agent = await existingOne(manager, Agent, 'Agent', agentId);
  if (!agent.active) {
    throw badUserInput(`Agent "${agent.name}" is inactive and cannot ${cannot}`, { field });
  }
  return agent.id;
}
